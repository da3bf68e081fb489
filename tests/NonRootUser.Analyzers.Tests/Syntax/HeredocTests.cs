using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Heredocs (<c>&lt;&lt;EOF</c>) of RUN, COPY and ADD: their bodies are read from the lines after the instruction.</summary>
public class HeredocTests
{
    [Test]
    public void Run_heredoc_body_and_spans()
    {
        var markup = SpanMarkup.Parse("FROM alpine\n[|RUN <<EOF\n[|set -e\nuseradd app\nEOF|]|]\nUSER app\n");

        var syntax = Parsed.Syntax(markup.Text);

        var run = syntax.Instructions.OfType<RunInstruction>().Single();
        Assert.That(run.Command.ShellText, Is.EqualTo("<<EOF"));
        Assert.That(run.Span, Is.EqualTo(markup.Spans[0]));
        var heredoc = run.Heredocs.Single();
        Assert.That(heredoc, Is.EqualTo(new HeredocSyntax("EOF", Expand: true, StripLeadingTabs: false, "set -e\nuseradd app\n", markup.Spans[1])));
        Assert.That(syntax.Instructions.Last().Span, Is.EqualTo(new SourceSpan(6, 1, 6, 9)));
        Assert.That(syntax.Comments, Is.Empty);
    }

    [Test]
    public void Dash_heredoc_ends_at_a_tab_indented_delimiter()
    {
        var heredoc = Parsed.Single<RunInstruction>("RUN <<-EOT sh\n\techo a\n\tEOT\n").Heredocs.Single();

        Assert.That((heredoc.Name, heredoc.StripLeadingTabs, heredoc.Content), Is.EqualTo(("EOT", true, "\techo a\n")));
        Assert.That(heredoc.Span, Is.EqualTo(new SourceSpan(2, 1, 3, 5)));
    }

    [TestCase("<<\"EOF\"")]
    [TestCase("<<'EOF'")]
    [TestCase("<<E\"O\"F")]
    public void Quoted_delimiter_turns_expansion_off(string word)
    {
        var heredoc = Parsed.Single<RunInstruction>($"RUN {word}\n$HOME\nEOF\n").Heredocs.Single();

        Assert.That((heredoc.Name, heredoc.Expand, heredoc.Content), Is.EqualTo(("EOF", false, "$HOME\n")));
    }

    [Test]
    public void Several_heredocs_on_one_line_are_read_in_order()
    {
        var run = Parsed.Single<RunInstruction>("RUN <<A cat - <<B > /out\na\nA\nb1\nb2\nB\n");

        Assert.That(run.Heredocs.Select(heredoc => (heredoc.Name, heredoc.Content)), Is.EqualTo(new[] { ("A", "a\n"), ("B", "b1\nb2\n") }));
        Assert.That(run.Heredocs.Select(heredoc => heredoc.Span), Is.EqualTo(new[] { new SourceSpan(2, 1, 3, 2), new SourceSpan(4, 1, 6, 2) }));
        Assert.That(run.Span, Is.EqualTo(new SourceSpan(1, 1, 6, 2)));
    }

    [Test]
    public void Copy_heredoc_with_a_destination()
    {
        var copy = Parsed.Single<CopyInstruction>("COPY --chmod=600 <<EOF /app/config\nkey=value\nEOF\n");

        Assert.That(Parsed.Values(copy.Sources), Is.EqualTo("<<EOF"));
        Assert.That(copy.Destination!.Value, Is.EqualTo("/app/config"));
        Assert.That(copy.Heredocs.Single().Content, Is.EqualTo("key=value\n"));
    }

    [Test]
    public void Empty_heredoc_spans_its_delimiter_line()
    {
        var heredoc = Parsed.Single<AddInstruction>("ADD <<EOF /empty\nEOF\n").Heredocs.Single();

        Assert.That((heredoc.Content, heredoc.Span), Is.EqualTo((string.Empty, new SourceSpan(2, 1, 2, 4))));
    }

    [Test]
    public void Heredoc_body_lines_keep_their_line_breaks()
    {
        var heredoc = Parsed.Single<RunInstruction>("RUN <<EOF\r\necho a\r\nEOF\r\n").Heredocs.Single();

        Assert.That(heredoc.Content, Is.EqualTo("echo a\r\n"));
        Assert.That(heredoc.Span, Is.EqualTo(new SourceSpan(2, 1, 3, 4)));
    }

