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
    // One is allocated per step of every parser: what all positions of a window share lives in the window.
    private readonly Window window;

    private TextInput(Window window, int position)
    {
        this.window = window;
        Position = position;
    }

    /// <summary>The text being read: the file itself, or a logical line joined from several physical lines.</summary>
    public string Source => window.Text;

    public int Position { get; }

    /// <summary>The exclusive end of the window this input may read.</summary>
    public int End => window.End;

    /// <summary>The end of the window before trailing white space was trimmed: where "expected more" errors point.</summary>
    public int UntrimmedEnd => window.UntrimmedEnd;

    public bool AtEnd => Position >= window.End;

    public char Current => Position < window.End ? window.Text[Position] : '\0';

    public int Line => SourcePosition.Line;

    public int Column => SourcePosition.Column;

    /// <summary>Sprache's memo table (unused by this grammar), shared by the window.</summary>
    public IDictionary<object, object> Memos => window.Memos;

    /// <summary>The offset in the file of the current character.</summary>
    public int SourceOffset => window.Map is null ? Position : window.Map.ToSource(Position);

    public SourcePosition SourcePosition => window.Source.PositionOf(SourceOffset);

    public SourceText SourceText => window.Source;

    public static TextInput ForFile(SourceText source) =>
        new(new Window(source, source.Text, source.Text.Length, source.Text.Length, null), 0);

    /// <summary>An input over <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>), mapped to the file by <paramref name="map"/> (null: <paramref name="text"/> is the file).</summary>
    public static TextInput ForWindow(SourceText source, string text, int start, int end, int untrimmedEnd, LogicalMap? map) =>
        new(new Window(source, text, end, untrimmedEnd, map), start);

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("The input is already at the end of the source.");
        }

        return new TextInput(window, Position + 1);
    }

    /// <summary>The same window at another position (used by lexical runs to skip many characters at once).</summary>
    public TextInput At(int position) => position == Position ? this : new TextInput(window, position);

    /// <summary>This input, ending at <paramref name="end"/>: to parse a piece of the text on its own.</summary>
    public TextInput Until(TextInput end) =>
        new(new Window(window.Source, window.Text, end.Position, end.Position, window.Map), Position);

    /// <summary>A position at the untrimmed end of the window.</summary>
    public TextInput AtUntrimmedEnd() =>
        new(new Window(window.Source, window.Text, Math.Max(window.End, window.UntrimmedEnd), window.UntrimmedEnd, window.Map), window.UntrimmedEnd);

    /// <summary>An input over the whole file at <paramref name="sourceOffset"/>: where errors found in a logical line are reported.</summary>
    public TextInput AtFileOffset(int sourceOffset)
    {
        var source = window.Source;
        return new TextInput(new Window(source, source.Text, source.Text.Length, source.Text.Length, null), sourceOffset);
    }

    /// <summary>The span of the text from this position to <paramref name="end"/> (exclusive), in file coordinates.</summary>
    public SourceSpan SpanTo(TextInput end)
    {
        var source = window.Source;
        var startOffset = SourceOffset;
        if (end.Position <= Position)
        {
            var point = source.PositionOf(startOffset);
            return new SourceSpan(point, point);
        }

        // The end is just after the last character, which keeps it on that character's line even when the logical
        // line continues on the next physical line.
        var endOffset = window.Map is null ? end.Position : window.Map.ToSource(end.Position - 1) + 1;
        return new SourceSpan(source.PositionOf(startOffset), source.PositionOf(endOffset));
    }

    public string TextTo(TextInput end) => window.Text.Substring(Position, end.Position - Position);

    public bool Equals(IInput? other) =>
        other is TextInput input && ReferenceEquals(window.Text, input.window.Text) && Position == input.Position && window.End == input.window.End;

    public override bool Equals(object? obj) => obj is IInput input && Equals(input);

    public override int GetHashCode() => unchecked((window.Text.Length * 397) ^ (Position * 31) ^ window.End);

    public override string ToString() => $"Line {Line}, Column {Column}";

    /// <summary>What the positions of one window share.</summary>
    private sealed class Window
    {
        private IDictionary<object, object>? memos;

        public Window(SourceText source, string text, int end, int untrimmedEnd, LogicalMap? map)
        {
            Source = source;
            Text = text;
            End = end;
            UntrimmedEnd = untrimmedEnd;
            Map = map;
        }

        public SourceText Source { get; }

        public string Text { get; }

        public int End { get; }

        public int UntrimmedEnd { get; }

        public LogicalMap? Map { get; }

        public IDictionary<object, object> Memos => memos ??= new Dictionary<object, object>();
    }
}
