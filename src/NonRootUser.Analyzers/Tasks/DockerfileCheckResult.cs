using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>What one run of <see cref="DockerfileCheck"/> did.</summary>
/// <param name="CheckedFiles">The full path of every Dockerfile looked at, each once, in order.</param>
/// <param name="Findings">What to log, in file order; suppressed findings are not here.</param>
/// <param name="Diagnostics">
/// Every finding for a report (SARIF): with the severity it is reported at, and with a suppression when it is not
/// logged (a comment in the Dockerfile, <c>NoWarn</c>, or <c>none</c> in .editorconfig).
/// </param>
internal sealed record DockerfileCheckResult(
    IReadOnlyList<string> CheckedFiles,
    IReadOnlyList<ReportedFinding> Findings,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The full path of every Dockerfile not checked because its item says <c>Enabled="false"</c>.</summary>
    public IReadOnlyList<string> SkippedFiles { get; init; } = Array.Empty<string>();
}
