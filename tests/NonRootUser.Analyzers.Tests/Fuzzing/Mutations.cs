using System.Text;
using CsCheck;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>The kinds of text edits the fuzzer makes; each aims at a part of the grammar that is easy to get wrong.</summary>
internal enum TextEdit
{
    InsertCharacter,
    DeleteCharacters,
    DuplicateCharacters,
    InsertLine,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    AddContinuation,
    InsertHeredocMarker,
    InsertQuote,
    InsertDollar,
    ChangeLineBreak,
}

/// <summary>
/// One edit of a Dockerfile. <see cref="Where"/> and <see cref="What"/> are taken modulo the size of what they index,
/// so any pair of numbers is a valid edit of any text, and CsCheck can shrink them freely.
/// </summary>
internal sealed record TextMutation(TextEdit Edit, int Where, int What)
{
    public static readonly Gen<TextMutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<TextEdit>(), CsCheck.Gen.Int[0, 1 << 20], CsCheck.Gen.Int[0, 1 << 10], (edit, where, what) => new TextMutation(edit, where, what));

    // Characters that mean something to the parser, the lexer or the decoder, and a few that mean nothing.
    private static readonly string[] Characters =
    {
        "\\", "`", "\n", "\r", "\r\n", "\"", "'", "$", "{", "}", "[", "]", ",", ":", " ", "\t", "#", "=", "<", "-", "@",
        "\0", "\uFEFF", "\uFFFD", "é", "\u00A0", "\u2028", "\uD800", "\uDC00", "😀", "\u0085", "\f", "\v",
    };

    // Whole lines: instructions the rules care about, directives, and fragments of other constructs.
    private static readonly string[] Lines =
    {
        "", "   ", "\\", "`", "# a comment", "# escape=`", "# escape=\\", "# syntax=docker/dockerfile:1", "# check=skip=all",
        "FROM scratch", "FROM alpine AS x", "FROM x AS x", "FROM $BASE AS ${NAME}", "FROM --platform=$BUILDPLATFORM a:1 AS b",
        "ARG X", "ARG X=1 Y=${X:-2}", "ARG BASE=alpine", "ENV A=$B", "ENV A B C", "ENV \"A\"=\"b c\"",
        "USER root", "USER 0:0", "USER app", "USER $UNSET", "USER ${X:-${Y:-app}}", "USER", "USER \"app", "USER 'a'b\"c\"",
        "USER ContainerAdministrator", "ONBUILD USER root", "ONBUILD ONBUILD RUN x",
        "RUN useradd -u 1000 -m app", "RUN adduser -D -u 1000 app", "RUN addgroup -S g && adduser -S u -G g", "RUN net user /add app",
        "RUN echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd", "RUN [\"useradd\", \"app\"]", "RUN <<EOF", "EOF",
        "RUN --mount=type=cache,target=/root/.cache useradd x", "COPY --from=0 / /", "COPY --from=x --chown=app:app . /app",
        "COPY <<EOF /etc/passwd", "root:x:0:0::/root:/bin/sh", "CMD [\"a\", \"b\"", "CMD [\"a\"]", "ENTRYPOINT [", "SHELL [\"pwsh\"]",
        "HEALTHCHECK NONE", "HEALTHCHECK --interval=5s CMD true", "MAINTAINER me", "WORKDIR", "STOPSIGNAL", "LABEL a=b \\",
    };

    private static readonly string[] HeredocMarkers =
    {
        "<<EOF", "<<-EOF", "<<'EOF'", "<<\"EOF\"", "<<E\"O\"F", "<<", "<<-", "<<EOF <<EOT", "<<EOF\nEOF", "<<'", "<<\"EOF", "<<$X",
    };

    private static readonly string[] Quotes = { "\"", "'", "\"\"", "''", "'\\''", "\\\"", "\"\\", "\"'", "[\"", "\"]" };

    private static readonly string[] Dollars =
    {
        "$", "${", "}", "${X", "${X:-", "${X:-${Y:-z}}", "${X:+y}", "${X:?err}", "$$", "${X/a/b}", "${X//*/}", "${X#*}",
        "${X%%.*}", "${#X}", "$X", "${1}", "${X^^}", "${!X}", "${X:-", "$(id -u)", "`id -u`", "${X:0:1}", "${}", "${:-}",
    };

    private static readonly string[] Continuations = { " \\", "\\", " `", " \\ \t", "\\\\", " \\\n", "\\\r\n" };

    private static readonly string[] LineBreaks = { "\n", "\r\n", "\r", "\n\n", "" };

    public string Apply(string text) => Edit switch
    {
        TextEdit.InsertCharacter => Insert(text, Where, Pick(Characters, What)),
        TextEdit.DeleteCharacters => Delete(text, Where, 1 + (What % 8)),
        TextEdit.DuplicateCharacters => Duplicate(text, Where, 1 + (What % 16)),
        TextEdit.InsertLine => EditLines(text, lines => lines.Insert(Where % (lines.Count + 1), Pick(Lines, What) + "\n")),
        TextEdit.DeleteLine => EditLines(text, lines => lines.RemoveAt(Where % lines.Count)),
        TextEdit.DuplicateLine => EditLines(text, lines => lines.Insert(Where % lines.Count, lines[Where % lines.Count])),
        TextEdit.SwapLines => EditLines(text, lines => Swap(lines, Where % lines.Count, What % lines.Count)),
        TextEdit.AddContinuation => EditLines(text, lines => lines[Where % lines.Count] = AppendBeforeBreak(lines[Where % lines.Count], Pick(Continuations, What))),
        TextEdit.InsertHeredocMarker => Insert(text, Where, Pick(HeredocMarkers, What)),
        TextEdit.InsertQuote => Insert(text, Where, Pick(Quotes, What)),
        TextEdit.InsertDollar => Insert(text, Where, Pick(Dollars, What)),
        TextEdit.ChangeLineBreak => ChangeLineBreak(text, Where, Pick(LineBreaks, What)),
        _ => text,
    };

    public override string ToString() => $"{Edit}({Where}, {What})";

    private static string Pick(string[] choices, int index) => choices[index % choices.Length];

    private static string Insert(string text, int where, string piece) => text.Insert(where % (text.Length + 1), piece);

    private static string Delete(string text, int where, int count)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = where % text.Length;
        return text.Remove(start, Math.Min(count, text.Length - start));
    }

    private static string Duplicate(string text, int where, int count)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = where % text.Length;
        var piece = text.Substring(start, Math.Min(count, text.Length - start));
        return text.Insert(start, piece);
    }

    private static string ChangeLineBreak(string text, int where, string replacement)
    {
        var breaks = new List<(int Start, int Length)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                breaks.Add((i, 2));
                i++;
            }
            else if (text[i] is '\n' or '\r')
            {
                breaks.Add((i, 1));
            }
        }

        if (breaks.Count == 0)
        {
            return text;
        }

        var (start, length) = breaks[where % breaks.Count];
        return text.Remove(start, length).Insert(start, replacement);
    }

    private static string AppendBeforeBreak(string line, string piece)
    {
        var content = line.TrimEnd('\r', '\n');
        return content + piece + line.Substring(content.Length);
    }

    private static void Swap(List<string> lines, int first, int second) => (lines[first], lines[second]) = (lines[second], lines[first]);

    // Lines keep their own line break, so edits never change how the others end.
    private static string EditLines(string text, Action<List<string>> edit)
    {
        var lines = SplitKeepingBreaks(text);
        if (lines.Count == 0)
        {
            lines.Add(string.Empty);
        }

        edit(lines);
        var joined = new StringBuilder();
        foreach (var line in lines)
        {
            joined.Append(line);
            if (!line.EndsWith('\n') && !line.EndsWith('\r'))
            {
                // A line that lost its break in the middle of the file would merge with the next one.
                joined.Append('\n');
            }
        }

        return joined.ToString();
    }

    private static List<string> SplitKeepingBreaks(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text.Substring(start, i + 1 - start));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }
}

