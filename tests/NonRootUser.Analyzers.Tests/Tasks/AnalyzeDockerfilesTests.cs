using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>The MSBuild task itself, run in-process: what it logs, how, and what it returns.</summary>
public class AnalyzeDockerfilesTests
{
    private const string RootImage = "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /app\n";

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "nru-task-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Logs_a_finding_as_a_warning_with_file_span_and_help_link()
    {
        var dockerfile = Write("Dockerfile", RootImage);

        var run = TaskHarness.Run(new[] { dockerfile });

        var finding = run.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.Succeeded, Is.True);
            Assert.That((finding.Kind, finding.Code, finding.File, finding.Line, finding.Column, finding.EndLine), Is.EqualTo(("warning", "NRU001", dockerfile, 1, 1, 1)));
            Assert.That(finding.EndColumn, Is.EqualTo("FROM mcr.microsoft.com/dotnet/aspnet:8.0".Length + 1));
            Assert.That(finding.HelpLink, Is.EqualTo(RuleDescriptors.GetHelpUri("NRU001").ToString()));
            Assert.That(finding.Message, Does.Contain("USER"));
        });
    }

    [Test]
    public void Reports_errors_and_fails_under_TreatWarningsAsErrors()
    {
        var run = TaskHarness.Run(new[] { Write("Dockerfile", RootImage) }, new Dictionary<string, string> { ["TreatWarningsAsErrors"] = "true" });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Kind, f.Code)), Is.EqualTo(new[] { ("error", "NRU001") }));
            Assert.That(run.Succeeded, Is.False);
        });
    }

    [Test]
    public void Stays_quiet_about_a_code_in_NoWarn_but_says_which_file_it_checked()
    {
        var dockerfile = Write("Dockerfile", RootImage);

        var run = TaskHarness.Run(new[] { dockerfile }, new Dictionary<string, string> { ["NoWarn"] = "CS1591; nru001" });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings, Is.Empty);
            Assert.That(run.Events.Select(e => (e.Kind, e.Message, e.Importance)), Is.EqualTo(new[] { ("message", "NonRootUser.Analyzers checked " + dockerfile, "Normal") }));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void Passes_build_arguments_and_the_target_stage_to_the_analysis()
    {
        var dockerfile = Write("Dockerfile", "ARG TAG=8.0\nFROM mcr.microsoft.com/dotnet/aspnet:${TAG} AS runtime\nUSER app\n\nFROM runtime AS debug\nUSER root\n");

        var withArguments = TaskHarness.Run(new[] { dockerfile }, new Dictionary<string, string>
        {
            ["BuildArguments"] = "--build-arg TAG=6.0",
            ["TargetStage"] = " runtime ",
        });
        var lastStage = TaskHarness.Run(new[] { dockerfile });

        Assert.Multiple(() =>
        {
            Assert.That(withArguments.Findings.Select(f => (f.Code, f.Line)), Is.EqualTo(new[] { ("NRU003", 3) }));
            Assert.That(lastStage.Findings.Select(f => (f.Code, f.Line)), Is.EqualTo(new[] { ("NRU002", 6) }));
        });
    }

    [Test]
    public void Logs_an_info_finding_as_a_low_importance_message_with_its_code()
    {
        var dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# nonroot-user ignore=NRU999\nUSER $APP_UID\n");

        var run = TaskHarness.Run(new[] { dockerfile });

        var finding = run.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That((finding.Kind, finding.Code, finding.File, finding.Line, finding.Importance), Is.EqualTo(("message", "NRU006", dockerfile, 2, "Low")));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void Reports_a_folder_listed_as_a_Dockerfile_and_goes_on()
    {
        var directory = Path.Combine(folder, "{odd} Dockerfile");
        Directory.CreateDirectory(directory);
        var dockerfile = Write("Containerfile", RootImage);

        var run = TaskHarness.Run(new[] { directory, dockerfile });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Kind, f.Code, f.File, f.Line)), Is.EqualTo(new[] { ("warning", "NRU000", directory, 0), ("warning", "NRU001", dockerfile, 1) }));
            // Logged verbatim: braces in a path are not format placeholders.
            Assert.That(run.Findings[0].Message, Does.Contain("{odd} Dockerfile"));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void Applies_editorconfig_severities_next_to_the_Dockerfile()
    {
        var strict = Write("strict/Dockerfile", RootImage);
        var lax = Write("lax/Dockerfile", RootImage);
        Write(".editorconfig", "root = true\n\n[strict/Dockerfile]\ndotnet_diagnostic.NRU001.severity = error\n\n[lax/**]\ndotnet_diagnostic.NRU001.severity = none\n");

        var run = TaskHarness.Run(new[] { strict, lax });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Kind, f.Code, f.File)), Is.EqualTo(new[] { ("error", "NRU001", strict) }));
            Assert.That(run.Succeeded, Is.False);
        });
    }

    [Test]
    public void Writes_every_finding_to_the_SARIF_file_when_asked()
    {
        var dockerfile = Write("Dockerfile", RootImage);
        var sarif = Path.Combine(folder, "out", "nonroot-user.sarif");

        var run = TaskHarness.Run(new[] { dockerfile }, new Dictionary<string, string> { ["SarifFile"] = sarif, ["WarningsAsErrors"] = "NRU001" });

        using var log = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sarif));
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.Succeeded, Is.False);
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("NRU001"));
            Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
        });
    }

    [Test]
    public void Warns_when_the_SARIF_file_cannot_be_written()
    {
        var blocker = Write("blocker", "a file where a folder should be");

        var run = TaskHarness.Run(Array.Empty<string>(), new Dictionary<string, string> { ["SarifFile"] = Path.Combine(blocker, "x.sarif") });

        Assert.Multiple(() =>
        {
            Assert.That(run.Events.Single().Kind, Is.EqualTo("warning"));
            Assert.That(run.Events.Single().Message, Does.Contain("SARIF"));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void Checks_nothing_and_succeeds_without_Dockerfiles()
    {
        var run = TaskHarness.Run(Array.Empty<string>());

        Assert.Multiple(() =>
        {
            Assert.That(run.Events, Is.Empty);
            Assert.That(run.Succeeded, Is.True);
        });
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
