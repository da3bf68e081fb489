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
    public override string ToString() =>
        $"{FilePath}({Span.Start.Line},{Span.Start.Column},{Span.End.Line},{Span.End.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
