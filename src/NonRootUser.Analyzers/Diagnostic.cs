using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers;

/// <summary>How important a finding is; the MSBuild task maps it to a warning, an error or a message.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Logged as a low-importance message.</summary>
    Info,

    /// <summary>Logged as a warning (errors under TreatWarningsAsErrors).</summary>
    Warning,

    /// <summary>Logged as an error.</summary>
    Error,
}

/// <summary>One finding, anchored at a span of a Dockerfile.</summary>
/// <param name="Id">The rule id, e.g. <c>NRU001</c>.</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="FilePath">The Dockerfile's path as given to the analyzer.</param>
/// <param name="Span">Where it is: 1-based lines and columns, end exclusive.</param>
/// <param name="Severity">The rule's default severity (configuration may change it later).</param>
public sealed record Diagnostic(string Id, string Message, string FilePath, SourceSpan Span, DiagnosticSeverity Severity)
{
    /// <summary>Set when the finding is suppressed (it is then not logged, but SARIF still lists it); null otherwise.</summary>
    public DiagnosticSuppression? Suppression { get; init; }

    public override string ToString() =>
        $"{FilePath}({Span.Start.Line},{Span.Start.Column},{Span.End.Line},{Span.End.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}

/// <summary>Where a suppression comes from, as SARIF names it.</summary>
public enum SuppressionKind
{
    /// <summary>A comment in the Dockerfile (<c># nonroot-user ignore=NRU002</c>).</summary>
    InSource,

    /// <summary>Project configuration: <c>NoWarn</c>, item metadata or <c>.editorconfig</c>.</summary>
    External,
}

/// <summary>Why a finding is suppressed.</summary>
/// <param name="Kind">In the source or outside it.</param>
/// <param name="Justification">What suppressed it, e.g. <c># nonroot-user ignore=NRU002 (line 4)</c> or <c>NoWarn</c>.</param>
public sealed record DiagnosticSuppression(SuppressionKind Kind, string Justification);
