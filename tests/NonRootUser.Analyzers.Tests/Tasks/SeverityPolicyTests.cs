using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

public class SeverityPolicyTests
{
    private const string Code = "NRU001";

    // NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors -> how a warning NRU001 is reported
    [TestCase("", "", "", "", "Warning", TestName = "No settings: a warning stays a warning")]
    [TestCase("NRU001", "", "", "", "Suppressed", TestName = "NoWarn silences it")]
    [TestCase("1701;1702; nru001 ", "", "", "", "Suppressed", TestName = "NoWarn is a trimmed, case-insensitive list")]
    [TestCase("NRU002", "", "", "", "Warning", TestName = "NoWarn of another code changes nothing")]
    [TestCase("", "NRU001", "", "", "Error", TestName = "WarningsAsErrors makes it an error")]
    [TestCase("", "CS0168,NRU001", "", "", "Error", TestName = "WarningsAsErrors may use commas")]
    [TestCase("", "NRU002", "", "", "Warning", TestName = "WarningsAsErrors of another code changes nothing")]
    [TestCase("", "", "", "true", "Error", TestName = "TreatWarningsAsErrors makes it an error")]
    [TestCase("", "", "", " True ", "Error", TestName = "TreatWarningsAsErrors is read like MSBuild reads booleans")]
    [TestCase("", "", "", "false", "Warning", TestName = "TreatWarningsAsErrors=false changes nothing")]
    [TestCase("", "", "", "maybe", "Warning", TestName = "A value MSBuild would not call true is false")]
    [TestCase("", "", "NRU001", "true", "Warning", TestName = "WarningsNotAsErrors keeps it a warning under TreatWarningsAsErrors")]
    [TestCase("", "", "NRU002", "true", "Error", TestName = "WarningsNotAsErrors of another code changes nothing")]
    [TestCase("", "", "NRU001", "", "Warning", TestName = "WarningsNotAsErrors alone changes nothing")]
    [TestCase("", "NRU001", "NRU001", "true", "Error", TestName = "WarningsAsErrors wins over WarningsNotAsErrors")]
    [TestCase("NRU001", "NRU001", "", "true", "Suppressed", TestName = "NoWarn wins over everything, as in the compiler")]
    public void Decides_a_warning(string noWarn, string warningsAsErrors, string warningsNotAsErrors, string treatWarningsAsErrors, string expected)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, warningsAsErrors, warningsNotAsErrors, treatWarningsAsErrors);

        Assert.That(policy.Decide(Code, DiagnosticSeverity.Warning).ToString(), Is.EqualTo(expected));
    }

    [TestCase("on")]
    [TestCase("YES")]
    [TestCase("!false")]
    public void Reads_every_spelling_of_true_that_MSBuild_accepts(string value) =>
        Assert.That(SeverityPolicy.FromProperties(null, null, null, value).Decide(Code, DiagnosticSeverity.Warning), Is.EqualTo(ReportedSeverity.Error));

    [TestCase("", "", "", "QuietMessage")]
    [TestCase("", "", "true", "QuietMessage")]
    [TestCase("", "NRU001", "true", "QuietMessage")]
    [TestCase("NRU001", "", "", "Suppressed")]
    public void An_info_stays_a_quiet_message_unless_silenced(string noWarn, string warningsAsErrors, string treatWarningsAsErrors, string expected)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, warningsAsErrors, null, treatWarningsAsErrors);

        Assert.That(policy.Decide(Code, DiagnosticSeverity.Info).ToString(), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("NRU001")]
    public void An_error_stays_an_error(string warningsNotAsErrors)
    {
        var policy = SeverityPolicy.FromProperties(null, null, warningsNotAsErrors, "true");

        Assert.That(policy.Decide(Code, DiagnosticSeverity.Error), Is.EqualTo(ReportedSeverity.Error));
    }

    [Test]
    public void NoWarn_silences_even_an_error_as_it_wins_over_every_other_setting() =>
        Assert.That(SeverityPolicy.FromProperties("NRU001", "NRU001", null, "true").Decide(Code, DiagnosticSeverity.Error), Is.EqualTo(ReportedSeverity.Suppressed));

    // The severity .editorconfig gave -> how it is logged under WarningsAsErrors=NRU001 and TreatWarningsAsErrors=true.
    [TestCase("QuietMessage", "QuietMessage")]
    [TestCase("Message", "Message")]
    [TestCase("Warning", "Error")]
    [TestCase("Error", "Error")]
    [TestCase("Suppressed", "Suppressed")]
    public void Only_warnings_are_made_errors(string configured, string expected)
    {
        var policy = SeverityPolicy.FromProperties(null, "NRU001", null, "true");

        Assert.That(policy.Decide(Code, Enum.Parse<ReportedSeverity>(configured)).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void The_default_policy_keeps_every_severity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Info), Is.EqualTo(ReportedSeverity.QuietMessage));
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Warning), Is.EqualTo(ReportedSeverity.Warning));
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Error), Is.EqualTo(ReportedSeverity.Error));
        });
    }
}
