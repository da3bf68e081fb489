using System;
using System.Collections.Generic;
using System.IO;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// What the MSBuild task does, without MSBuild: analyse each Dockerfile once and decide how each finding is reported.
/// Never throws: a path that is not a file, a file that vanished and any failure of the analyzer become an
/// <c>NRU000</c> finding for that file, and the other files are still checked.
/// </summary>
internal sealed class DockerfileCheck
{
    /// <summary>Starts the message the task logs for each Dockerfile it checked; the rest is the full path.</summary>
    internal const string CheckedFileMessagePrefix = "NonRootUser.Analyzers checked ";

    private readonly Func<string, AnalysisOptions, IReadOnlyList<Diagnostic>> analyzeFile;

    public DockerfileCheck()
        : this(DockerfileAnalyzer.AnalyzeFile)
    {
    }

    /// <summary>Uses <paramref name="analyzeFile"/> instead of the real analyzer (tests).</summary>
    internal DockerfileCheck(Func<string, AnalysisOptions, IReadOnlyList<Diagnostic>> analyzeFile) =>
        this.analyzeFile = analyzeFile;

    /// <summary>
    /// Checks every Dockerfile in <paramref name="paths"/> (full or relative to the current directory) once, in
    /// order of first appearance, and returns what to report; findings suppressed in the Dockerfile or by the policy are left out.
    /// </summary>
    public DockerfileCheckResult Run(IEnumerable<string> paths, AnalysisOptions options, SeverityPolicy policy)
    {
        var files = DistinctPaths(paths);
        var findings = new List<ReportedFinding>();
        foreach (var path in files)
        {
            foreach (var diagnostic in CheckFile(path, options))
            {
                // Suppressed in the Dockerfile itself (a comment): kept by the analyzer for SARIF, never logged.
                var severity = diagnostic.Suppression is null
                    ? policy.Decide(diagnostic.Id, diagnostic.Severity)
                    : ReportedSeverity.Suppressed;
                if (severity != ReportedSeverity.Suppressed)
                {
                    findings.Add(new ReportedFinding(diagnostic, severity, RuleDescriptors.GetHelpUri(diagnostic.Id).ToString()));
                }
            }
        }

        return new DockerfileCheckResult(files, findings);
    }

    /// <summary>
    /// The paths made full and without duplicates (a file matched by two globs, or by a glob and
    /// <c>DockerfilePath</c>, is analysed once). Case is ignored where the file system usually ignores it.
    /// </summary>
    internal static IReadOnlyList<string> DistinctPaths(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(PathComparer);
        var distinct = new List<string>();
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            var full = TryGetFullPath(path);
            if (seen.Add(full))
            {
                distinct.Add(full);
            }
        }

        return distinct;
    }

    private static StringComparer PathComparer =>
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private IReadOnlyList<Diagnostic> CheckFile(string path, AnalysisOptions options)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return new[] { CannotCheck(path, $"'{path}' is a directory, not a Dockerfile, so it was not checked. Remove it from the NonRootUserDockerfile items (or fix DockerfilePath) so that only files are listed.") };
            }

            if (!File.Exists(path))
            {
                return new[] { CannotCheck(path, $"The Dockerfile '{path}' does not exist (it may have been moved or deleted after the build listed it), so it was not checked. Restore the file or remove it from the NonRootUserDockerfile items.") };
            }

            return WithFullPath(analyzeFile(path, options), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return new[] { CannotCheck(path, $"The Dockerfile '{path}' could not be read ({exception.Message}), so it was not checked. Make sure the build can read it.") };
        }
        catch (Exception exception)
        {
            return new[] { CannotCheck(path, $"The Dockerfile '{path}' could not be checked because the analyzer failed ({exception.GetType().Name}: {exception.Message}). The build goes on; please report this at {RuleDescriptors.RepositoryUrl}/issues with the Dockerfile.") };
        }
    }

    // The analyzer labels findings with the path it was given; the task always reports the full path so that the
    // findings are clickable wherever the build log is read.
    private static IReadOnlyList<Diagnostic> WithFullPath(IReadOnlyList<Diagnostic>? diagnostics, string path)
    {
        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics ?? Array.Empty<Diagnostic>())
        {
            if (diagnostic is not null)
            {
                result.Add(diagnostic.FilePath == path ? diagnostic : diagnostic with { FilePath = path });
            }
        }

        return result;
    }

    // A finding about the whole file: no line, so MSBuild shows just the file.
    private static Diagnostic CannotCheck(string path, string message) =>
        new(RuleIdentifiers.DockerfileCannotBeParsed, message, path, default(SourceSpan), RuleDescriptors.DockerfileCannotBeParsed.DefaultSeverity);

    // An invalid path (e.g. with characters Windows rejects) stays as it was; checking it then reports that it
    // cannot be read instead of failing the whole task.
    private static string TryGetFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return path;
        }
    }
}
