using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Rules;

/// <summary>
/// Table-driven rule tests: a Dockerfile with the expected spans marked inline as <c>[|USER root|]</c>. No marks
/// means the rule must stay silent.
/// </summary>
internal static class RuleAssert
{
    public static void Verify(string ruleId, string markup, AnalysisOptions? options = null)
    {
        var (text, expected) = Markup.Parse(markup);
        var diagnostics = DockerfileAnalyzer.Analyze(text, "Dockerfile", options ?? AnalysisOptions.Default);
        var actual = diagnostics.Where(d => d.Id == ruleId).Select(d => d.Span).ToList();
        var unexpected = diagnostics.Where(d => d.Id == "NRU000").ToList();
        Assert.That(unexpected, Is.Empty, "the Dockerfile of the test must parse");
        Assert.That(actual, Is.EqualTo(expected), () => "all diagnostics:\n" + string.Join("\n", diagnostics));
    }

    /// <summary>The messages of <paramref name="ruleId"/> for <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Messages(string ruleId, string text, AnalysisOptions? options = null) =>
        DockerfileAnalyzer.Analyze(text, "Dockerfile", options ?? AnalysisOptions.Default).Where(d => d.Id == ruleId).Select(d => d.Message).ToList();
}

/// <summary>Removes <c>[|</c> … <c>|]</c> marks from a text and returns the spans they enclosed (1-based, end exclusive).</summary>
internal static class Markup
{
    public static (string Text, List<SourceSpan> Spans) Parse(string markup)
    {
        var text = new System.Text.StringBuilder();
        var spans = new List<SourceSpan>();
        var starts = new Stack<SourcePosition>();
        int line = 1, column = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (string.CompareOrdinal(markup, i, "[|", 0, 2) == 0)
            {
                starts.Push(new SourcePosition(line, column));
                i++;
                continue;
            }

            if (string.CompareOrdinal(markup, i, "|]", 0, 2) == 0)
            {
                spans.Add(new SourceSpan(starts.Pop(), new SourcePosition(line, column)));
                i++;
                continue;
            }

            text.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (text.ToString(), spans);
    }
}
