using System.Collections.Generic;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>What one run of <see cref="DockerfileCheck"/> did.</summary>
/// <param name="CheckedFiles">The full path of every Dockerfile looked at, each once, in order.</param>
/// <param name="Findings">What to report, in file order; suppressed findings are not here.</param>
internal sealed record DockerfileCheckResult(IReadOnlyList<string> CheckedFiles, IReadOnlyList<ReportedFinding> Findings);
