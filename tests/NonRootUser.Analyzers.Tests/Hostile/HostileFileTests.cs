using System.Diagnostics;
using NonRootUser.Analyzers.Tests.Fuzzing;
using static NonRootUser.Analyzers.Tests.Hostile.Hostile;

namespace NonRootUser.Analyzers.Tests.Hostile;

/// <summary>
/// Files that cannot be read the ordinary way: gone, unreadable, a directory, a symlink loop, a FIFO, a path too
/// long. Each gives one NRU000 at the start of the file that says why, never an exception or a hang.
/// </summary>
public class HostileFileTests
{
    private const string ParseFailure = "NRU000";

    [Test]
    public void File_deleted_between_discovery_and_reading_is_reported()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("Dockerfile", "FROM alpine\n"u8.ToArray());
        File.Delete(path);

        var diagnostic = CannotRead(AnalyzeFile(path));
        Assert.That(diagnostic.FilePath, Is.EqualTo(path));
        Assert.That(diagnostic.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void File_in_a_deleted_directory_is_reported()
    {
        string path;
        using (var directory = new TemporaryDirectory())
        {
            path = Path.Combine(directory.Path, "src", "Dockerfile");
        }

        Assert.That(CannotRead(AnalyzeFile(path)).Message, Does.Contain("does not exist"));
    }

    [Test]
    public void File_without_read_permission_is_reported()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the test takes Unix read permission away");
            return;
        }

        if (Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("running as root (as CI does): root reads any file whatever its mode, so there is no unreadable file to test with");
            return;
        }

        using var directory = new TemporaryDirectory();
        var path = directory.Write("Dockerfile", "FROM alpine\n"u8.ToArray());
        File.SetUnixFileMode(path, UnixFileMode.None);

        Assert.That(CannotRead(AnalyzeFile(path)).Message, Does.Contain("denied"));
    }

    [Test]
    public void Directory_named_Dockerfile_is_reported()
    {
        using var directory = new TemporaryDirectory();
        var path = Directory.CreateDirectory(Path.Combine(directory.Path, "Dockerfile")).FullName;

        Assert.That(CannotRead(AnalyzeFile(path)).Message, Does.Contain("directory"));
    }

    [Test]
    public void Symlink_loop_is_reported()
    {
        using var directory = new TemporaryDirectory();
        var first = Path.Combine(directory.Path, "Dockerfile");
        var second = Path.Combine(directory.Path, "Dockerfile.loop");
        File.CreateSymbolicLink(first, second);
        File.CreateSymbolicLink(second, first);

        Assert.That(CannotRead(AnalyzeFile(first)).Message, Does.Contain("symbolic links").IgnoreCase);
    }

    [Test]
    public void Dangling_symlink_is_reported()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "Dockerfile");
        File.CreateSymbolicLink(path, Path.Combine(directory.Path, "gone"));

        Assert.That(CannotRead(AnalyzeFile(path)).Message, Does.Contain("Could not find file"));
    }

    [Test]
    public void Path_longer_than_path_max_is_reported()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, string.Join('/', Enumerable.Repeat(new string('d', 200), 25)), "Dockerfile");
        Assert.That(path, Has.Length.GreaterThan(4096));

        CannotRead(AnalyzeFile(path));
    }

    [Test]
    public void File_name_longer_than_name_max_is_reported()
    {
        using var directory = new TemporaryDirectory();
        CannotRead(AnalyzeFile(Path.Combine(directory.Path, new string('f', 300))));
    }

    [TestCase("", TestName = "Empty path is reported")]
    [TestCase("bad\0name", TestName = "Path with a NUL character is reported")]
    public void Invalid_path_is_reported(string path) => CannotRead(AnalyzeFile(path));

    [Test]
    public void Null_path_is_reported() => CannotRead(AnalyzeFile(null!));

    [Test]
    public void Fifo_named_Dockerfile_does_not_hang_the_build()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "FIFOs");
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "Dockerfile");
        MakeFifo(path);
        try
        {
            var finished = Bounded.TryRun(() => DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default), TimeSpan.FromSeconds(10), out var diagnostics);
            Assert.That(finished, Is.True, "AnalyzeFile on a FIFO did not return within 10 s");
            CannotRead(diagnostics!);
        }
        finally
        {
            ReleaseReader(path);
        }
    }

    private static Diagnostic CannotRead(IReadOnlyList<Diagnostic> diagnostics)
    {
        var diagnostic = Single(diagnostics);
        Assert.That(diagnostic.Id, Is.EqualTo(ParseFailure));
        Assert.That(diagnostic.Span, Is.EqualTo(Span(1, 1, 1, 1)));
        Assert.That(diagnostic.Message, Does.StartWith("The Dockerfile cannot be read: "));
        return diagnostic;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assume.That(mkfifo.ExitCode, Is.Zero, "mkfifo is needed to make a FIFO");
    }

    // A reader blocked on the FIFO returns once a writer opens and closes it; never leave a thread stuck.
    private static void ReleaseReader(string path)
    {
        try
        {
            using var writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        }
        catch (IOException)
        {
        }
    }
}
