using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Suppression;

/// <summary>
/// The suppression comments of one Dockerfile. Docker ignores comments, so they change nothing in the image.
/// <list type="bullet">
/// <item><c># nonroot-user ignore=NRU002[,NRU003...]</c> in the block of comment lines directly above an instruction
/// suppresses those rules for findings anchored at that instruction (whose span starts inside the instruction's).
/// As with hadolint's <c># hadolint ignore=</c>, the comment must touch the instruction: a blank line between them
/// breaks the link. Unlike hadolint, every line of a comment block counts, not only the last one, so a pragma may
/// sit above an explanatory comment.</item>
/// <item><c># nonroot-user global ignore=NRU003</c> anywhere in the file suppresses those rules in the whole file.</item>
/// </list>
/// Keywords and ids are case-insensitive; blanks around <c>=</c> and <c>,</c> are allowed; a <c>#</c> after the list
/// starts a remark. A malformed comment suppresses nothing; unknown ids in a well-formed comment are skipped while
/// the known ones still apply. Both are reported by <see cref="Problems"/> as NRU006.
/// </summary>
public sealed class InlineSuppressions
{
    private const int MaxJustificationCommentLength = 200;

    private static readonly InlineSuppressions Empty = new(
        Array.Empty<SourceSpan>(), Array.Empty<List<SuppressionHit>?>(), Array.Empty<SuppressionHit>(), Array.Empty<SuppressionComment>());

    private readonly SourceSpan[] instructionSpans;
    private readonly List<SuppressionHit>?[] instructionSuppressions;
    private readonly IReadOnlyList<SuppressionHit> globalSuppressions;
    private readonly IReadOnlyList<SuppressionComment> comments;

    private InlineSuppressions(
        SourceSpan[] instructionSpans,
        List<SuppressionHit>?[] instructionSuppressions,
        IReadOnlyList<SuppressionHit> globalSuppressions,
        IReadOnlyList<SuppressionComment> comments)
    {
        this.instructionSpans = instructionSpans;
        this.instructionSuppressions = instructionSuppressions;
        this.globalSuppressions = globalSuppressions;
        this.comments = comments;
    }

    /// <summary>Collects the suppression comments of a parsed Dockerfile. Never throws; null reads as no comments.</summary>
    public static InlineSuppressions Read(DockerfileSyntax? syntax)
    {
        if (syntax?.Comments is not { Count: > 0 } syntaxComments)
        {
            return Empty;
        }

        var pragmas = new List<SuppressionComment>();
        var pragmasByLine = new Dictionary<int, SuppressionComment?>();
        var globals = new List<SuppressionHit>();
        foreach (var comment in syntaxComments)
        {
            if (comment is null)
            {
                continue;
            }

            var pragma = SuppressionComment.TryParse(comment);

            // Ordinary comments matter too: they keep a comment block together above its instruction.
            pragmasByLine[comment.Span.Start.Line] = pragma;
            if (pragma is null)
            {
                continue;
            }

            pragmas.Add(pragma);
            if (pragma.IsValid && pragma.IsGlobal)
            {
                AddKnownCodes(globals, pragma);
            }
        }

        if (pragmas.Count == 0)
        {
            return Empty;
        }

        var spans = SortedInstructionSpans(syntax.Instructions);
        var perInstruction = new List<SuppressionHit>?[spans.Length];
        for (var i = 0; i < spans.Length; i++)
        {
            perInstruction[i] = CollectBlockAbove(spans[i].Start.Line, pragmasByLine);
        }

        return new InlineSuppressions(spans, perInstruction, globals, pragmas);
    }

