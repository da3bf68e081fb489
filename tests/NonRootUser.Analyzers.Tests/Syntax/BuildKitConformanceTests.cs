using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>The parser against BuildKit's own parser test data: same dump, same rejections, same line ranges.</summary>
public class BuildKitConformanceTests
{
    [Test]
    public void Corpus_holds_33_dump_cases_and_4_negative_cases()
    {
        var dumps = BuildKitCorpus.DumpCases().Count();
        var negatives = BuildKitCorpus.NegativeCases().Count();
        var dumped = BuildKitCorpus.DumpCases().Count(testCase => Dumps((string)testCase.Arguments[0]!));
        var rejected = BuildKitCorpus.NegativeCases().Count(testCase => !DockerfileParser.Parse(
            File.ReadAllBytes(Path.Combine(BuildKitCorpus.ParserCases, "negative", (string)testCase.Arguments[0]!, "Dockerfile"))).Success);

        TestContext.Out.WriteLine($"BuildKit corpus: {dumped}/{dumps} dumps identical, {rejected}/{negatives} negative cases rejected, 1 line-range case");
        Assert.That((dumps, negatives), Is.EqualTo((33, 4)));
        Assert.That((dumped, rejected), Is.EqualTo((dumps, negatives)));
    }

    private static bool Dumps(string name)
    {
        var folder = Path.Combine(BuildKitCorpus.ParserCases, name);
        var result = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(folder, "Dockerfile")));
        return result.Success && BuildKitDump.Format(result.Syntax!) == File.ReadAllText(Path.Combine(folder, "result"));
    }

    [TestCaseSource(typeof(BuildKitCorpus), nameof(BuildKitCorpus.DumpCases))]
    public void Dumps_like_BuildKit(string name)
    {
        var folder = Path.Combine(BuildKitCorpus.ParserCases, name);
        var result = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(folder, "Dockerfile")));

        Assert.That(result.Errors, Is.Empty, () => string.Join("\n", result.Errors));
        var expected = File.ReadAllText(Path.Combine(folder, "result"));
        Assert.That(BuildKitDump.Format(result.Syntax!), Is.EqualTo(expected));
    }

    [TestCaseSource(typeof(BuildKitCorpus), nameof(BuildKitCorpus.NegativeCases))]
    public void Rejects_like_BuildKit(string name)
    {
        var result = DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(BuildKitCorpus.ParserCases, "negative", name, "Dockerfile")));

        Assert.That(result.Success, Is.False);
        Assert.That(result.Syntax, Is.Null);
        Assert.That(result.Errors, Has.Count.EqualTo(1));
        var error = result.Errors[0];
        TestContext.Out.WriteLine($"{name}: {error}");
        Assert.That(error.Position.Line, Is.GreaterThanOrEqualTo(1));
        Assert.That(error.Position.Column, Is.GreaterThanOrEqualTo(1));
        Assert.That(error.Message, Does.StartWith("expected "));
    }

    [Test]
    public void Reports_the_line_ranges_BuildKit_reports()
    {
        var path = Path.Combine(BuildKitCorpus.ParserCases, "_extra", "testfile-line", "Dockerfile");
        var syntax = DockerfileParser.Parse(File.ReadAllBytes(path)).Syntax!;

        var lines = syntax.Instructions.Select(instruction => (instruction.Span.Start.Line, instruction.Span.End.Line));
        Assert.That(lines, Is.EqualTo(new[] { (5, 5), (11, 12), (17, 31) }));
        Assert.That((syntax.Span.Start.Line, syntax.Span.End.Line), Is.EqualTo((5, 31)));
    }
}
