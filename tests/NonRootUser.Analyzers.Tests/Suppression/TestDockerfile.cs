using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Suppression;

/// <summary>
/// Builds a <see cref="DockerfileSyntax"/> by hand from lines, the way the parser lays one out, so these tests do
/// not depend on it: a line whose first non-blank is <c>#</c> is a comment (text after the <c>#</c>, trimmed; span
/// from the <c>#</c> to the end of the line); a blank line is nothing; any other line starts an instruction that runs
/// on while lines end with <c>\</c> (comment lines inside it are comments, as BuildKit skips them there).
/// </summary>
internal static class TestDockerfile
{
    public static DockerfileSyntax FromLines(params string[] lines)
    {
        var instructions = new List<InstructionSyntax>();
        var comments = new List<CommentSyntax>();
        var index = 0;
        while (index < lines.Length)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                index++;
                continue;
            }

            if (trimmed[0] == '#')
            {
                comments.Add(Comment(line, index + 1));
                index++;
                continue;
            }

            var startLine = index + 1;
            var startColumn = line.Length - trimmed.Length + 1;
            while (index < lines.Length - 1 && lines[index].TrimEnd().EndsWith('\\'))
            {
                index++;
                if (lines[index].TrimStart().StartsWith('#'))
                {
                    comments.Add(Comment(lines[index], index + 1));
                }
            }

            var span = new SourceSpan(startLine, startColumn, index + 1, lines[index].Length + 1);
            instructions.Add(Instruction(trimmed, span));
            index++;
        }

        var end = lines.Length == 0 ? new SourcePosition(1, 1) : new SourcePosition(lines.Length, lines[^1].Length + 1);
        return new DockerfileSyntax([], instructions, comments, '\\', new SourceSpan(new SourcePosition(1, 1), end));
    }

    /// <summary>A finding anchored at the instruction on <paramref name="line"/> (starting at column 1).</summary>
    public static Diagnostic Finding(string id, int line, int column = 1) =>
        new(id, $"{id} finding", "Dockerfile", new SourceSpan(line, column, line, column + 4), DiagnosticSeverity.Warning);

    private static CommentSyntax Comment(string line, int lineNumber)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return new CommentSyntax(line[(hash + 1)..].Trim(), new SourceSpan(lineNumber, hash + 1, lineNumber, line.Length + 1));
    }

    private static InstructionSyntax Instruction(string text, SourceSpan span)
    {
        var keyword = text.Split(' ', 2)[0];
        var keywordSpan = new SourceSpan(span.Start.Line, span.Start.Column, span.Start.Line, span.Start.Column + keyword.Length);
        if (string.Equals(keyword, "USER", StringComparison.OrdinalIgnoreCase))
        {
            var value = text.Length > keyword.Length ? text[(keyword.Length + 1)..] : string.Empty;
            var word = new WordSyntax(value, new SourceSpan(span.Start.Line, keywordSpan.End.Column + 1, span.Start.Line, keywordSpan.End.Column + 1 + value.Length));
            return new UserInstruction(keyword, [], [word], span, word) { KeywordSpan = keywordSpan };
        }

        return new UnknownInstruction(keyword, [], [], span) { KeywordSpan = keywordSpan };
    }
}
