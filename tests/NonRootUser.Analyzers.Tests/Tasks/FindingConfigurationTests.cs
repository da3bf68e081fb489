using NonRootUser.Analyzers.Configuration;
using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>
/// How a comment, item metadata, .editorconfig and the project's settings combine for one finding: the precedence
/// the README documents (comment and NoWarn, then .editorconfig, then WarningsAsErrors / TreatWarningsAsErrors).
/// </summary>
public class FindingConfigurationTests
{
    private static readonly Diagnostic Warning = new("NRU001", "message", "/src/Dockerfile", new SourceSpan(1, 1, 1, 5), DiagnosticSeverity.Warning);

    private static readonly Diagnostic Info = Warning with { Id = "NRU006", Severity = DiagnosticSeverity.Info };

    private static readonly Diagnostic SuppressedInSource =
        Warning with { Suppression = new DiagnosticSuppression(SuppressionKind.InSource, "# nonroot-user ignore=NRU001 (line 1)") };

    private static (DiagnosticSeverity Severity, string Reported, string? Suppression) Configure(
        Diagnostic diagnostic,
        string? itemNoWarn = null,
        ConfiguredSeverity? editorConfig = null,
        string? noWarn = null,
        string? warningsAsErrors = null,
        string? warningsNotAsErrors = null,
        string? treatWarningsAsErrors = null)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, warningsAsErrors, warningsNotAsErrors, treatWarningsAsErrors);
        var configured = DockerfileCheck.Configure(diagnostic, WarningCodeList.Parse(itemNoWarn), editorConfig, policy, out var reported);
        return (configured.Severity, reported.ToString(), configured.Suppression?.Justification);
    }

    [Test]
    public void Without_configuration_a_warning_is_a_warning() =>
        Assert.That(Configure(Warning), Is.EqualTo((DiagnosticSeverity.Warning, "Warning", (string?)null)));

    [Test]
    public void Without_configuration_an_info_is_a_quiet_message() =>
        Assert.That(Configure(Info), Is.EqualTo((DiagnosticSeverity.Info, "QuietMessage", (string?)null)));

    [Test]
    public void The_items_NoWarn_silences_it_for_that_file() =>
        Assert.That(Configure(Warning, itemNoWarn: "NRU002;nru001"), Is.EqualTo((DiagnosticSeverity.Warning, "Suppressed", (string?)"NoWarn metadata of the NonRootUserDockerfile item")));

    [Test]
    public void The_projects_NoWarn_silences_it_as_an_external_suppression()
    {
        var policy = SeverityPolicy.FromProperties("NRU001", null, null, null);

        var configured = DockerfileCheck.Configure(Warning, WarningCodeList.Empty, null, policy, out var reported);

        Assert.Multiple(() =>
        {
            Assert.That(reported, Is.EqualTo(ReportedSeverity.Suppressed));
            Assert.That(configured.Suppression, Is.EqualTo(new DiagnosticSuppression(SuppressionKind.External, "NoWarn")));
        });
    }

    [TestCase(ConfiguredSeverity.Error, DiagnosticSeverity.Error, "Error")]
    [TestCase(ConfiguredSeverity.Warning, DiagnosticSeverity.Warning, "Warning")]
    [TestCase(ConfiguredSeverity.Suggestion, DiagnosticSeverity.Info, "Message")]
    [TestCase(ConfiguredSeverity.Silent, DiagnosticSeverity.Info, "QuietMessage")]
    public void An_editorconfig_severity_replaces_the_rules_own(ConfiguredSeverity configured, DiagnosticSeverity severity, string reported) =>
        Assert.That(Configure(Warning, editorConfig: configured), Is.EqualTo((severity, reported, (string?)null)));

    [Test]
    public void An_editorconfig_severity_can_raise_an_info_rule_to_a_warning() =>
        Assert.That(Configure(Info, editorConfig: ConfiguredSeverity.Warning).Reported, Is.EqualTo("Warning"));

    [Test]
    public void None_in_editorconfig_suppresses_the_finding_but_keeps_it_for_reports()
    {
        var configured = DockerfileCheck.Configure(Warning, WarningCodeList.Empty, ConfiguredSeverity.None, SeverityPolicy.Default, out var reported);

        Assert.Multiple(() =>
        {
            Assert.That(reported, Is.EqualTo(ReportedSeverity.Suppressed));
            Assert.That(configured.Suppression, Is.EqualTo(new DiagnosticSuppression(SuppressionKind.External, ".editorconfig: none")));
        });
    }

    // Each row: what the layers say, and what wins. "-" means not set.
    [TestCase("inline", "-", "-", "Error", "NRU001", "true", "Suppressed", "# nonroot-user ignore=NRU001 (line 1)", TestName = "1. A comment in the Dockerfile wins over everything")]
    [TestCase("-", "NRU001", "-", "Error", "NRU001", "true", "Suppressed", "NoWarn metadata of the NonRootUserDockerfile item", TestName = "1. The item's NoWarn wins over .editorconfig error and WarningsAsErrors")]
    [TestCase("-", "-", "NRU001", "Error", "-", "-", "Suppressed", "NoWarn", TestName = "1. The project's NoWarn wins over .editorconfig error")]
    [TestCase("-", "-", "NRU001", "-", "NRU001", "true", "Suppressed", "NoWarn", TestName = "1. The project's NoWarn wins over WarningsAsErrors and TreatWarningsAsErrors")]
    [TestCase("-", "-", "-", "None", "NRU001", "true", "Suppressed", ".editorconfig: none", TestName = "2. .editorconfig none wins over WarningsAsErrors and TreatWarningsAsErrors")]
    [TestCase("-", "-", "-", "Suggestion", "NRU001", "true", "Message", null, TestName = "2. .editorconfig suggestion stays a message under WarningsAsErrors and TreatWarningsAsErrors")]
    [TestCase("-", "-", "-", "Silent", "-", "true", "QuietMessage", null, TestName = "2. .editorconfig silent stays a quiet message under TreatWarningsAsErrors")]
    [TestCase("-", "-", "-", "Error", "-", "-", "Error", null, TestName = "2. .editorconfig error makes it an error without any project setting")]
    [TestCase("-", "-", "-", "Warning", "NRU001", "-", "Error", null, TestName = "3. WarningsAsErrors makes an .editorconfig warning an error")]
    [TestCase("-", "-", "-", "Warning", "-", "true", "Error", null, TestName = "3. TreatWarningsAsErrors makes an .editorconfig warning an error")]
    [TestCase("-", "-", "-", "-", "-", "true", "Error", null, TestName = "3. TreatWarningsAsErrors makes a rule's own warning an error")]
    public void Precedence(string comment, string itemNoWarn, string noWarn, string editorConfig, string warningsAsErrors, string treatWarningsAsErrors, string expected, string? justification)
    {
        var diagnostic = comment == "inline" ? SuppressedInSource : Warning;
        var configured = editorConfig == "-" ? (ConfiguredSeverity?)null : Enum.Parse<ConfiguredSeverity>(editorConfig);

        var result = Configure(diagnostic, Unset(itemNoWarn), configured, Unset(noWarn), Unset(warningsAsErrors), treatWarningsAsErrors: Unset(treatWarningsAsErrors));

        Assert.That((result.Reported, result.Suppression), Is.EqualTo((expected, justification)));
    }

    [Test]
    public void WarningsNotAsErrors_keeps_an_editorconfig_warning_a_warning_under_TreatWarningsAsErrors() =>
        Assert.That(Configure(Warning, editorConfig: ConfiguredSeverity.Warning, warningsNotAsErrors: "NRU001", treatWarningsAsErrors: "true").Reported, Is.EqualTo("Warning"));

    [Test]
    public void A_report_gets_the_severity_the_finding_is_logged_at() =>
        Assert.That(Configure(Warning, treatWarningsAsErrors: "true").Severity, Is.EqualTo(DiagnosticSeverity.Error));

    [Test]
    public void A_finding_suppressed_in_the_Dockerfile_keeps_its_in_source_suppression() =>
        Assert.That(Configure(SuppressedInSource, itemNoWarn: "NRU001", noWarn: "NRU001", editorConfig: ConfiguredSeverity.None), Is.EqualTo((DiagnosticSeverity.Warning, "Suppressed", (string?)"# nonroot-user ignore=NRU001 (line 1)")));

    [Test]
    public void Duplicate_items_are_merged_their_NoWarn_codes_add_up_the_first_TargetStage_counts_and_one_Enabled_false_skips()
    {
        var items = DockerfileCheck.DistinctItems(new[]
        {
            new DockerfileItem("/src/Dockerfile", "NRU001"),
            new DockerfileItem("/src/other/../Dockerfile", "NRU002", TargetStage: "runtime", Enabled: false),
            new DockerfileItem("/src/Dockerfile", TargetStage: "debug"),
            new DockerfileItem("/src/Containerfile"),
        });

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => i.Path), Is.EqualTo(new[] { Path.GetFullPath("/src/Dockerfile"), Path.GetFullPath("/src/Containerfile") }));
            Assert.That(WarningCodeList.Parse(items[0].NoWarn).Contains("NRU002"), Is.True);
            Assert.That(WarningCodeList.Parse(items[0].NoWarn).Contains("NRU001"), Is.True);
            Assert.That((items[0].TargetStage, items[0].Enabled), Is.EqualTo(("runtime", false)));
            Assert.That((items[1].TargetStage, items[1].Enabled), Is.EqualTo(((string?)null, true)));
        });
    }

    private static string? Unset(string value) => value == "-" ? null : value;
}
