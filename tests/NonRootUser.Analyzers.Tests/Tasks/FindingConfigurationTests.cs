using NonRootUser.Analyzers.Configuration;
using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>How item metadata, .editorconfig and the project's settings combine for one finding.</summary>
public class FindingConfigurationTests
{
    private static readonly Diagnostic Warning = new("NRU001", "message", "/src/Dockerfile", new SourceSpan(1, 1, 1, 5), DiagnosticSeverity.Warning);

    private static (DiagnosticSeverity? Severity, string Reported, string? Suppression) Configure(
        Diagnostic diagnostic, string? itemNoWarn = null, ConfiguredSeverity? editorConfig = null, string? noWarn = null, string? treatWarningsAsErrors = null)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, null, null, treatWarningsAsErrors);
        var configured = DockerfileCheck.Configure(diagnostic, WarningCodeList.Parse(itemNoWarn), editorConfig, policy, out var reported);
        return (configured?.Severity, reported.ToString(), configured?.Suppression?.Justification);
    }

    [Test]
    public void Without_configuration_a_warning_is_a_warning() =>
        Assert.That(Configure(Warning), Is.EqualTo(((DiagnosticSeverity?)DiagnosticSeverity.Warning, "Warning", (string?)null)));

    [Test]
    public void The_items_NoWarn_silences_it_for_that_file() =>
        Assert.That(Configure(Warning, itemNoWarn: "NRU002;nru001"), Is.EqualTo(((DiagnosticSeverity?)DiagnosticSeverity.Warning, "Suppressed", (string?)"NoWarn metadata of the NonRootUserDockerfile item")));

    [TestCase(ConfiguredSeverity.Error, DiagnosticSeverity.Error, "Error")]
    [TestCase(ConfiguredSeverity.Warning, DiagnosticSeverity.Warning, "Warning")]
    [TestCase(ConfiguredSeverity.Suggestion, DiagnosticSeverity.Info, "Message")]
    public void An_editorconfig_severity_replaces_the_rules_own(ConfiguredSeverity configured, DiagnosticSeverity severity, string reported) =>
        Assert.That(Configure(Warning, editorConfig: configured), Is.EqualTo(((DiagnosticSeverity?)severity, reported, (string?)null)));

    [Test]
    public void Silent_in_editorconfig_keeps_the_finding_for_reports_only() =>
        Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.Silent).Suppression, Is.EqualTo(".editorconfig severity = silent"));

    [Test]
    public void None_in_editorconfig_drops_the_finding() =>
        Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.None), Is.EqualTo(((DiagnosticSeverity?)null, "Suppressed", (string?)null)));

    [Test]
    public void The_project_settings_apply_after_editorconfig()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.Warning, treatWarningsAsErrors: "true").Reported, Is.EqualTo("Error"));
            Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.Suggestion, treatWarningsAsErrors: "true").Reported, Is.EqualTo("Message"));
            Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.Warning, noWarn: "NRU001"), Is.EqualTo(((DiagnosticSeverity?)DiagnosticSeverity.Warning, "Suppressed", (string?)"NoWarn")));
        });
    }

    [Test]
    public void A_report_gets_the_severity_the_finding_is_logged_at() =>
        Assert.That(Configure(Warning, treatWarningsAsErrors: "true").Severity, Is.EqualTo(DiagnosticSeverity.Error));

    [Test]
    public void A_finding_suppressed_in_the_Dockerfile_stays_suppressed_whatever_the_configuration()
    {
        var suppressed = Warning with { Suppression = new DiagnosticSuppression(SuppressionKind.InSource, "# nonroot-user ignore=NRU001 (line 1)") };

        Assert.That(Configure(suppressed, editorConfig: ConfiguredSeverity.Error), Is.EqualTo(((DiagnosticSeverity?)DiagnosticSeverity.Warning, "Suppressed", (string?)"# nonroot-user ignore=NRU001 (line 1)")));
    }

    [Test]
    public void Duplicate_items_are_merged_and_their_NoWarn_codes_add_up()
    {
        var items = DockerfileCheck.DistinctItems(new[]
        {
            new DockerfileItem("/src/Dockerfile", "NRU001"),
            new DockerfileItem("/src/other/../Dockerfile", "NRU002"),
            new DockerfileItem("/src/Containerfile"),
        });

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Path), Is.EqualTo(new[] { Path.GetFullPath("/src/Dockerfile"), Path.GetFullPath("/src/Containerfile") }));
            Assert.That(WarningCodeList.Parse(items[0].NoWarn).Contains("NRU002"), Is.True);
            Assert.That(WarningCodeList.Parse(items[0].NoWarn).Contains("NRU001"), Is.True);
        });
    }
}