    [Test]
    public void Onbuild_trigger_gets_the_heredoc()
    {
        var onbuild = Parsed.Single<OnbuildInstruction>("ONBUILD RUN <<EOF\necho hi\nEOF\n");

        Assert.That(((RunInstruction)onbuild.Trigger).Heredocs.Single().Content, Is.EqualTo("echo hi\n"));
        Assert.That(onbuild.Span, Is.EqualTo(new SourceSpan(1, 1, 3, 4)));
    }

    [TestCase("CMD <<EOF\nUSER root\n", "CMD")]
    [TestCase("RUN [\"cat\", \"<<EOF\"]\nUSER root\n", "RUN")]
    [TestCase("RUN cat<<EOF\nUSER root\n", "RUN")]
    [TestCase("RUN echo '<<EOF\nUSER root\n", "RUN")]
    public void Only_shell_form_run_copy_and_add_words_start_heredocs(string dockerfile, string keyword)
    {
        var syntax = Parsed.Syntax(dockerfile);

        Assert.That(syntax.Instructions.Select(instruction => instruction.Keyword), Is.EqualTo(new[] { keyword, "USER" }));
    }

    [Test]
    public void Unterminated_heredoc_is_an_error_at_the_end_of_the_file()
    {
        Assert.That(Parsed.Error("FROM alpine\nRUN <<EOF\necho hi\n"), Is.EqualTo("line 4, column 1: expected \"EOF\" to end the heredoc"));
    }

    [Test]
    public void Heredoc_behaviours_BuildKit_tests_for()
    {
        var syntax = Parsed.Syntax(string.Join("\n",
            "FROM alpine:3.20",
            "USER <<NOT_A_HEREDOC",
            "NOT_A_HEREDOC",
            "RUN <<EMPTY",
            "EMPTY",
            "RUN 3<<WITH_DESCRIPTOR",
            "WITH_DESCRIPTOR",
            "RUN \"<<QUOTED_WORD\" '<<ALSO_QUOTED'",
            "RUN <<KEEPS_TABS",
            "\tkept",
            "KEEPS_TABS",
            "RUN <<-'STRIPS_TABS'",
            "\tline $NAME",
            "\tSTRIPS_TABS",
            "RUN --mount=type=cache,target=/cache <<WITH_FLAGS",
            "# a body line, not a comment",
            "WITH_FLAGS",
            "COPY <<FIRST <<SECOND /dest",
            "SECOND",
            "FIRST",
            "FIRST",
            "SECOND",
            string.Empty));

        var heredocs = syntax.Instructions.Skip(1).Select(instruction => instruction switch
        {
            RunInstruction run => run.Heredocs,
            CopyInstruction copy => copy.Heredocs,
            _ => Array.Empty<HeredocSyntax>(),
        }).Select(list => string.Join(", ", list.Select(heredoc =>
            $"{heredoc.Name}:{BuildKitDump.Quote(heredoc.Content)}{(heredoc.Expand ? string.Empty : " no-expand")}{(heredoc.StripLeadingTabs ? " strip" : string.Empty)}")));

        Assert.That(syntax.Instructions.Select(instruction => instruction.Keyword), Is.EqualTo(new[]
        {
            "FROM", "USER", "NOT_A_HEREDOC", "RUN", "RUN", "RUN", "RUN", "RUN", "RUN", "COPY",
        }));
        Assert.That(heredocs, Is.EqualTo(new[]
        {
            string.Empty,
            string.Empty,
            "EMPTY:\"\"",
            "WITH_DESCRIPTOR:\"\"",
            string.Empty,
            "KEEPS_TABS:\"\\tkept\\n\"",
            "STRIPS_TABS:\"\\tline $NAME\\n\" no-expand strip",
            "WITH_FLAGS:\"# a body line, not a comment\\n\"",
            "FIRST:\"SECOND\\n\", SECOND:\"FIRST\\n\"",
        }));
        Assert.That(syntax.Comments, Is.Empty);
    }
}
