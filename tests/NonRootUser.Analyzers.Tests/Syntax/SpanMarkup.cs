using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>
/// Dockerfile text with expected spans marked inline, as in <c>FROM alpine\n[|USER root|]</c>: the markers are removed and
/// each marked region becomes a <see cref="SourceSpan"/> (lines and columns as the parser counts them; markers may nest).
/// </summary>
internal sealed class SpanMarkup
{
    private SpanMarkup(string text, IReadOnlyList<SourceSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    /// <summary>The marked spans, in the order their opening markers appear.</summary>
    public IReadOnlyList<SourceSpan> Spans { get; }

    public SourceSpan Span => Spans.Single();

    public static SpanMarkup Parse(string markup)
    {
        var text = new System.Text.StringBuilder();
        var open = new Stack<(int Index, SourcePosition Start)>();
        var spans = new List<(int Index, SourceSpan Span)>();
        var line = 1;
        var column = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                open.Push((spans.Count + open.Count, new SourcePosition(line, column)));
                i++;
                continue;
            }

            if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                var (index, start) = open.Pop();
                spans.Add((index, new SourceSpan(start, new SourcePosition(line, column))));
                i++;
                continue;
            }

            var c = markup[i];
            text.Append(c);
            var isLineBreak = c == '\n' || (c == '\r' && (i + 1 >= markup.Length || markup[i + 1] != '\n'));
            if (isLineBreak)
            {
                line++;
                column = 1;
            }
            else if (c != '\r')
            {
                column++;
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("unclosed [| in " + markup, nameof(markup));
        }

        return new SpanMarkup(text.ToString(), spans.OrderBy(span => span.Index).Select(span => span.Span).ToList());
    }
}

/// <summary>Parsing helpers for the syntax tests.</summary>
internal static class Parsed
{
    /// <summary>Parses <paramref name="text"/>, failing the test with the errors if it is not accepted.</summary>
    public static DockerfileSyntax Syntax(string text)
    {
        var result = DockerfileParser.Parse(text);
        Assert.That(result.Errors, Is.Empty, () => "unexpected errors: " + string.Join("; ", result.Errors));
        return result.Syntax!;
    }

    public static T Single<T>(string text)
        where T : InstructionSyntax =>
        Syntax(text).Instructions.OfType<T>().Single();

    /// <summary>The one error <paramref name="text"/> gives, as <c>line L, column C: message</c>.</summary>
    public static string Error(string text)
    {
        var result = DockerfileParser.Parse(text);
        Assert.That(result.Success, Is.False, "expected a parse error");
        Assert.That(result.Syntax, Is.Null);
        return result.Errors.Single().ToString();
    }

    public static string Values(IEnumerable<WordSyntax> words) => string.Join("|", words.Select(word => word.Value));
}
