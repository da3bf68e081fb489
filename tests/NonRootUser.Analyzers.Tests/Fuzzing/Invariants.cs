using System.Text;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>
/// What must hold for any input, valid or not: no internal error, every position inside the file, the same answer
/// twice. Each check returns a description of the violation, or null.
/// </summary>
internal static class Invariants
{
    /// <summary>The analyzer turns an exception into this message; seeing it means a bug, not a bad Dockerfile.</summary>
    private static readonly string[] InternalErrorMarkers = { "internal error", "internal parser error" };

    /// <summary>How Docker (and the analyzer) reads bytes: UTF-8, invalid sequences as U+FFFD.</summary>
    public static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string? InternalError(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => InternalErrorMarkers.Any(marker => d.Message.Contains(marker, StringComparison.Ordinal)))
            .Select(d => "internal error: " + d)
            .FirstOrDefault();

    public static string? InternalError(ParseResult parsed) =>
        parsed.Errors.Where(e => InternalErrorMarkers.Any(marker => e.Message.Contains(marker, StringComparison.Ordinal)))
            .Select(e => "internal parser error: " + e)
            .FirstOrDefault();

    /// <summary>Every diagnostic span lies inside <paramref name="text"/>, starts at or before its end, and has a message.</summary>
    public static string? Positions(string text, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = LineLengths(text);
        foreach (var diagnostic in diagnostics)
        {
            if (string.IsNullOrWhiteSpace(diagnostic.Message) || string.IsNullOrWhiteSpace(diagnostic.Id))
            {
                return "diagnostic without id or message: " + diagnostic;
            }

            var problem = Position(lines, diagnostic.Span.Start, "start") ?? Position(lines, diagnostic.Span.End, "end");
            if (problem is null && diagnostic.Span.Start.CompareTo(diagnostic.Span.End) > 0)
            {
                problem = "start after end";
            }

            if (problem is not null)
            {
                return $"{problem} in {diagnostic} (the file has {lines.Count} lines)";
            }
        }

        return null;
    }

    /// <summary>Every parse error lies inside <paramref name="text"/>.</summary>
    public static string? Positions(string text, ParseResult parsed)
    {
        var lines = LineLengths(text);
        return parsed.Errors
            .Select(error => Position(lines, error.Position, "error") is { } problem ? $"{problem} in {error} (the file has {lines.Count} lines)" : null)
            .FirstOrDefault(problem => problem is not null);
    }

    /// <summary>The same diagnostics, in the same order, for the same input.</summary>
    public static string? SameResult(IReadOnlyList<Diagnostic> first, IReadOnlyList<Diagnostic> second) =>
        first.SequenceEqual(second)
            ? null
            : "not deterministic:\n  first:  " + string.Join("\n          ", first) + "\n  second: " + string.Join("\n          ", second);

    /// <summary>
    /// Findings of the rules (not parse failures, which may point past the end) start on a visible character, the
    /// first of the instruction they are about.
    /// </summary>
    public static string? Anchored(string text, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = Lines(text);
        foreach (var diagnostic in diagnostics.Where(d => d.Id != "NRU000"))
        {
            var start = diagnostic.Span.Start;
            var line = start.Line <= lines.Count ? lines[start.Line - 1] : string.Empty;
            if (start.Column > line.Length || char.IsWhiteSpace(line[start.Column - 1]) || diagnostic.Span.End.CompareTo(start) <= 0)
            {
                return $"finding not anchored on the text of an instruction: {diagnostic} (line {start.Line} is \"{line}\")";
            }
        }

        return null;
    }

    /// <summary>The same rules at the same places (messages may quote values, which a change of line ending may touch).</summary>
    public static string? SameFindings(IReadOnlyList<Diagnostic> expected, IReadOnlyList<Diagnostic> actual, string variant) =>
        expected.Select(d => (d.Id, d.Span)).SequenceEqual(actual.Select(d => (d.Id, d.Span)))
            ? null
            : $"different findings {variant}:\n  original: " + string.Join("\n            ", expected) + $"\n  {variant}: " + string.Join("\n            ", actual);

    /// <summary>The text with every LF that is not already part of a CRLF turned into CRLF, as Git does on Windows.</summary>
    public static string WithCrLf(string text)
    {
        var converted = new StringBuilder(text.Length + (text.Length / 16));
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            {
                converted.Append('\r');
            }

            converted.Append(text[i]);
        }

        return converted.ToString();
    }

    /// <summary>
    /// The length of each line as the analyzer counts them: LF, CRLF and a lone CR end a line, and one leading BOM is
    /// not counted.
    /// </summary>
    public static IReadOnlyList<int> LineLengths(string text) => Lines(text).Select(line => line.Length).ToList();

    /// <summary>The lines as the analyzer counts them, without their line breaks.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                lines.Add(text.Substring(start, i - start));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text.Substring(Math.Min(start, text.Length)));
        return lines;
    }

    // 1 ≤ line ≤ lines + 1; 1 ≤ column ≤ the line's length + 2 (an exclusive end one past a position at the line's end).
    private static string? Position(IReadOnlyList<int> lines, SourcePosition position, string which)
    {
        if (position.Line < 1 || position.Line > lines.Count + 1)
        {
            return $"{which} line {position.Line} outside the file";
        }

        var length = position.Line <= lines.Count ? lines[position.Line - 1] : 0;
        if (position.Column < 1 || position.Column > length + 2)
        {
            return $"{which} column {position.Column} outside line {position.Line} (length {length})";
        }

        return null;
    }
}
