namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// Applies a project's warning settings (<c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c>,
/// <c>TreatWarningsAsErrors</c>) to a finding, the way the C# compiler applies them to analyzer warnings.
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
            MSBuildBoolean.IsTrue(treatWarningsAsErrors));

    /// <summary>True when the project's <c>NoWarn</c> names <paramref name="code"/>: it is not reported, whatever its severity.</summary>
    public bool Silences(string code) => noWarn.Contains(code);

    /// <summary>Decides how a finding reported at the rule's own <paramref name="severity"/> is logged (Info is a quiet message).</summary>
    public ReportedSeverity Decide(string code, DiagnosticSeverity severity) =>
        Decide(code, severity switch
        {
            DiagnosticSeverity.Error => ReportedSeverity.Error,
            DiagnosticSeverity.Info => ReportedSeverity.QuietMessage,
            _ => ReportedSeverity.Warning,
        });

    /// <summary>
    /// Decides how a finding with code <paramref name="code"/> is logged, given the severity .editorconfig (or the rule)
    /// gave it: <c>NoWarn</c> silences it whatever that is; <c>WarningsAsErrors</c> turns a warning into an error;
    /// <c>TreatWarningsAsErrors</c> turns every warning into an error except those in <c>WarningsNotAsErrors</c>
    /// (<c>WarningsAsErrors</c> wins over <c>WarningsNotAsErrors</c>). Messages stay messages, errors stay errors.
    /// </summary>
    public ReportedSeverity Decide(string code, ReportedSeverity configured)
    {
        if (configured == ReportedSeverity.Suppressed || Silences(code))
        {
            return ReportedSeverity.Suppressed;
        }

        if (configured != ReportedSeverity.Warning)
        {
            return configured;
        }

        if (warningsAsErrors.Contains(code))
        {
            return ReportedSeverity.Error;
        }

        return treatWarningsAsErrors && !warningsNotAsErrors.Contains(code)
            ? ReportedSeverity.Error
            : ReportedSeverity.Warning;
    }
}