    /// <summary>
    /// Returns the diagnostics with <see cref="Diagnostic.Suppression"/> set on those a comment suppresses. A
    /// diagnostic that is already suppressed keeps its suppression. Never throws; null reads as no diagnostics.
    /// </summary>
    public IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic>? diagnostics)
    {
        if (diagnostics is null || diagnostics.Count == 0)
        {
            return Array.Empty<Diagnostic>();
        }

        var result = new Diagnostic[diagnostics.Count];
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var hit = diagnostic is null || diagnostic.Suppression is not null ? null : FindSuppression(diagnostic);
            result[i] = hit is null
                ? diagnostic!
                : diagnostic! with { Suppression = new DiagnosticSuppression(SuppressionKind.InSource, Justify(hit.Comment)) };
        }

        return result;
    }

    /// <summary>NRU006 findings: malformed <c># nonroot-user</c> comments and rule ids that do not exist.</summary>
    public IReadOnlyList<Diagnostic> Problems(string filePath)
    {
        var problems = new List<Diagnostic>();
        foreach (var pragma in comments)
        {
            if (!pragma.IsValid)
            {
                problems.Add(Report(
                    filePath,
                    pragma.Comment.Span,
                    $"This nonroot-user comment suppresses nothing: {pragma.Error}. Write '# nonroot-user ignore=NRU002' (or 'global ignore=') with comma-separated rule ids."));
                continue;
            }

            foreach (var code in pragma.Codes)
            {
                if (!UnknownSuppressionRule.IsKnown(code.Text))
                {
                    problems.Add(Report(
                        filePath,
                        CodeSpan(pragma.Comment, code),
                        $"'{SuppressionComment.Quote(code.Text)}' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; known rules: {UnknownSuppressionRule.KnownIdsText}."));
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Where a code sits. The parser gives the comment's span and its text with the <c>#</c> and the blanks around
    /// it removed, so the text is taken to end where the span ends (true whenever the line has no trailing blanks).
    /// </summary>
    internal static SourceSpan CodeSpan(CommentSyntax comment, SuppressionCode code)
    {
        var span = comment.Span;
        var text = comment.Text ?? string.Empty;
        var textStart = span.Start.Line == span.End.Line
            ? Math.Max(span.Start.Column + 1, span.End.Column - text.Length)
            : span.Start.Column + 2;
        var column = textStart + code.Offset;
        return new SourceSpan(span.Start.Line, column, span.Start.Line, column + code.Text.Length);
    }

    private static Diagnostic Report(string filePath, SourceSpan span, string message) =>
        new(UnknownSuppressionRule.Id, message, filePath ?? string.Empty, span, UnknownSuppressionRule.Descriptor.DefaultSeverity);

    private SuppressionHit? FindSuppression(Diagnostic diagnostic)
    {
        var index = FindAnchor(diagnostic.Span.Start);
        if (index >= 0 && Match(instructionSuppressions[index], diagnostic.Id) is { } local)
        {
            return local;
        }

        return Match(globalSuppressions, diagnostic.Id);
    }

    private static SuppressionHit? Match(IReadOnlyList<SuppressionHit>? hits, string id)
    {
        if (hits is null)
        {
            return null;
        }

        foreach (var hit in hits)
        {
            if (string.Equals(hit.Code, id, StringComparison.OrdinalIgnoreCase))
            {
                return hit;
            }
        }

        return null;
    }

    /// <summary>The instruction whose span contains <paramref name="position"/>, or -1. Instructions do not overlap.</summary>
    private int FindAnchor(SourcePosition position)
    {
        int low = 0, high = instructionSpans.Length - 1, candidate = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (instructionSpans[middle].Start.CompareTo(position) <= 0)
            {
                candidate = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return candidate >= 0 && instructionSpans[candidate].Contains(position) ? candidate : -1;
    }

    private static SourceSpan[] SortedInstructionSpans(IReadOnlyList<InstructionSyntax>? instructions)
    {
        var spans = new List<SourceSpan>();
        if (instructions is not null)
        {
            foreach (var instruction in instructions)
            {
                if (instruction is not null)
                {
                    spans.Add(instruction.Span);
                }
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans.ToArray();
    }

    /// <summary>The local pragmas in the unbroken run of comment lines right above <paramref name="instructionLine"/>, nearest first.</summary>
    private static List<SuppressionHit>? CollectBlockAbove(int instructionLine, Dictionary<int, SuppressionComment?> commentsByLine)
    {
        List<SuppressionHit>? hits = null;
        for (var line = instructionLine - 1; commentsByLine.TryGetValue(line, out var pragma); line--)
        {
            if (pragma is { IsValid: true, IsGlobal: false })
            {
                AddKnownCodes(hits ??= new List<SuppressionHit>(), pragma);
            }
        }

        return hits;
    }

    private static void AddKnownCodes(List<SuppressionHit> hits, SuppressionComment pragma)
    {
        foreach (var code in pragma.Codes)
        {
            if (UnknownSuppressionRule.IsKnown(code.Text))
            {
                hits.Add(new SuppressionHit(code.Text, pragma));
            }
        }
    }

    private static string Justify(SuppressionComment pragma)
    {
        var text = pragma.Comment.Text ?? string.Empty;
        if (text.Length > MaxJustificationCommentLength)
        {
            text = text.Substring(0, MaxJustificationCommentLength) + "\u2026";
        }

        return $"# {text} (line {pragma.Line})";
    }

    private sealed record SuppressionHit(string Code, SuppressionComment Comment);
}
