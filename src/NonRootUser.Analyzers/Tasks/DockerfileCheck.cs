using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NonRootUser.Analyzers.Configuration;
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

    /// <summary>Starts the message the task logs for each Dockerfile whose item says <c>Enabled="false"</c>.</summary>
    internal const string SkippedFileMessagePrefix = "NonRootUser.Analyzers skipped (Enabled=\"false\") ";

    private readonly Func<string, AnalysisOptions, IReadOnlyList<Diagnostic>> analyzeFile;

    public DockerfileCheck()
        : this(DockerfileAnalyzer.AnalyzeFile)
    {
    }

    /// <summary>Uses <paramref name="analyzeFile"/> instead of the real analyzer (tests).</summary>
    internal DockerfileCheck(Func<string, AnalysisOptions, IReadOnlyList<Diagnostic>> analyzeFile) =>
        this.analyzeFile = analyzeFile;

    /// <summary>Checks the Dockerfiles at <paramref name="paths"/>, none with metadata of its own.</summary>
    public DockerfileCheckResult Run(IEnumerable<string> paths, AnalysisOptions options, SeverityPolicy policy) =>
        Run(paths.Select(path => new DockerfileItem(path)), options, policy);

    /// <summary>
    /// Checks every Dockerfile in <paramref name="items"/> once, in order of first appearance, and decides how each
    /// finding is reported (see <see cref="Configure"/>). A file whose item has <c>Enabled="false"</c> is skipped; an
    /// item's <c>TargetStage</c> replaces <paramref name="options"/>' stage for that file.
    /// </summary>
    public DockerfileCheckResult Run(IEnumerable<DockerfileItem> items, AnalysisOptions options, SeverityPolicy policy)
    {
        var files = DistinctItems(items);
        var findings = new List<ReportedFinding>();
        var diagnostics = new List<Diagnostic>();
        var checkedFiles = new List<string>();
        var skippedFiles = new List<string>();
        foreach (var file in files)
        {
            if (!file.Enabled)
            {
                skippedFiles.Add(file.Path);
                continue;
            }

            checkedFiles.Add(file.Path);
            var itemNoWarn = WarningCodeList.Parse(file.NoWarn);
            var editorConfig = EditorConfigSeverities.ForFile(file.Path);
            foreach (var diagnostic in CheckFile(file.Path, OptionsFor(file, options)))
            {
                var configured = Configure(diagnostic, itemNoWarn, editorConfig.Get(diagnostic.Id), policy, out var severity);
                diagnostics.Add(configured);
                if (severity != ReportedSeverity.Suppressed)
                {
                    findings.Add(new ReportedFinding(configured, severity, RuleDescriptors.GetHelpUri(configured.Id).ToString()));
                }
            }
        }

        return new DockerfileCheckResult(checkedFiles, findings, diagnostics) { SkippedFiles = skippedFiles };
    }

    /// <summary>The item's <c>TargetStage</c> wins over the project's <c>NonRootUserTarget</c>.</summary>
    private static AnalysisOptions OptionsFor(DockerfileItem file, AnalysisOptions options) =>
        string.IsNullOrWhiteSpace(file.TargetStage) ? options : options with { TargetStage = file.TargetStage!.Trim() };

    /// <summary>
    /// Applies the configuration to one finding, in Roslyn's order, and returns it as a report lists it: with the
    /// severity it is logged at, or with a suppression when it is not logged; <paramref name="severity"/> says how to log it.
    /// <list type="number">
    /// <item>A suppression comment in the Dockerfile (already marked by the analyzer), the item's <c>NoWarn</c> metadata
    /// and the project's <c>NoWarn</c> win over everything: the finding is suppressed.</item>
    /// <item>.editorconfig sets the severity: <c>none</c> suppresses it, <c>silent</c> makes it a quiet message,
    /// <c>suggestion</c> a message, <c>warning</c> a warning, <c>error</c> an error; without an entry the rule's own
    /// severity applies.</item>
    /// <item>Then <c>WarningsAsErrors</c> and <c>TreatWarningsAsErrors</c> (less <c>WarningsNotAsErrors</c>) turn a
    /// warning into an error.</item>
    /// </list>
    /// </summary>
    internal static Diagnostic Configure(
        Diagnostic diagnostic,
        WarningCodeList itemNoWarn,
        ConfiguredSeverity? editorConfig,
        SeverityPolicy policy,
        out ReportedSeverity severity)
    {
        severity = ReportedSeverity.Suppressed;
        if (diagnostic.Suppression is not null)
        {
            // Suppressed by a comment in the Dockerfile: kept for SARIF, never logged.
            return diagnostic;
        }

        if (itemNoWarn.Contains(diagnostic.Id))
        {
            return Suppressed(diagnostic, ItemNoWarnJustification);
        }

        if (policy.Silences(diagnostic.Id))
        {
            return Suppressed(diagnostic, ProjectNoWarnJustification);
        }

        if (editorConfig == ConfiguredSeverity.None)
        {
            return Suppressed(diagnostic, EditorConfigNoneJustification);
        }

        severity = policy.Decide(diagnostic.Id, FromEditorConfig(editorConfig) ?? FromRule(diagnostic.Severity));
        return diagnostic with
        {
            Severity = severity switch
            {
                ReportedSeverity.Error => DiagnosticSeverity.Error,
                ReportedSeverity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            },
        };
    }

    /// <summary>Why a finding is suppressed, as a SARIF log says it (kind <c>external</c>).</summary>
    internal const string ItemNoWarnJustification = "NoWarn metadata of the NonRootUserDockerfile item";

    /// <inheritdoc cref="ItemNoWarnJustification"/>
    internal const string ProjectNoWarnJustification = "NoWarn";

    /// <inheritdoc cref="ItemNoWarnJustification"/>
    internal const string EditorConfigNoneJustification = ".editorconfig: none";

    private static ReportedSeverity? FromEditorConfig(ConfiguredSeverity? configured) => configured switch
    {
        ConfiguredSeverity.Error => ReportedSeverity.Error,
        ConfiguredSeverity.Warning => ReportedSeverity.Warning,
        ConfiguredSeverity.Suggestion => ReportedSeverity.Message,
        ConfiguredSeverity.Silent => ReportedSeverity.QuietMessage,
        _ => null,
    };

    private static ReportedSeverity FromRule(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => ReportedSeverity.Error,
        DiagnosticSeverity.Info => ReportedSeverity.QuietMessage,
        _ => ReportedSeverity.Warning,
    };

    private static Diagnostic Suppressed(Diagnostic diagnostic, string justification) =>
        diagnostic with { Suppression = new DiagnosticSuppression(SuppressionKind.External, justification) };

    /// <summary>
    /// The items with full paths and without duplicates (a file matched by two globs, or by a glob and
    /// <c>DockerfilePath</c>, is analysed once): the <c>NoWarn</c> codes of duplicates add up, the first <c>TargetStage</c>
    /// counts, and one <c>Enabled="false"</c> skips the file.
    /// </summary>
    internal static IReadOnlyList<DockerfileItem> DistinctItems(IEnumerable<DockerfileItem> items)
    {
        var byPath = new Dictionary<string, int>(PathComparer);
        var distinct = new List<DockerfileItem>();
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Path))
            {
                continue;
            }

            var full = TryGetFullPath(item.Path);
            if (byPath.TryGetValue(full, out var index))
            {
                var first = distinct[index];
                distinct[index] = first with
                {
                    NoWarn = first.NoWarn + ";" + item.NoWarn,
                    TargetStage = string.IsNullOrWhiteSpace(first.TargetStage) ? item.TargetStage : first.TargetStage,
                    Enabled = first.Enabled && item.Enabled,
                };
            }
            else
            {
                byPath.Add(full, distinct.Count);
                distinct.Add(item with { Path = full });
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
