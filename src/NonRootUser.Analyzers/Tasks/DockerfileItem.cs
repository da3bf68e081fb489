namespace NonRootUser.Analyzers.Tasks;

/// <summary>One Dockerfile to check, as the project lists it (a <c>NonRootUserDockerfile</c> item and its metadata).</summary>
/// <param name="Path">Full path (or relative to the current directory).</param>
/// <param name="NoWarn">The item's own <c>NoWarn</c> metadata: codes not reported for this file only.</param>
/// <param name="TargetStage">
/// The item's <c>TargetStage</c> metadata: the stage to check in this file, instead of <c>NonRootUserTarget</c>. (Not
/// <c>Target</c>: MSBuild reserves that metadata name.)
/// </param>
/// <param name="Enabled">False when the item's <c>Enabled</c> metadata turns the check off for this file.</param>
internal sealed record DockerfileItem(string Path, string? NoWarn = null, string? TargetStage = null, bool Enabled = true);
