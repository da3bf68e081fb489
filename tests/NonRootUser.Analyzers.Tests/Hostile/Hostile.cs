using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Tests.Fuzzing;

namespace NonRootUser.Analyzers.Tests.Hostile;

/// <summary>
/// Runs the analyzer on a hostile input on a bounded thread (1 MiB stack, generous time limit) and checks what must
/// hold for any input: no internal error and every diagnostic positioned inside the file.
/// </summary>
internal static class Hostile
{
    /// <summary>Generous: the big inputs take a few seconds on a loaded 2-core machine; a hang takes forever.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static IReadOnlyList<Diagnostic> Analyze(string text, AnalysisOptions? options = null)
    {
        var diagnostics = Bounded.Run(() => DockerfileAnalyzer.Analyze(text, "Dockerfile", options ?? AnalysisOptions.Default), Limit, "the analysis");
        AssertWellFormed(text, diagnostics);
        return diagnostics;
    }

    /// <summary>Analyses a file, the way the MSBuild task does.</summary>
    public static IReadOnlyList<Diagnostic> AnalyzeFile(string path)
    {
        var diagnostics = Bounded.Run(() => DockerfileAnalyzer.AnalyzeFile(path, AnalysisOptions.Default), Limit, "the analysis of " + Shorten(path ?? "(null)"));
        Assert.That(Invariants.InternalError(diagnostics), Is.Null);
        return diagnostics;
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary Dockerfile and analyses it.</summary>
    public static IReadOnlyList<Diagnostic> AnalyzeBytes(byte[] bytes)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Write("Dockerfile", bytes);
        var diagnostics = AnalyzeFile(path);
        AssertWellFormed(Invariants.LenientUtf8.GetString(bytes), diagnostics);
        return diagnostics;
    }

    public static ParseResult Parse(string text, int maxLineBytes = DockerfileParser.DockerMaxLineBytes)
    {
        var parsed = Bounded.Run(() => DockerfileParser.Parse(text, maxLineBytes), Limit, "parsing");
        Assert.That(Invariants.InternalError(parsed) ?? Invariants.Positions(text, parsed), Is.Null);
        return parsed;
    }

    /// <summary>The single diagnostic, with a readable failure listing all of them otherwise.</summary>
    public static Diagnostic Single(IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.That(diagnostics, Has.Count.EqualTo(1), () => "diagnostics:\n" + Describe(diagnostics));
        return diagnostics[0];
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => Shorten(d.ToString())));

    public static SourceSpan Span(int startLine, int startColumn, int endLine, int endColumn) => new(startLine, startColumn, endLine, endColumn);

    private static void AssertWellFormed(string text, IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.That(Invariants.InternalError(diagnostics), Is.Null);
        Assert.That(Invariants.Positions(text, diagnostics), Is.Null);
    }

    private static string Shorten(string text) => text.Length > 500 ? text.Substring(0, 500) + "…" : text;
}
