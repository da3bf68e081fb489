namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>What one <c>dotnet build</c> of a consumer project did.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Log">The normal-verbosity file log (no summary, so every warning and error appears once).</param>
/// <param name="ConsoleOutput">What the build printed, for failure messages.</param>
internal sealed record BuildResult(int ExitCode, string Log, string ConsoleOutput)
{
    public IReadOnlyList<BuildDiagnostic> Diagnostics => BuildLog.Diagnostics(Log);

    /// <summary>The package's findings: (severity, code, file, line), in log order.</summary>
    public IReadOnlyList<(string Severity, string Code, string File, int Line)> Findings =>
        Diagnostics.Where(d => d.Code.StartsWith("NRU", StringComparison.Ordinal)).Select(d => (d.Severity, d.Code, d.File, d.Line)).ToList();

    /// <summary>MSBuild's own errors and warnings (MSB4018: a task threw; MSB4062: a task could not be loaded; ...).</summary>
    public IReadOnlyList<BuildDiagnostic> MSBuildDiagnostics =>
        Diagnostics.Where(d => d.Code.StartsWith("MSB", StringComparison.Ordinal)).ToList();

    /// <summary>The Dockerfiles the task checked, as it reported them.</summary>
    public IReadOnlyList<string> CheckedFiles => BuildLog.CheckedFiles(Log);

    /// <summary>Everything a failed assertion needs to be understood.</summary>
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}--- console ---{Environment.NewLine}{ConsoleOutput}";
}
