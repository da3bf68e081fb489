using System;
using System.Collections.Generic;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// Sprache input over a window of text. Unlike <see cref="Input"/> it can jump ahead by many characters at once (so
/// lexical runs cost one step, not one per character), it stops at the window's end, and it reports lines and columns
/// of the original file even when it reads a logical line joined from several physical lines.
/// </summary>
internal sealed class TextInput : IInput
{
    private readonly SourceText source;
    private readonly LogicalMap? map;
    private IDictionary<object, object>? memos;

    private TextInput(SourceText source, string text, int position, int end, int untrimmedEnd, LogicalMap? map)
    {
        this.source = source;
        this.map = map;
        Source = text;
        Position = position;
        End = end;
        UntrimmedEnd = untrimmedEnd;
    }

    /// <summary>The text being read: the file itself, or a logical line joined from several physical lines.</summary>
    public string Source { get; }

    public int Position { get; }

    /// <summary>The exclusive end of the window this input may read.</summary>
    public int End { get; }

    /// <summary>The end of the window before trailing white space was trimmed: where "expected more" errors point.</summary>
    public int UntrimmedEnd { get; }

    public bool AtEnd => Position >= End;

    public char Current => Position < End ? Source[Position] : '\0';

    public int Line => SourcePosition.Line;

    public int Column => SourcePosition.Column;

    public IDictionary<object, object> Memos => memos ??= new Dictionary<object, object>();

    /// <summary>The offset in the file of the current character.</summary>
    public int SourceOffset => map is null ? Position : map.ToSource(Position);

    public SourcePosition SourcePosition => source.PositionOf(SourceOffset);

    public SourceText SourceText => source;

    public static TextInput ForFile(SourceText source) =>
        new(source, source.Text, 0, source.Text.Length, source.Text.Length, null);

    /// <summary>An input over <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), mapped to the file by <paramref name="map"/> (null: <paramref name="text"/> is the file).</summary>
    public static TextInput ForWindow(SourceText source, string text, int start, int end, int untrimmedEnd, LogicalMap? map) =>
        new(source, text, start, end, untrimmedEnd, map);

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("The input is already at the end of the source.");
        }

        return At(Position + 1);
    }

    /// <summary>The same window at another position (used by lexical runs to skip many characters at once).</summary>
    public TextInput At(int position) =>
        position == Position ? this : new TextInput(source, Source, position, End, UntrimmedEnd, map);

    /// <summary>This input, ending at <paramref name="end"/>: to parse a piece of the text on its own.</summary>
    public TextInput Until(TextInput end) =>
        new(source, Source, Position, end.Position, end.Position, map);

    /// <summary>A position at the untrimmed end of the window.</summary>
    public TextInput AtUntrimmedEnd() =>
        new(source, Source, UntrimmedEnd, Math.Max(End, UntrimmedEnd), UntrimmedEnd, map);

    /// <summary>An input over the whole file at <paramref name="sourceOffset"/>: where errors found in a logical line are reported.</summary>
    public TextInput AtFileOffset(int sourceOffset) =>
        new(source, source.Text, sourceOffset, source.Text.Length, source.Text.Length, null);

    /// <summary>The span of the text from this position to <paramref name="end"/> (exclusive), in file coordinates.</summary>
    public SourceSpan SpanTo(TextInput end)
    {
        var startOffset = SourceOffset;
        if (end.Position <= Position)
        {
            var point = source.PositionOf(startOffset);
            return new SourceSpan(point, point);
        }

        // The end is just after the last character, which keeps it on that character's line even when the logical
        // line continues on the next physical line.
        var endOffset = map is null ? end.Position : map.ToSource(end.Position - 1) + 1;
        return new SourceSpan(source.PositionOf(startOffset), source.PositionOf(endOffset));
    }

    public string TextTo(TextInput end) => Source.Substring(Position, end.Position - Position);

    public bool Equals(IInput? other) =>
        other is TextInput input && ReferenceEquals(Source, input.Source) && Position == input.Position && End == input.End;

    public override bool Equals(object? obj) => obj is IInput input && Equals(input);

    public override int GetHashCode() => unchecked((Source.Length * 397) ^ (Position * 31) ^ End);

    public override string ToString() => $"Line {Line}, Column {Column}";
}
