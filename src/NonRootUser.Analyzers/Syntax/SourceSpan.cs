using System;

namespace NonRootUser.Analyzers.Syntax;

/// <summary>A 1-based line and column in the original file (columns count UTF-16 code units; a BOM is not counted).</summary>
public readonly record struct SourcePosition(int Line, int Column) : IComparable<SourcePosition>
{
    public int CompareTo(SourcePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);

    public override string ToString() => $"({Line},{Column})";
}

/// <summary>
/// A region of the original file. <see cref="Start"/> is the first character; <see cref="End"/> is the position just
/// after the last character (exclusive), so <c>USER root</c> on line 3 spans (3,1)–(3,10).
/// </summary>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    public SourceSpan(int startLine, int startColumn, int endLine, int endColumn)
        : this(new SourcePosition(startLine, startColumn), new SourcePosition(endLine, endColumn))
    {
    }

    public bool Contains(SourcePosition position) => Start.CompareTo(position) <= 0 && position.CompareTo(End) < 0;

    public override string ToString() => $"({Start.Line},{Start.Column})-({End.Line},{End.Column})";
}
