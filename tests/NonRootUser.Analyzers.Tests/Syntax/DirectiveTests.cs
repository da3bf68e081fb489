using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Parser directives: <c># syntax=</c>, <c># escape=</c> and <c># check=</c> before anything else.</summary>
public class DirectiveTests
{
    [Test]
    public void Directives_are_read_with_lower_case_names_and_spans()
    {
        var markup = SpanMarkup.Parse(
            "[|# syntax=docker/dockerfile:1|]\n[|#ESCAPE = \\|]\n[|# Check=skip=JSONArgsRecommended|]\nFROM alpine\n");

        var syntax = Parsed.Syntax(markup.Text);

        Assert.That(syntax.Directives.Select(directive => (directive.Name, directive.Value)), Is.EqualTo(new[]
        {
            ("syntax", "docker/dockerfile:1"), ("escape", "\\"), ("check", "skip=JSONArgsRecommended"),
        }));
        Assert.That(syntax.Directives.Select(directive => directive.Span), Is.EqualTo(markup.Spans));
        Assert.That(syntax.Comments, Is.Empty, "directives are not comments");
        Assert.That(syntax.EscapeCharacter, Is.EqualTo('\\'));
    }

    [Test]
    public void Directive_after_a_comment_is_only_a_comment()
    {
        var syntax = Parsed.Syntax("# a comment\n# escape=`\nFROM alpine\nRUN a \\\n  b\n");

        Assert.That(syntax.Directives, Is.Empty);
        Assert.That(syntax.EscapeCharacter, Is.EqualTo('\\'));
        Assert.That(syntax.Comments.Select(comment => comment.Text), Is.EqualTo(new[] { "a comment", "escape=`" }));
        Assert.That(syntax.Instructions.OfType<RunInstruction>().Single().Command.ShellText, Is.EqualTo("a   b"));
    }

    [TestCase("\n# escape=`\nFROM a\n")]
    [TestCase("FROM a\n# escape=`\n")]
    [TestCase("# unknown=1\n# escape=`\nFROM a\n")]
    public void Directive_anywhere_but_the_top_is_a_comment(string dockerfile)
    {
        var syntax = Parsed.Syntax(dockerfile);

        Assert.That(syntax.Directives, Is.Empty);
        Assert.That(syntax.EscapeCharacter, Is.EqualTo('\\'));
        Assert.That(syntax.Comments.Select(comment => comment.Text), Does.Contain("escape=`"));
    }

    [Test]
    public void Directive_with_padding_around_name_and_value()
    {
        var syntax = Parsed.Syntax("  #   escape   =   `   \nFROM a\n");

        Assert.That(syntax.Directives.Single().Value, Is.EqualTo("`"));
        Assert.That(syntax.EscapeCharacter, Is.EqualTo('`'));
    }

    [Test]
    public void Repeated_directive_is_an_error()
    {
        Assert.That(Parsed.Error("# escape=`\n# escape=\\\nFROM a\n"), Is.EqualTo("line 2, column 1: expected only one escape parser directive"));
    }

    [Test]
    public void Escape_directive_accepts_only_backslash_or_backtick()
    {
        Assert.That(Parsed.Error("# escape=x\nFROM a\n"), Is.EqualTo("line 1, column 10: expected \\ or ` as the escape character"));
    }
}
