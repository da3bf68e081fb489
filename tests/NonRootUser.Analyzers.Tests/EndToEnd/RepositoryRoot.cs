namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>Finds the repository's root: the nearest folder above the tests that holds NonRootUser.Analyzers.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NonRootUser.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No NonRootUser.Analyzers.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
