using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Lines ending with the escape character continue on the next line, as BuildKit joins them.</summary>
public class LineContinuationTests
{
    [Test]
    public void Continuation_joins_lines_and_keeps_the_indentation_of_the_next()
    {
        var markup = SpanMarkup.Parse("FROM alpine\n[|RUN [|apt-get update \\\n    && apt-get install -y curl|]|]\nUSER app\n");

        var run = Parsed.Single<RunInstruction>(markup.Text);

        Assert.That(run.Command.ShellText, Is.EqualTo("apt-get update     && apt-get install -y curl"));
        Assert.That(run.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(run.Span, Is.EqualTo(new SourceSpan(2, 1, 3, 31)));
        Assert.That(run.Command.Arguments.Single().Span, Is.EqualTo(markup.Spans[1]));
    }

    [Test]
    public void Spaces_and_tabs_after_the_escape_character_still_continue_the_line()
    {
        Assert.That(Parsed.Single<RunInstruction>("RUN a \\  \t\n b").Command.ShellText, Is.EqualTo("a  b"));
    }

    [Test]
    public void Empty_and_blank_continuation_lines_are_skipped()
    {
        Assert.That(Parsed.Single<RunInstruction>("RUN a \\\n\n   \n b").Command.ShellText, Is.EqualTo("a  b"));
    }

    [Test]
    public void Comment_lines_inside_a_continuation_are_skipped_but_recorded()
    {
        var markup = SpanMarkup.Parse("FROM alpine\nRUN useradd app \\\n  [|# nonroot-user ignore=NRU002|]\n    && echo done\n");

        var syntax = Parsed.Syntax(markup.Text);

        var run = syntax.Instructions.OfType<RunInstruction>().Single();
        Assert.That(run.Command.ShellText, Is.EqualTo("useradd app     && echo done"));
        Assert.That(run.Span, Is.EqualTo(new SourceSpan(2, 1, 4, 17)));
        var comment = syntax.Comments.Single();
        Assert.That(comment.Text, Is.EqualTo("nonroot-user ignore=NRU002"));
        Assert.That(comment.Span, Is.EqualTo(markup.Span));
    }

    [Test]
    public void A_blank_line_does_not_end_a_continuation()
    {
        // BuildKit joins the next instruction into the continued one (and warns about the empty line).
        var syntax = Parsed.Syntax("RUN echo a \\\n\nUSER root\n");

        Assert.That(syntax.Instructions.Single().Arguments.Single().Value, Is.EqualTo("echo a USER root"));
    }

    [Test]
    public void Continuation_at_the_end_of_the_file()
    {
        var run = Parsed.Single<RunInstruction>("RUN something \\");

        Assert.That(run.Command.ShellText, Is.EqualTo("something"));
        Assert.That(run.Span, Is.EqualTo(new SourceSpan(1, 1, 1, 14)));
    }

    [Test]
    public void An_escaped_escape_character_at_the_end_does_not_continue_the_line()
    {
        var syntax = Parsed.Syntax("ENV A=b\\\\\nUSER x\n");

        Assert.That(syntax.Instructions.Select(instruction => instruction.Keyword), Is.EqualTo(new[] { "ENV", "USER" }));
        Assert.That(syntax.Instructions.OfType<EnvInstruction>().Single().Pairs.Single().Value.Value, Is.EqualTo("b\\\\"));
    }

    [Test]
    public void A_line_of_only_the_escape_character_starts_a_continuation()
    {
        var syntax = Parsed.Syntax("\\\nFROM alpine\n");

        var from = syntax.Instructions.OfType<FromInstruction>().Single();
        Assert.That(from.Image.Value, Is.EqualTo("alpine"));
        Assert.That(from.KeywordSpan, Is.EqualTo(new SourceSpan(2, 1, 2, 5)));
    }

    [Test]
    public void Backtick_escape_directive_makes_backtick_the_continuation_and_backslash_literal()
    {
        var markup = SpanMarkup.Parse(
            "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n[|RUN [|dir c:\\ `\n    && echo done|]|]\nWORKDIR c:\\app\\\nUSER ContainerUser\n");

        var syntax = Parsed.Syntax(markup.Text);

        Assert.That(syntax.EscapeCharacter, Is.EqualTo('`'));
        var run = syntax.Instructions.OfType<RunInstruction>().Single();
        Assert.That(run.Command.ShellText, Is.EqualTo("dir c:\\     && echo done"));
        Assert.That(run.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(run.Command.Span, Is.EqualTo(markup.Spans[1]));
        Assert.That(syntax.Instructions.OfType<WorkdirInstruction>().Single().Path.Value, Is.EqualTo("c:\\app\\"));
        Assert.That(syntax.Instructions.OfType<UserInstruction>().Single().Value.Value, Is.EqualTo("ContainerUser"));
    }

    [Test]
    public void A_long_continuation_maps_every_word_back_to_its_line()
    {
        var syntax = Parsed.Syntax("FROM alpine\nCOPY \\\n  a \\\n  b \\\n  /dst\n");

        var copy = syntax.Instructions.OfType<CopyInstruction>().Single();
        Assert.That(copy.Sources.Select(word => word.Span), Is.EqualTo(new[] { new SourceSpan(3, 3, 3, 4), new SourceSpan(4, 3, 4, 4) }));
        Assert.That(copy.Destination!.Span, Is.EqualTo(new SourceSpan(5, 3, 5, 7)));
    }
}
