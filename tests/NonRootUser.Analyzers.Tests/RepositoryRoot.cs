namespace NonRootUser.Analyzers.Tests;

/// <summary>
/// Where the tests find files: the repository's root (the nearest folder above the tests that holds
/// NonRootUser.Analyzers.sln) and the shared, read-only corpus beside it (<c>../shared/corpus</c>).
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path under <c>../shared/corpus/buildkit</c>, e.g. <c>Corpus("shell", "envVarTest")</c>.</summary>
    public static string BuildKitCorpus(params string[] parts) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(new[] { Path, "..", "shared", "corpus", "buildkit" }.Concat(parts).ToArray()));

    private static string Find()
    {
        var start = TestContext.CurrentContext?.TestDirectory ?? AppContext.BaseDirectory;
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NonRootUser.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No NonRootUser.Analyzers.sln above {start}.");
    }
}
