using System;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.Build.Framework;
using NonRootUser.Analyzers.Reporting;
using NonRootUser.Analyzers.Rules;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// The MSBuild task behind the package: checks Dockerfiles for a container that runs as root or as a user that does
/// not exist, and logs each finding as a warning, an error or a message with file, line, column and help link.
/// </summary>
/// <remarks>
/// A thin shell: it turns parameters into a request for <see cref="DockerfileCheck"/> and logs what comes back.
/// It never throws, so a build never sees MSB4018; it fails only when a finding is reported as an error.
/// </remarks>
public sealed class AnalyzeDockerfiles : MSBuildTask
{
    /// <summary>
    /// The Dockerfiles to check (the <c>NonRootUserDockerfile</c> items); duplicates are checked once. Metadata, for
    /// that file only: <c>NoWarn</c> silences codes, <c>TargetStage</c> names the stage to check (instead of
    /// <see cref="TargetStage"/>), <c>Enabled="false"</c> skips the file.
    /// </summary>
    public ITaskItem[] Dockerfiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Base images the project declares (the <c>NonRootUserBaseImage</c> items): the item is an image reference or
    /// pattern; metadata <c>User</c> (default user), <c>Users</c> and <c>Groups</c> (<c>;</c> lists) and <c>Env</c>
    /// (<c>NAME=VALUE;...</c>). They extend and override the built-in knowledge.
    /// </summary>
    public ITaskItem[] BaseImages { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The stage to check, as for <c>docker build --target</c>; empty for the last stage.</summary>
    public string? TargetStage { get; set; }

    /// <summary><c>docker build</c> arguments; their <c>--build-arg NAME=VALUE</c> options override ARG defaults.</summary>
    public string? BuildArguments { get; set; }

    /// <summary>Codes that are not reported (the project's <c>NoWarn</c>).</summary>
    public string? NoWarn { get; set; }

    /// <summary>Codes reported as errors (the project's <c>WarningsAsErrors</c>).</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>Codes that stay warnings under <see cref="TreatWarningsAsErrors"/> (the project's <c>WarningsNotAsErrors</c>).</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary><c>true</c> to report every warning as an error (<c>NonRootUserTreatWarningsAsErrors</c>).</summary>
    public string? TreatWarningsAsErrors { get; set; }

    /// <summary>Where to write every finding as a SARIF 2.1.0 log (suppressed ones included); empty for none.</summary>
    public string? SarifFile { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        try
        {
            var policy = SeverityPolicy.FromProperties(NoWarn, WarningsAsErrors, WarningsNotAsErrors, TreatWarningsAsErrors);
            var declared = DeclaredBaseImages.Read(BaseImageItems());
            foreach (var problem in declared.Problems)
            {
                // A message, not a warning: a typo in the configuration must not fail a TreatWarningsAsErrors build.
                Log.LogMessage(MessageImportance.Normal, problem);
            }

            var result = new DockerfileCheck().Run(DockerfileItems(), CreateOptions(declared.Images), policy);
            foreach (var file in result.CheckedFiles)
            {
                // Visible with -v:n: tells which files discovery found, whatever the findings.
                Log.LogMessage(MessageImportance.Normal, DockerfileCheck.CheckedFileMessagePrefix + file);
            }

            foreach (var file in result.SkippedFiles)
            {
                Log.LogMessage(MessageImportance.Normal, DockerfileCheck.SkippedFileMessagePrefix + file);
            }

            foreach (var finding in result.Findings)
            {
                LogFinding(finding);
            }

            if (!string.IsNullOrWhiteSpace(SarifFile))
            {
                WriteSarif(result);
            }
        }
        catch (Exception exception)
        {
            // Only a defect in the task itself gets here (DockerfileCheck handles each file's failures).
            Log.LogWarning(
                subcategory: null,
                warningCode: RuleIdentifiers.DockerfileCannotBeParsed,
                helpKeyword: null,
                helpLink: RuleDescriptors.GetHelpUri(RuleIdentifiers.DockerfileCannotBeParsed).ToString(),
                file: null,
                lineNumber: 0,
                columnNumber: 0,
                endLineNumber: 0,
                endColumnNumber: 0,
                message: $"The Dockerfiles could not be checked because NonRootUser.Analyzers failed ({exception.GetType().Name}: {exception.Message}). The build goes on; please report this at {RuleDescriptors.RepositoryUrl}/issues.");
        }

        return !Log.HasLoggedErrors;
    }

    private IEnumerable<DockerfileItem> DockerfileItems()
    {
        foreach (var item in Dockerfiles ?? Array.Empty<ITaskItem>())
        {
            // FullPath resolves a relative item against the project directory, not the process's current directory.
            var fullPath = item.GetMetadata("FullPath");
            yield return new DockerfileItem(
                string.IsNullOrEmpty(fullPath) ? item.ItemSpec : fullPath,
                item.GetMetadata("NoWarn"),
                item.GetMetadata("TargetStage"),
                Enabled: !MSBuildBoolean.IsFalse(item.GetMetadata("Enabled")));
        }
    }

    private IEnumerable<BaseImageItem> BaseImageItems()
    {
        foreach (var item in BaseImages ?? Array.Empty<ITaskItem>())
        {
            // ItemSpec is unescaped: Include="contoso.azurecr.io/%2A" arrives as contoso.azurecr.io/*.
            yield return new BaseImageItem(
                item.ItemSpec,
                item.GetMetadata("User"),
                item.GetMetadata("Users"),
                item.GetMetadata("Groups"),
                item.GetMetadata("Env"));
        }
    }

    private void WriteSarif(DockerfileCheckResult result)
    {
        var version = typeof(AnalyzeDockerfiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var failure = SarifWriter.Write(SarifFile!, result.Diagnostics, version);
        if (failure is not null)
        {
            Log.LogWarning(failure);
        }
    }

    private AnalysisOptions CreateOptions(IReadOnlyList<Knowledge.BaseImageInfo> declaredBaseImages) => new()
    {
        TargetStage = string.IsNullOrWhiteSpace(TargetStage) ? null : TargetStage!.Trim(),
        BuildArguments = BuildArgumentParser.Parse(BuildArguments, Environment.GetEnvironmentVariable),
        DeclaredBaseImages = declaredBaseImages,
    };

    private void LogFinding(ReportedFinding finding)
    {
        var diagnostic = finding.Diagnostic;
        var span = diagnostic.Span;
        switch (finding.Severity)
        {
            case ReportedSeverity.Error:
                Log.LogError(null, diagnostic.Id, null, finding.HelpLink, diagnostic.FilePath, span.Start.Line, span.Start.Column, span.End.Line, span.End.Column, diagnostic.Message);
                break;
            case ReportedSeverity.Warning:
                Log.LogWarning(null, diagnostic.Id, null, finding.HelpLink, diagnostic.FilePath, span.Start.Line, span.Start.Column, span.End.Line, span.End.Column, diagnostic.Message);
                break;
            case ReportedSeverity.Message:
                Log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath, span.Start.Line, span.Start.Column, span.End.Line, span.End.Column, MessageImportance.Normal, diagnostic.Message);
                break;
            case ReportedSeverity.QuietMessage:
                Log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath, span.Start.Line, span.Start.Column, span.End.Line, span.End.Column, MessageImportance.Low, diagnostic.Message);
                break;
        }
    }
}
