using System;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// Applies a project's warning settings to a finding, the way the C# compiler applies them to its own warnings.
/// </summary>
/// <remarks>
/// The task decides this itself because MSBuild does not: <c>TreatWarningsAsErrors</c> is a compiler setting, and
/// a task's warnings stay warnings under it. The engine does apply <c>-warnaserror</c>, <c>NoWarn</c> and
/// <c>WarningsAsErrors</c> to what the task logs as well, which agrees with the decisions made here.
/// </remarks>
internal sealed class SeverityPolicy
{
    private readonly WarningCodeList noWarn;
    private readonly WarningCodeList warningsAsErrors;
    private readonly WarningCodeList warningsNotAsErrors;
    private readonly bool treatWarningsAsErrors;

    public SeverityPolicy(
        WarningCodeList noWarn,
        WarningCodeList warningsAsErrors,
        WarningCodeList warningsNotAsErrors,
        bool treatWarningsAsErrors)
    {
        this.noWarn = noWarn;
        this.warningsAsErrors = warningsAsErrors;
        this.warningsNotAsErrors = warningsNotAsErrors;
        this.treatWarningsAsErrors = treatWarningsAsErrors;
    }

    /// <summary>Every finding keeps its own severity.</summary>
    public static SeverityPolicy Default { get; } =
        new(WarningCodeList.Empty, WarningCodeList.Empty, WarningCodeList.Empty, treatWarningsAsErrors: false);

    /// <summary>Builds the policy from the raw MSBuild property values.</summary>
    public static SeverityPolicy FromProperties(
        string? noWarn,
        string? warningsAsErrors,
        string? warningsNotAsErrors,
        string? treatWarningsAsErrors) =>
        new(
            WarningCodeList.Parse(noWarn),
            WarningCodeList.Parse(warningsAsErrors),
            WarningCodeList.Parse(warningsNotAsErrors),
            IsTrue(treatWarningsAsErrors));

    /// <summary>
    /// Decides how a finding with code <paramref name="code"/> and default <paramref name="severity"/> is reported:
    /// <c>NoWarn</c> silences warnings and messages (never errors); <c>WarningsAsErrors</c> turns a warning into an
    /// error; <c>TreatWarningsAsErrors</c> turns every warning into an error except those in
    /// <c>WarningsNotAsErrors</c>. Messages stay messages.
    /// </summary>
    public ReportedSeverity Decide(string code, DiagnosticSeverity severity)
    {
        switch (severity)
        {
            case DiagnosticSeverity.Error:
                return ReportedSeverity.Error;
            case DiagnosticSeverity.Info:
                return noWarn.Contains(code) ? ReportedSeverity.Suppressed : ReportedSeverity.Message;
            default:
                return DecideWarning(code);
        }
    }

    private ReportedSeverity DecideWarning(string code)
    {
        if (noWarn.Contains(code))
        {
            return ReportedSeverity.Suppressed;
        }

        if (warningsAsErrors.Contains(code))
        {
            return ReportedSeverity.Error;
        }

        return treatWarningsAsErrors && !warningsNotAsErrors.Contains(code)
            ? ReportedSeverity.Error
            : ReportedSeverity.Warning;
    }

    // The spellings MSBuild itself accepts as true, in any case; anything else (empty included) counts as false.
    private static readonly string[] TrueSpellings = { "true", "on", "yes", "!false", "!off", "!no" };

    private static bool IsTrue(string? value)
    {
        var trimmed = value?.Trim();
        return Array.Exists(TrueSpellings, spelling => string.Equals(spelling, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
