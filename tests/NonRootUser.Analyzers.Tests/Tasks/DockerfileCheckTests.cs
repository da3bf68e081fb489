using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

public class DockerfileCheckTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "nru-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Checks_a_file_matched_twice_once()
    {
        var dockerfile = CreateFile("Dockerfile");
        var calls = new List<string>();
        var check = new DockerfileCheck((path, _) =>
        {
            calls.Add(path);
            return Array.Empty<Diagnostic>();
        });

        var relative = Path.Combine(folder, "sub", "..", "Dockerfile");
        var result = check.Run(new[] { dockerfile, relative, dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.Multiple(() =>
        {
            Assert.That(calls, Is.EqualTo(new[] { dockerfile }));
            Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }));
        });
    }

    [Test]
    public void Keeps_the_order_in_which_files_were_listed()
    {
        var b = CreateFile("b.Dockerfile");
        var a = CreateFile("a.Dockerfile");

        var result = NoFindings().Run(new[] { b, a, b }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { b, a }));
    }

    [Test]
    public void Skips_blank_paths() =>
        Assert.That(NoFindings().Run(new[] { "", "  " }, AnalysisOptions.Default, SeverityPolicy.Default).CheckedFiles, Is.Empty);

    [Test]
    public void Passes_the_options_to_the_analyzer()
    {
        var dockerfile = CreateFile("Dockerfile");
        var options = AnalysisOptions.Default with { TargetStage = "final" };
        AnalysisOptions? seen = null;
        var check = new DockerfileCheck((_, given) =>
        {
            seen = given;
            return Array.Empty<Diagnostic>();
        });

        check.Run(new[] { dockerfile }, options, SeverityPolicy.Default);

        Assert.That(seen, Is.SameAs(options));
    }

    [Test]
    public void Reports_a_finding_with_its_help_link_and_severity()
    {
        var dockerfile = CreateFile("Dockerfile");
        var diagnostic = Finding(dockerfile, RuleIdentifiers.FinalStageRunsAsRoot, DiagnosticSeverity.Warning);

        var result = Returning(diagnostic).Run(new[] { dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.That(result.Findings, Is.EqualTo(new[]
        {
            new ReportedFinding(diagnostic, ReportedSeverity.Warning, "https://github.com/nonroot-user/NonRootUser.Analyzers/blob/main/docs/rules/NRU001.md"),
        }));
    }

    [Test]
    public void Applies_the_severity_policy()
    {
        var dockerfile = CreateFile("Dockerfile");
        var check = Returning(
            Finding(dockerfile, RuleIdentifiers.FinalStageRunsAsRoot, DiagnosticSeverity.Warning),
            Finding(dockerfile, RuleIdentifiers.UserDoesNotExist, DiagnosticSeverity.Warning),
            Finding(dockerfile, RuleIdentifiers.UserIsRoot, DiagnosticSeverity.Info));
        var policy = SeverityPolicy.FromProperties(noWarn: "NRU003", warningsAsErrors: null, warningsNotAsErrors: null, treatWarningsAsErrors: "true");

        var result = check.Run(new[] { dockerfile }, AnalysisOptions.Default, policy);

        Assert.That(
            result.Findings.Select(f => (f.Diagnostic.Id, f.Severity)),
            Is.EqualTo(new[] { ("NRU001", ReportedSeverity.Error), ("NRU002", ReportedSeverity.QuietMessage) }));
    }

    [Test]
    public void Leaves_out_a_finding_suppressed_in_the_Dockerfile()
    {
        var dockerfile = CreateFile("Dockerfile");
        var suppressed = Finding(dockerfile, RuleIdentifiers.UserIsRoot, DiagnosticSeverity.Warning) with
        {
            Suppression = new DiagnosticSuppression(SuppressionKind.InSource, "# nonroot-user ignore=NRU002 (line 1)"),
        };
        var kept = Finding(dockerfile, RuleIdentifiers.FinalStageRunsAsRoot, DiagnosticSeverity.Warning);

        var result = Returning(suppressed, kept).Run(new[] { dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.That(result.Findings.Select(f => f.Diagnostic), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public void Labels_every_finding_with_the_full_path()
    {
        var dockerfile = CreateFile("Dockerfile");
        var check = Returning(Finding("Dockerfile", RuleIdentifiers.FinalStageRunsAsRoot, DiagnosticSeverity.Warning));

        var result = check.Run(new[] { dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.That(result.Findings.Single().Diagnostic.FilePath, Is.EqualTo(dockerfile));
    }

    [Test]
    public void Reports_a_directory_instead_of_analysing_it()
    {
        var directory = Path.Combine(folder, "Dockerfile");
        Directory.CreateDirectory(directory);

        var finding = SingleFinding(NoFindings(), directory);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Diagnostic.Id, Is.EqualTo("NRU000"));
            Assert.That(finding.Diagnostic.FilePath, Is.EqualTo(directory));
            Assert.That(finding.Diagnostic.Message, Does.Contain("is a directory"));
            Assert.That(finding.Severity, Is.EqualTo(ReportedSeverity.Warning));
        });
    }

    [Test]
    public void Reports_a_file_that_no_longer_exists()
    {
        var missing = Path.Combine(folder, "Dockerfile");

        var finding = SingleFinding(NoFindings(), missing);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Diagnostic.Id, Is.EqualTo("NRU000"));
            Assert.That(finding.Diagnostic.Message, Does.Contain("does not exist"));
            Assert.That(finding.Diagnostic.Span, Is.EqualTo(default(SourceSpan)));
        });
    }

    [Test]
    public void Reports_a_file_that_cannot_be_read()
    {
        var dockerfile = CreateFile("Dockerfile");
        var check = new DockerfileCheck((_, _) => throw new UnauthorizedAccessException("Access denied."));

        var finding = SingleFinding(check, dockerfile);

        Assert.Multiple(() =>
        {
            Assert.That(finding.Diagnostic.Id, Is.EqualTo("NRU000"));
            Assert.That(finding.Diagnostic.Message, Does.Contain("could not be read (Access denied.)"));
        });
    }

    [Test]
    public void Turns_a_failure_of_the_analyzer_into_a_finding_and_checks_the_other_files()
    {
        var broken = CreateFile("broken.Dockerfile");
        var fine = CreateFile("fine.Dockerfile");
        var check = new DockerfileCheck((path, _) => path == broken
            ? throw new InvalidOperationException("Sequence contains no elements")
            : new[] { Finding(path, RuleIdentifiers.FinalStageRunsAsRoot, DiagnosticSeverity.Warning) });

        var result = check.Run(new[] { broken, fine }, AnalysisOptions.Default, SeverityPolicy.Default);

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Select(f => (f.Diagnostic.Id, f.Diagnostic.FilePath)), Is.EqualTo(new[] { ("NRU000", broken), ("NRU001", fine) }));
            Assert.That(result.Findings[0].Diagnostic.Message, Does.Contain("InvalidOperationException: Sequence contains no elements"));
        });
    }

    [Test]
    public void A_failure_can_be_silenced_with_NoWarn_like_any_finding()
    {
        var policy = SeverityPolicy.FromProperties("NRU000", null, null, null);

        var result = NoFindings().Run(new[] { Path.Combine(folder, "gone") }, AnalysisOptions.Default, policy);

        Assert.That(result.Findings, Is.Empty);
    }

    [Test]
    public void Tolerates_an_analyzer_that_returns_null_entries()
    {
        var dockerfile = CreateFile("Dockerfile");
        var check = new DockerfileCheck((_, _) => new Diagnostic[] { null! });

        Assert.That(check.Run(new[] { dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default).Findings, Is.Empty);
    }

    [Test]
    public void The_real_analyzer_is_called_by_default()
    {
        var dockerfile = CreateFile("Dockerfile");

        // Whatever the analyzer finds in this clean file, the call goes through and nothing throws.
        Assert.That(() => new DockerfileCheck().Run(new[] { dockerfile }, AnalysisOptions.Default, SeverityPolicy.Default), Throws.Nothing);
    }

    private static DockerfileCheck NoFindings() => new((_, _) => Array.Empty<Diagnostic>());

    private static DockerfileCheck Returning(params Diagnostic[] diagnostics) => new((_, _) => diagnostics);

    private static ReportedFinding SingleFinding(DockerfileCheck check, string path) =>
        check.Run(new[] { path }, AnalysisOptions.Default, SeverityPolicy.Default).Findings.Single();

    private static Diagnostic Finding(string path, string id, DiagnosticSeverity severity) =>
        new(id, "message", path, new SourceSpan(1, 1, 1, 5), severity);

    private string CreateFile(string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n");
        return path;
    }
}