/// <summary>The kinds of byte edits: what a broken editor, a bad copy or a wrong encoding does to a file.</summary>
internal enum ByteEdit
{
    InsertByte,
    DeleteBytes,
    FlipBit,
    DuplicateBytes,
    InsertSequence,
}

/// <summary>One edit of a Dockerfile's bytes, indexed modulo the length like <see cref="TextMutation"/>.</summary>
internal sealed record ByteMutation(ByteEdit Edit, int Where, int What)
{
    public static readonly Gen<ByteMutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<ByteEdit>(), CsCheck.Gen.Int[0, 1 << 20], CsCheck.Gen.Int[0, 1 << 10], (edit, where, what) => new ByteMutation(edit, where, what));

    // Truncated, overlong and surrogate UTF-8 sequences, byte order marks, and a stray NUL.
    private static readonly byte[][] Sequences =
    {
        new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xC0, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF },
        new byte[] { 0x00 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80 },
    };

    public byte[] Apply(byte[] bytes)
    {
        var list = new List<byte>(bytes);
        switch (Edit)
        {
            case ByteEdit.InsertByte:
                list.Insert(Where % (list.Count + 1), (byte)What);
                break;
            case ByteEdit.DeleteBytes when list.Count > 0:
                var start = Where % list.Count;
                list.RemoveRange(start, Math.Min(1 + (What % 4), list.Count - start));
                break;
            case ByteEdit.FlipBit when list.Count > 0:
                list[Where % list.Count] ^= (byte)(1 << (What % 8));
                break;
            case ByteEdit.DuplicateBytes when list.Count > 0:
                var from = Where % list.Count;
                list.InsertRange(from, list.GetRange(from, Math.Min(1 + (What % 8), list.Count - from)));
                break;
            case ByteEdit.InsertSequence:
                list.InsertRange(Where % (list.Count + 1), Sequences[What % Sequences.Length]);
                break;
        }

        return list.ToArray();
    }

    public override string ToString() => $"{Edit}({Where}, {What})";
}
