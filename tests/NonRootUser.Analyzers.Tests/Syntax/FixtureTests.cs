using System.Text;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>
/// Byte-exact Dockerfiles in Fixtures/Syntax (CRLF, BOM, lone CR, escape directive, heredocs, trailing white space),
/// each with the tree it must give in <c>&lt;name&gt;.expected</c>: every node's span, words and comments.
/// </summary>
public class FixtureTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Syntax");

    public static IEnumerable<TestCaseData> Fixtures() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Syntax"), "*.Dockerfile")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName("Fixture({0})"));

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture(string name)
    {
        var result = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(Folder, name)));

        Assert.That(result.Errors, Is.Empty);
        var expected = File.ReadAllText(Path.Combine(Folder, Path.ChangeExtension(name, ".expected")));
        Assert.That(Render(result.Syntax!), Is.EqualTo(expected.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    /// <summary>A readable rendering of everything the tree says, positions included.</summary>
    public static string Render(DockerfileSyntax syntax)
    {
        var text = new StringBuilder();
        text.Append("escape ").Append(syntax.EscapeCharacter).Append(" span ").Append(syntax.Span).Append('\n');
        foreach (var directive in syntax.Directives)
        {
            text.Append("directive ").Append(directive.Name).Append('=').Append(BuildKitDump.Quote(directive.Value)).Append(' ').Append(directive.Span).Append('\n');
        }

        foreach (var comment in syntax.Comments)
        {
            text.Append("comment ").Append(BuildKitDump.Quote(comment.Text)).Append(' ').Append(comment.Span).Append('\n');
        }

        foreach (var instruction in syntax.Instructions)
        {
            RenderInstruction(text, instruction, string.Empty);
        }

        return text.ToString();
    }

    private static void RenderInstruction(StringBuilder text, InstructionSyntax instruction, string indent)
    {
        text.Append(indent).Append(instruction.GetType().Name).Append(' ').Append(instruction.Span)
            .Append(" keyword ").Append(instruction.Keyword).Append(' ').Append(instruction.KeywordSpan).Append('\n');
        foreach (var flag in instruction.Flags)
        {
            text.Append(indent).Append("  flag ").Append(BuildKitDump.Quote(flag.ToString())).Append(' ').Append(flag.Span).Append('\n');
        }

        if (instruction is OnbuildInstruction onbuild)
        {
            RenderInstruction(text, onbuild.Trigger, indent + "  ");
            return;
        }

        foreach (var word in instruction.Arguments)
        {
            text.Append(indent).Append("  word ").Append(BuildKitDump.Quote(word.Value)).Append(' ').Append(word.Span).Append('\n');
        }

        var heredocs = instruction switch
        {
            RunInstruction run => run.Heredocs,
            CopyInstruction copy => copy.Heredocs,
            AddInstruction add => add.Heredocs,
            _ => Array.Empty<HeredocSyntax>(),
        };
        foreach (var heredoc in heredocs)
        {
            text.Append(indent).Append("  heredoc ").Append(heredoc.Name)
                .Append(heredoc.Expand ? " expand" : " no-expand")
                .Append(heredoc.StripLeadingTabs ? " strip-tabs " : " ")
                .Append(BuildKitDump.Quote(heredoc.Content)).Append(' ').Append(heredoc.Span).Append('\n');
        }
    }
}
