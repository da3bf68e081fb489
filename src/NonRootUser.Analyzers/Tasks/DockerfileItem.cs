namespace NonRootUser.Analyzers.Tasks;

/// <summary>One Dockerfile to check, as the project lists it.</summary>
/// <param name="Path">Full path (or relative to the current directory).</param>
/// <param name="NoWarn">The item's own <c>NoWarn</c> metadata: codes not reported for this file only.</param>
internal sealed record DockerfileItem(string Path, string? NoWarn = null);
