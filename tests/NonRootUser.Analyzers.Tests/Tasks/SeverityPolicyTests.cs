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

    [TestCase("", "", "", "Message")]
    [TestCase("", "", "true", "Message")]
    [TestCase("", "NRU001", "true", "Message")]
    [TestCase("NRU001", "", "", "Suppressed")]
    public void An_info_stays_a_message_unless_silenced(string noWarn, string warningsAsErrors, string treatWarningsAsErrors, string expected)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, warningsAsErrors, null, treatWarningsAsErrors);

        Assert.That(policy.Decide(Code, DiagnosticSeverity.Info).ToString(), Is.EqualTo(expected));
    }

    [TestCase("", "")]
    [TestCase("NRU001", "")]
    [TestCase("", "NRU001")]
    public void An_error_stays_an_error(string noWarn, string warningsNotAsErrors)
    {
        var policy = SeverityPolicy.FromProperties(noWarn, null, warningsNotAsErrors, "true");

        Assert.That(policy.Decide(Code, DiagnosticSeverity.Error), Is.EqualTo(ReportedSeverity.Error));
    }

    [Test]
    public void The_default_policy_keeps_every_severity()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Info), Is.EqualTo(ReportedSeverity.Message));
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Warning), Is.EqualTo(ReportedSeverity.Warning));
            Assert.That(SeverityPolicy.Default.Decide(Code, DiagnosticSeverity.Error), Is.EqualTo(ReportedSeverity.Error));
        });
    }
}
