using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Every comment line is recorded with its span, wherever it is (suppressions read them).</summary>
public class CommentTests
{
    [Test]
    public void Every_comment_line_with_trimmed_text_and_span()
    {
        var markup = SpanMarkup.Parse(
            "[|# top|]\nFROM alpine\n    [|#   indented   |]\nRUN a \\\n  [|# inside a continuation|]\n  b\n[|#|]\nUSER root\n");

        var comments = Parsed.Syntax(markup.Text).Comments;

        Assert.That(comments.Select(comment => comment.Text), Is.EqualTo(new[] { "top", "indented", "inside a continuation", string.Empty }));
        Assert.That(comments.Select(comment => comment.Span), Is.EqualTo(markup.Spans));
    }

    [Test]
    public void A_hash_after_an_instruction_is_part_of_its_arguments()
    {
        var syntax = Parsed.Syntax("FROM alpine\nUSER root # not a comment\n");

        Assert.That(syntax.Comments, Is.Empty);
        Assert.That(syntax.Instructions.OfType<UserInstruction>().Single().Value.Value, Is.EqualTo("root # not a comment"));
    }

    [Test]
    public void Suppression_comment_before_an_instruction()
    {
        var syntax = Parsed.Syntax("FROM alpine\n# nonroot-user ignore=NRU002\nUSER root\n");

        var comment = syntax.Comments.Single();
        Assert.That(comment.Text, Is.EqualTo("nonroot-user ignore=NRU002"));
        Assert.That(comment.Span, Is.EqualTo(new SourceSpan(2, 1, 2, 29)));
        Assert.That(syntax.Instructions[1].Span.Start.Line, Is.EqualTo(comment.Span.Start.Line + 1));
    }
}
