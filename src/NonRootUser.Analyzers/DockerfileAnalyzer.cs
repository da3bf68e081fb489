using System;
using System.Collections.Generic;
using System.IO;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Model;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Suppression;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers;

/// <summary>
/// The analyzer's entry point: Dockerfile text in, findings out (syntax → model → rules). Never throws: an
/// unreadable file or an unexpected failure becomes a diagnostic.
/// </summary>
public static class DockerfileAnalyzer
{
    /// <summary>The rules that judge a build model, in id order (NRU000 and NRU006 come from parsing and suppression).</summary>
    internal static readonly Rule[] StageRules =
    {
        new NRU001FinalStageRunsAsRoot(),
        new NRU002UserIsRoot(),
        new NRU003UserDoesNotExist(),
        new NRU004GroupDoesNotExist(),
        new NRU005UserCannotBeResolved(),
    };

    private static readonly SourceSpan FileStart = new(1, 1, 1, 1);

    /// <summary>Larger files are not read: no real Dockerfile comes near this, and the build must stay fast.</summary>
    private const long MaximumFileSize = 64L * 1024 * 1024;

    /// <summary>Reads and analyses the Dockerfile at <paramref name="path"/>.</summary>
    public static IReadOnlyList<Diagnostic> AnalyzeFile(string path, AnalysisOptions options)
    {
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return new[] { CannotRead(path, "it is a directory, not a file") };
            }

            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return new[] { CannotRead(path, "the file does not exist (it may have been deleted or moved since the build listed it)") };
            }

            if (file.Length > MaximumFileSize)
            {
                return new[] { CannotRead(path, $"it is {file.Length / (1024 * 1024)} MB, larger than the {MaximumFileSize / (1024 * 1024)} MB a Dockerfile can reasonably be") };
            }

            if (file.Length > 0)
            {
                bytes = File.ReadAllBytes(path);
            }
            else if (!TryReadWithoutSize(path, out bytes, out var problem))
            {
                return new[] { CannotRead(path, problem!) };
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return new[] { CannotRead(path, ex.Message) };
        }

        if (LooksLikeUtf16WithoutByteOrderMark(bytes))
        {
            return new[] { ParseFailure(path, new ParseError("the file is UTF-16 encoded (without a byte order mark); Docker requires UTF-8, so save it as UTF-8 (PowerShell: Set-Content -Encoding utf8)", new SourcePosition(1, 1))) };
        }

        return Guard(path, () => AnalyzeParsed(DockerfileParser.Parse(bytes), path, options));
    }

    /// <summary>
    /// A file that reports no length is empty, or a FIFO or device: a FIFO blocks a reader until some writer comes, and
    /// a device may never end. Read it on the side, bounded in time and size, so the build never hangs on it.
    /// </summary>
    private static bool TryReadWithoutSize(string path, out byte[] bytes, out string? problem)
    {
        var read = System.Threading.Tasks.Task.Run(() => ReadAtMost(path, MaximumFileSize + 1));
        bool finished;
        try
        {
            finished = read.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
        {
            bytes = Array.Empty<byte>();
            problem = ex.InnerException.Message;
            return false;
        }

        if (!finished)
        {
            bytes = Array.Empty<byte>();
            problem = "it is not a regular file (a FIFO or a device?) and reading it did not finish";
            return false;
        }

        bytes = read.Result;
        problem = bytes.Length > MaximumFileSize ? "it is not a regular file (a device?) and has no end" : null;
        return problem is null;
    }

    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while (buffer.Length < limit && (count = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, count);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// "F\0R\0O\0M\0": ASCII text written as UTF-16 without a byte order mark has a NUL in every other byte. Text
    /// with a BOM is recognised by the parser.
    /// </summary>
    private static bool LooksLikeUtf16WithoutByteOrderMark(byte[] bytes)
    {
        var pairs = Math.Min(bytes.Length / 2, 64);
        if (pairs < 2)
        {
            return false;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }

        return (oddZeros == pairs && evenZeros == 0) || (evenZeros == pairs && oddZeros == 0);
    }

    /// <summary>Analyses Dockerfile <paramref name="text"/>; <paramref name="path"/> is only used to label findings.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(string text, string path, AnalysisOptions options) =>
        Guard(path, () => AnalyzeParsed(DockerfileParser.Parse(text), path, options));

    /// <summary>Builds the model of a parsed file (for tools and tests that look at stages).</summary>
    public static BuildModel BuildModel(DockerfileSyntax syntax, AnalysisOptions options) =>
        BuildModelBuilder.Build(syntax, options, CatalogFor(options));

    private static IReadOnlyList<Diagnostic> AnalyzeParsed(ParseResult parsed, string path, AnalysisOptions options)
    {
        if (parsed.Syntax is null || parsed.Errors.Count > 0)
        {
            var diagnostics = new List<Diagnostic>();
            foreach (var error in parsed.Errors)
            {
                diagnostics.Add(ParseFailure(path, error));
            }

            if (diagnostics.Count == 0)
            {
                diagnostics.Add(ParseFailure(path, new ParseError("the file could not be parsed", FileStart.Start)));
            }

            return diagnostics;
        }

        var model = BuildModel(parsed.Syntax, options);
        if (model.StructureError is not null)
        {
            return new[] { ParseFailure(path, model.StructureError) };
        }

        if (model.TargetError is not null)
        {
            var anchor = model.Stages.Count > 0 ? model.Stages[model.Stages.Count - 1].From.Span : FileStart;
            return new[]
            {
                new Diagnostic(RuleIdentifiers.DockerfileCannotBeParsed, $"The Dockerfile cannot be analysed: {model.TargetError}; check the NonRootUserTarget property or the item's TargetStage metadata.", path, anchor, DiagnosticSeverity.Warning),
            };
        }

        var context = new RuleContext(model, path);
        var findings = new List<Diagnostic>();
        foreach (var rule in StageRules)
        {
            findings.AddRange(rule.Analyze(context));
        }

        // "# nonroot-user ignore=..." comments: suppressed findings stay in the list (SARIF shows them), marked.
        var suppressions = InlineSuppressions.Read(parsed.Syntax);
        findings.AddRange(suppressions.Problems(path));
        var results = new List<Diagnostic>(suppressions.Apply(findings));

        results.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start) is var byPosition && byPosition != 0 ? byPosition : string.CompareOrdinal(a.Id, b.Id));
        return results;
    }

    /// <summary>
    /// Catalogs with the project's declared images, one per declared list: the task passes the same list for every
    /// file of a build, so the catalog (and its lookup cache) is built once, not once per file.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<BaseImageInfo>, BaseImageCatalog> DeclaredCatalogs = new();

    private static BaseImageCatalog CatalogFor(AnalysisOptions options) =>
        options.DeclaredBaseImages.Count == 0
            ? BaseImageCatalog.BuiltIn
            : DeclaredCatalogs.GetValue(options.DeclaredBaseImages, declared => BaseImageCatalog.BuiltIn.WithDeclared(declared));

    private static Diagnostic ParseFailure(string path, ParseError error) =>
        new(
            RuleIdentifiers.DockerfileCannotBeParsed,
            MessageText.Clean($"The Dockerfile cannot be parsed: {error}. Docker would reject it too; the other checks are skipped for this file."),
            path,
            new SourceSpan(error.Position, new SourcePosition(error.Position.Line, error.Position.Column + 1)),
            RuleDescriptors.DockerfileCannotBeParsed.DefaultSeverity);

    private static Diagnostic CannotRead(string path, string reason) =>
        new(RuleIdentifiers.DockerfileCannotBeParsed, MessageText.Clean($"The Dockerfile cannot be read: {reason}."), path, FileStart, RuleDescriptors.DockerfileCannotBeParsed.DefaultSeverity);

    /// <summary>The last line of defence: a bug in the analyzer must not break the user's build.</summary>
    private static IReadOnlyList<Diagnostic> Guard(string path, Func<IReadOnlyList<Diagnostic>> analyze)
    {
        try
        {
            return analyze();
        }
#pragma warning disable CA1031 // Any failure must become a diagnostic, never an MSB4018.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new[]
            {
                new Diagnostic(RuleIdentifiers.DockerfileCannotBeParsed, $"The Dockerfile could not be analysed because of an internal error ({ex.GetType().Name}: {ex.Message}); please report it with the file.", path, FileStart, DiagnosticSeverity.Warning),
            };
        }
    }
}
