using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>The parser against BuildKit's own parser test data: same dump, same rejections, same line ranges.</summary>
public class BuildKitConformanceTests
{
    [OneTimeSetUp]
    public void Counts()
    {
        var dumps = BuildKitCorpus.DumpCases().Count();
        var negatives = BuildKitCorpus.NegativeCases().Count();
        TestContext.Out.WriteLine($"BuildKit corpus: {dumps} dump cases, {negatives} negative cases, 1 line-range case");
        Assert.That((dumps, negatives), Is.EqualTo((33, 4)), "the corpus should hold 33 dump cases and 4 negative cases");
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
