namespace NonRootUser.Analyzers.Tasks;

/// <summary>A finding as the MSBuild task logs it: the diagnostic, how it is reported and its documentation link.</summary>
/// <param name="Diagnostic">The finding; its <see cref="Diagnostic.FilePath"/> is the Dockerfile's full path.</param>
/// <param name="Severity">Warning, error or message after the project's warning settings.</param>
/// <param name="HelpLink">The rule's documentation page.</param>
internal sealed record ReportedFinding(Diagnostic Diagnostic, ReportedSeverity Severity, string HelpLink);
