using System;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// Maps an offset in a logical line (physical lines joined, continuation characters and comment lines removed) back to
/// the offset in the file it came from, so every token keeps its exact source position.
/// </summary>
internal sealed class LogicalMap
{
    private readonly int[] logicalStarts;
    private readonly int[] sourceStarts;
    private readonly int length;

    public LogicalMap(int[] logicalStarts, int[] sourceStarts, int length)
    {
        this.logicalStarts = logicalStarts;
        this.sourceStarts = sourceStarts;
        this.length = length;
    }

    /// <summary>The source offset of the character at <paramref name="logicalOffset"/> (or just after the last one).</summary>
    public int ToSource(int logicalOffset)
    {
        if (logicalOffset >= length)
        {
            var last = logicalStarts.Length - 1;
            return sourceStarts[last] + (length - logicalStarts[last]);
        }

        var index = Array.BinarySearch(logicalStarts, logicalOffset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return sourceStarts[index] + (logicalOffset - logicalStarts[index]);
    }
}
