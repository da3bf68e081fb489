namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>BuildKit's parser test data, read from ../shared/corpus/buildkit beside the repository.</summary>
internal static class BuildKitCorpus
{
    public static string Directory { get; } = Locate();

    public static string ParserCases => Path.Combine(Directory, "parser");

    /// <summary>Every parser/&lt;case&gt; with a Dockerfile and its expected dump.</summary>
    public static IEnumerable<TestCaseData> DumpCases() =>
        System.IO.Directory.GetDirectories(ParserCases)
            .Where(folder => File.Exists(Path.Combine(folder, "result")))
            .OrderBy(folder => folder, StringComparer.Ordinal)
            .Select(folder => new TestCaseData(Path.GetFileName(folder)).SetName("Dumps_like_BuildKit({0})"));

    /// <summary>Every parser/negative/&lt;case&gt;: Dockerfiles BuildKit rejects.</summary>
    public static IEnumerable<TestCaseData> NegativeCases() =>
        System.IO.Directory.GetDirectories(Path.Combine(ParserCases, "negative"))
            .OrderBy(folder => folder, StringComparer.Ordinal)
            .Select(folder => new TestCaseData(Path.GetFileName(folder)).SetName("Rejects_like_BuildKit({0})"));

    private static string Locate() => RepositoryRoot.BuildKitCorpus();
}
