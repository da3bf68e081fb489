using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers;

/// <summary>What the caller (the MSBuild task, a test) tells the analyzer about one Dockerfile.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>The stage to analyse (name or index, like <c>docker build --target</c>); null for the last stage.</summary>
    public string? TargetStage { get; init; }

    /// <summary>Build arguments (<c>--build-arg NAME=VALUE</c>): they override ARG defaults.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>Base images the user declared; they extend and override the built-in knowledge.</summary>
    public IReadOnlyList<BaseImageInfo> DeclaredBaseImages { get; init; } = new List<BaseImageInfo>();
}
