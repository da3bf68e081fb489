namespace NonRootUser.Analyzers.Tests.EndToEnd;

public class BuildLogTests
{
    [Test]
    public void Reads_a_warning_with_a_full_span()
    {
        var log = "/tmp/app/Dockerfile(1,1,1,41): warning NRU001: Add a USER instruction. [/tmp/app/App.csproj]";

        Assert.That(BuildLog.Diagnostics(log), Is.EqualTo(new[]
        {
            new BuildDiagnostic("/tmp/app/Dockerfile", 1, 1, 1, 41, "warning", "NRU001", "Add a USER instruction."),
        }));
    }

    [Test]
    public void Reads_an_error_about_a_whole_file()
    {
        var log = "/tmp/app/Dockerfile : error NRU000: The Dockerfile '/tmp/app/Dockerfile' does not exist. [/tmp/app/App.csproj]";

        Assert.That(BuildLog.Diagnostics(log).Single(), Is.EqualTo(
            new BuildDiagnostic("/tmp/app/Dockerfile", 0, 0, 0, 0, "error", "NRU000", "The Dockerfile '/tmp/app/Dockerfile' does not exist.")));
    }

    [Test]
    public void Reads_a_Windows_path_a_node_prefix_and_a_line_and_column_only()
    {
        var log = "  3>C:\\src\\My App\\Dockerfile(12,5): warning NRU003: USER app does not exist [C:\\src\\My App\\App.csproj]";

        Assert.That(BuildLog.Diagnostics(log).Single(), Is.EqualTo(
            new BuildDiagnostic("C:\\src\\My App\\Dockerfile", 12, 5, 0, 0, "warning", "NRU003", "USER app does not exist")));
    }

    [Test]
    public void Reads_MSBuild_errors_too()
    {
        var log = "/tmp/app/App.csproj(12,5): error MSB4018: The \"AnalyzeDockerfiles\" task failed unexpectedly. [/tmp/app/App.csproj]\r\nMSBUILD : error MSB1009: Project file does not exist.";

        Assert.That(BuildLog.Diagnostics(log).Select(d => (d.File, d.Code)), Is.EqualTo(new[] { ("/tmp/app/App.csproj", "MSB4018"), ("MSBUILD", "MSB1009") }));
    }

    [Test]
    public void Ignores_other_lines()
    {
        var log = """
              Determining projects to restore...
              App -> /tmp/app/bin/Debug/net10.0/App.dll
            Build succeeded.
                0 Warning(s)
            """;

        Assert.That(BuildLog.Diagnostics(log), Is.Empty);
    }

    [Test]
    public void Lists_the_files_the_task_checked()
    {
        var log = """
            Target "NonRootUserAnalyzeDockerfiles" in file "/p/build/NonRootUser.Analyzers.targets":
              Task "AnalyzeDockerfiles"
                NonRootUser.Analyzers checked /tmp/app/Dockerfile
            1>    NonRootUser.Analyzers checked /tmp/app/{odd} name/Containerfile
              Done executing task "AnalyzeDockerfiles".
            """;

        Assert.That(BuildLog.CheckedFiles(log), Is.EqualTo(new[] { "/tmp/app/Dockerfile", "/tmp/app/{odd} name/Containerfile" }));
    }
}
