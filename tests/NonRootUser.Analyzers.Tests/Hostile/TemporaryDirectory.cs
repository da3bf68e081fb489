namespace NonRootUser.Analyzers.Tests.Hostile;

/// <summary>A fresh directory under the system temp folder, deleted (best effort) on dispose. Never inside the repo.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nru-hostile-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            RestorePermissions(new DirectoryInfo(Path));
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temp folder are harmless; a failing cleanup must not hide the test's result.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Tests take permissions away; give them back so the folder can be deleted.
    private static void RestorePermissions(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var entry in directory.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null && entry.Exists)
            {
                entry.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | (entry is DirectoryInfo ? UnixFileMode.UserExecute : 0);
            }
        }
    }
}
