namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// The text being parsed (without its byte order mark) and where each physical line starts, so that any offset can be
/// turned into the 1-based line and column an editor shows. Line breaks are LF, CRLF and a lone CR.
/// </summary>
internal sealed class SourceText
{
    private static readonly char[] LineBreakCharacters = { '\r', '\n' };

    private readonly int[] lineStarts;
    private readonly int lineCount;

    // Positions are asked for in mostly increasing order: remembering the last line found makes most lookups O(1).
    private int lastLine;

    public SourceText(string text)
    {
        Text = text;

        // Counted first so that the table is allocated once (on a large file, growing it would churn large objects).
        var starts = new int[CountLines(text)];
        var count = 1;
        for (var position = NextLineStart(text, 0); position >= 0; position = NextLineStart(text, position))
        {
            starts[count++] = position;
        }

        lineStarts = starts;
        lineCount = count;
    }

    public string Text { get; }

    private static int CountLines(string text)
    {
        var count = 1;
        for (var position = NextLineStart(text, 0); position >= 0; position = NextLineStart(text, position))
        {
            count++;
        }

        return count;
    }

    /// <summary>Where the line after the one containing <paramref name="position"/> starts; -1 on the last line.</summary>
    private static int NextLineStart(string text, int position)
    {
        var lineBreak = text.IndexOfAny(LineBreakCharacters, position);
        if (lineBreak < 0)
        {
            return -1;
        }

        return text[lineBreak] == '\r' && lineBreak + 1 < text.Length && text[lineBreak + 1] == '\n' ? lineBreak + 2 : lineBreak + 1;
    }

    public int LineCount => lineCount;

    /// <summary>The offset at which the 0-based <paramref name="lineIndex"/> starts.</summary>
    public int LineStart(int lineIndex) => lineStarts[lineIndex];

    /// <summary>The offset just after the content of the 0-based <paramref name="lineIndex"/> (before its line break).</summary>
    public int LineContentEnd(int lineIndex)
    {
        var start = lineStarts[lineIndex];
        var end = lineIndex + 1 < lineCount ? lineStarts[lineIndex + 1] : Text.Length;
        if (end > start && Text[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && Text[end - 1] == '\r')
        {
            end--;
        }

        return end;
    }

    public SourcePosition PositionOf(int offset)
    {
        var line = LineIndexOf(offset);
        return new SourcePosition(line + 1, offset - lineStarts[line] + 1);
    }

    public int LineIndexOf(int offset)
    {
        var hint = lastLine;
        if (offset >= lineStarts[hint] && (hint + 1 == lineCount || offset < lineStarts[hint + 1]))
        {
            return hint;
        }

        if (hint + 2 <= lineCount && offset >= lineStarts[hint + 1] && (hint + 2 == lineCount || offset < lineStarts[hint + 2]))
        {
            lastLine = hint + 1;
            return hint + 1;
        }

        var low = 0;
        var high = lineCount - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (lineStarts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        lastLine = low;
        return low;
    }
}
