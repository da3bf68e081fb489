using System.Diagnostics;
using NonRootUser.Analyzers.Suppression;
using NonRootUser.Analyzers.Syntax;
using static NonRootUser.Analyzers.Tests.Suppression.TestDockerfile;

namespace NonRootUser.Analyzers.Tests.Suppression;

public class InlineSuppressionsTests
{
    // Each case: the Dockerfile, the finding (rule id and the line it is anchored on), and the justification the
    // finding must carry, or null when it must stay unsuppressed.
    private static IEnumerable<TestCaseData> ApplyCases()
    {
        TestCaseData Case(string name, string[] lines, string id, int line, string? justification) =>
            new TestCaseData(lines, id, line, justification).SetName("Apply: " + name);

        yield return Case("comment directly above suppresses its rule",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root"], "NRU002", 3, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("only the named rule",
            ["FROM ubuntu", "# nonroot-user ignore=NRU003", "USER root"], "NRU002", 3, null);
        yield return Case("only the instruction right below",
            ["# nonroot-user ignore=NRU002", "FROM ubuntu", "USER root"], "NRU002", 3, null);
        yield return Case("the instruction right below",
            ["# nonroot-user ignore=NRU001", "FROM ubuntu", "USER root"], "NRU001", 2, "# nonroot-user ignore=NRU001 (line 1)");
        yield return Case("several codes",
            ["FROM ubuntu", "# nonroot-user ignore=NRU001,NRU002", "USER root"], "NRU002", 3, "# nonroot-user ignore=NRU001,NRU002 (line 2)");
        yield return Case("blanks around '=' and ','",
            ["FROM ubuntu", "# nonroot-user ignore = NRU001 ,  NRU002", "USER root"], "NRU002", 3, "# nonroot-user ignore = NRU001 ,  NRU002 (line 2)");
        yield return Case("tabs as blanks",
            ["FROM ubuntu", "#\tnonroot-user\tignore\t=\tNRU002", "USER root"], "NRU002", 3, "# nonroot-user\tignore\t=\tNRU002 (line 2)");
        yield return Case("keywords and ids are case-insensitive",
            ["FROM ubuntu", "# NonRoot-User IGNORE=nru002", "USER root"], "NRU002", 3, "# NonRoot-User IGNORE=nru002 (line 2)");
        yield return Case("finding id case does not matter",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root"], "nru002", 3, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("no blank after '#'",
            ["FROM ubuntu", "#nonroot-user ignore=NRU002", "USER root"], "NRU002", 3, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("indented comment",
            ["FROM ubuntu", "    # nonroot-user ignore=NRU002", "    USER root"], "NRU002", -5, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("a remark after the list",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002 # the debug image needs root", "USER root"], "NRU002", 3,
            "# nonroot-user ignore=NRU002 # the debug image needs root (line 2)");
        yield return Case("a blank line breaks the link (as hadolint)",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "", "USER root"], "NRU002", 4, null);
        yield return Case("a whitespace-only line breaks the link",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "   ", "USER root"], "NRU002", 4, null);
        yield return Case("a pragma above an explanatory comment still applies",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "# the debug image needs root", "USER root"], "NRU002", 4, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("an explanatory comment above the pragma",
            ["FROM ubuntu", "# the debug image needs root", "# nonroot-user ignore=NRU002", "USER root"], "NRU002", 4, "# nonroot-user ignore=NRU002 (line 3)");
        yield return Case("two pragmas in one block: the nearer one justifies",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "# nonroot-user ignore=NRU002,NRU003", "USER root"], "NRU002", 4, "# nonroot-user ignore=NRU002,NRU003 (line 3)");
        yield return Case("two pragmas in one block: codes add up",
            ["FROM ubuntu", "# nonroot-user ignore=NRU003", "# nonroot-user ignore=NRU002", "USER root"], "NRU003", 4, "# nonroot-user ignore=NRU003 (line 2)");
        yield return Case("the block ends at a blank line",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "", "# just a comment", "USER root"], "NRU002", 5, null);
        yield return Case("a pragma does not reach past its instruction",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "RUN true", "USER root"], "NRU002", 4, null);
        yield return Case("a finding on a continuation line is anchored at its instruction",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "RUN apt-get update \\", "    && apt-get install -y curl"], "NRU002", 4, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("a finding inside the instruction, not at its start",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root"], "NRU002", -6, "# nonroot-user ignore=NRU002 (line 2)");
        yield return Case("a comment inside a continuation is not above the next instruction",
            ["FROM ubuntu", "RUN true \\", "# nonroot-user ignore=NRU002", "    && true", "USER root"], "NRU002", 5, null);
        yield return Case("global, after the instruction",
            ["FROM ubuntu", "USER root", "# nonroot-user global ignore=NRU002"], "NRU002", 2, "# nonroot-user global ignore=NRU002 (line 3)");
        yield return Case("global, at the top",
            ["# nonroot-user global ignore=NRU001,NRU002", "", "FROM ubuntu"], "NRU001", 3, "# nonroot-user global ignore=NRU001,NRU002 (line 1)");
        yield return Case("global with blanks and case",
            ["# NONROOT-USER   Global   Ignore =  NRU003 , NRU002", "FROM ubuntu", "USER root"], "NRU002", 3, "# NONROOT-USER   Global   Ignore =  NRU003 , NRU002 (line 1)");
        yield return Case("global inside a continuation still counts",
            ["FROM ubuntu", "RUN true \\", "# nonroot-user global ignore=NRU002", "    && true", "USER root"], "NRU002", 5, "# nonroot-user global ignore=NRU002 (line 3)");
        yield return Case("global suppresses findings that no instruction holds",
            ["# nonroot-user global ignore=NRU000", "FROM"], "NRU000", 50, "# nonroot-user global ignore=NRU000 (line 1)");
        yield return Case("local beats global for the justification",
            ["# nonroot-user global ignore=NRU002", "FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root"], "NRU002", 4, "# nonroot-user ignore=NRU002 (line 3)");
        yield return Case("known codes apply beside an unknown one",
            ["FROM ubuntu", "# nonroot-user ignore=NRU999,NRU002", "USER root"], "NRU002", 3, "# nonroot-user ignore=NRU999,NRU002 (line 2)");
        yield return Case("an unknown code suppresses nothing",
            ["FROM ubuntu", "# nonroot-user ignore=DL3002", "USER root"], "DL3002", 3, null);
        yield return Case("the NRU006 id itself can be suppressed",
            ["# nonroot-user global ignore=NRU006"], "NRU006", 1, "# nonroot-user global ignore=NRU006 (line 1)");
        yield return Case("malformed: codes separated by blanks (as hadolint)",
            ["FROM ubuntu", "# nonroot-user ignore=NRU001 NRU002", "USER root"], "NRU001", 3, null);
        yield return Case("malformed: no '='",
            ["FROM ubuntu", "# nonroot-user ignore NRU002", "USER root"], "NRU002", 3, null);
        yield return Case("malformed: trailing comma",
            ["FROM ubuntu", "# nonroot-user ignore=NRU002,", "USER root"], "NRU002", 3, null);
        yield return Case("malformed: 'global' needs a blank",
            ["# nonroot-user globalignore=NRU002", "FROM ubuntu", "USER root"], "NRU002", 3, null);
        yield return Case("malformed: hadolint's spelling",
            ["FROM ubuntu", "# nonroot-user disable=NRU002", "USER root"], "NRU002", 3, null);
        yield return Case("not ours: other tools' pragmas",
            ["FROM ubuntu", "# hadolint ignore=NRU002", "USER root"], "NRU002", 3, null);
        yield return Case("not ours: prose starting with the word",
            ["FROM ubuntu", "# nonroot-users ignore=NRU002", "USER root"], "NRU002", 3, null);
        yield return Case("not ours: a doubled '#'",
            ["FROM ubuntu", "## nonroot-user ignore=NRU002", "USER root"], "NRU002", 3, null);
        yield return Case("not ours: the keyword later in the comment",
            ["FROM ubuntu", "# see nonroot-user ignore=NRU002", "USER root"], "NRU002", 3, null);
    }

    [TestCaseSource(nameof(ApplyCases))]
    public void Apply_sets_in_source_suppression(string[] lines, string id, int line, string? justification)
    {
        // A negative line means: on line 3, at that column (for an indented instruction, or inside one).
        var finding = line > 0 ? Finding(id, line) : Finding(id, 3, -line);
        var suppressions = InlineSuppressions.Read(FromLines(lines));

        var result = suppressions.Apply([finding]);

        Assert.That(result, Has.Count.EqualTo(1));
        if (justification is null)
        {
            Assert.That(result[0].Suppression, Is.Null);
        }
        else
        {
            Assert.That(result[0].Suppression, Is.EqualTo(new DiagnosticSuppression(SuppressionKind.InSource, justification)));
            Assert.That(result[0] with { Suppression = null }, Is.EqualTo(finding), "nothing else changes");
        }
    }

    [Test]
    public void Apply_keeps_order_and_only_touches_matching_findings()
    {
        var syntax = FromLines("# nonroot-user ignore=NRU001", "FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root", "USER app");
        var findings = new[] { Finding("NRU001", 2), Finding("NRU002", 2), Finding("NRU002", 4), Finding("NRU003", 4), Finding("NRU002", 5) };

        var result = InlineSuppressions.Read(syntax).Apply(findings);

        Assert.That(result.Select(d => d.Suppression is not null), Is.EqualTo(new[] { true, false, true, false, false }));
        Assert.That(result.Select(d => d.Id), Is.EqualTo(findings.Select(d => d.Id)));
    }

    [Test]
    public void Apply_keeps_an_existing_suppression()
    {
        var external = new DiagnosticSuppression(SuppressionKind.External, "NoWarn");
        var finding = Finding("NRU002", 3) with { Suppression = external };

        var result = InlineSuppressions.Read(FromLines("FROM ubuntu", "# nonroot-user ignore=NRU002", "USER root")).Apply([finding]);

        Assert.That(result[0].Suppression, Is.SameAs(external));
    }

    [Test]
    public void Apply_tolerates_missing_input()
    {
        var suppressions = InlineSuppressions.Read(FromLines("# nonroot-user global ignore=NRU002"));
        Assert.Multiple(() =>
        {
            Assert.That(suppressions.Apply(null), Is.Empty);
            Assert.That(suppressions.Apply([]), Is.Empty);
            Assert.That(InlineSuppressions.Read(null).Apply([Finding("NRU002", 1)])[0].Suppression, Is.Null);
            Assert.That(InlineSuppressions.Read(null).Problems("Dockerfile"), Is.Empty);
        });
    }

    [Test]
    public void Read_tolerates_odd_trees()
    {
        var span = new SourceSpan(1, 1, 1, 10);
        var syntax = new DockerfileSyntax([], [null!, new UnknownInstruction("RUN", [], [], new SourceSpan(2, 1, 2, 9))],
            [null!, new CommentSyntax(null!, span), new CommentSyntax("nonroot-user ignore=NRU002", span)], '\\', span);

        var suppressions = InlineSuppressions.Read(syntax);

        Assert.That(suppressions.Apply([Finding("NRU002", 2)])[0].Suppression, Is.Not.Null);
    }

    // Each case: the comment as written on line 2 (the '#' at the column its indentation gives), the NRU006 messages
    // expected, and the start and end columns each one spans on line 2.
    private static IEnumerable<TestCaseData> ProblemCases()
    {
        const string Known = "known rules: NRU000\u2013NRU006.";
        TestCaseData Case(string name, string comment, params (string Message, int Start, int End)[] problems) =>
            new TestCaseData(comment, problems).SetName("Problems: " + name);

        var whole = (string comment) => (1 + comment.Length - comment.TrimStart().Length, comment.Length + 1);
        TestCaseData Malformed(string name, string comment, string reason) =>
            Case(name, comment, ($"This nonroot-user comment suppresses nothing: {reason}. Write '# nonroot-user ignore=NRU002' (or 'global ignore=') with comma-separated rule ids.", whole(comment).Item1, whole(comment).Item2));

        yield return Case("known rule", "# nonroot-user ignore=NRU002");
        yield return Case("every known rule, any case", "# nonroot-user ignore=NRU000,nru001,NRU002,NRU003,NRU004,NRU005,NRU006");
        yield return Case("ordinary comment", "# install curl for the health check");
        yield return Case("another tool's pragma", "# hadolint ignore=DL3002");
        yield return Case("unknown rule", "# nonroot-user ignore=NRU999",
            ($"'NRU999' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 23, 29));
        yield return Case("unknown rule in a global comment", "# nonroot-user global ignore=NRU002,XYZ",
            ($"'XYZ' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 37, 40));
        yield return Case("each unknown rule, at its own column", "#nonroot-user ignore=DL3002, NRU002 ,SC2086",
            ($"'DL3002' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 22, 28),
            ($"'SC2086' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 38, 44));
        yield return Case("indented comment with blanks after '#'", "    #    nonroot-user ignore = NRU7",
            ($"'NRU7' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 32, 36));
        yield return Case("a typo joined by a semicolon", "# nonroot-user ignore=NRU001;NRU002",
            ($"'NRU001;NRU002' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 23, 36));
        yield return Case("a remark is not a code", "# nonroot-user ignore=NRU002 # NRU999 is not read");
        yield return Case("the same unknown code twice", "# nonroot-user ignore=X,X",
            ($"'X' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 23, 24),
            ($"'X' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 25, 26));
        yield return Malformed("the keyword alone", "# nonroot-user", "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        yield return Malformed("a colon after the keyword", "# nonroot-user: ignore=NRU002", "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        yield return Malformed("another verb", "# nonroot-user disable=NRU002", "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        yield return Malformed("ignored instead of ignore", "# nonroot-user ignored=NRU002", "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        yield return Malformed("'global' glued to 'ignore'", "# nonroot-user globalignore=NRU002", "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        yield return Malformed("'global' alone", "# nonroot-user global", "expected 'ignore=' after 'global'");
        yield return Malformed("'global' then something else", "# nonroot-user global disable=NRU002", "expected 'ignore=' after 'global'");
        yield return Malformed("no '='", "# nonroot-user ignore NRU002", "expected '=' after 'ignore'");
        yield return Malformed("colon for '='", "# nonroot-user ignore: NRU002", "expected '=' after 'ignore'");
        yield return Malformed("nothing after '='", "# nonroot-user ignore=", "expected a rule id after '='");
        yield return Malformed("only a remark after '='", "# nonroot-user ignore= # todo", "expected a rule id after '='");
        yield return Malformed("leading comma", "# nonroot-user ignore=,NRU002", "expected a rule id after '='");
        yield return Malformed("trailing comma", "# nonroot-user ignore=NRU002,", "expected a rule id after ','");
        yield return Malformed("double comma", "# nonroot-user ignore=NRU001,,NRU002", "expected a rule id after ','");
        yield return Malformed("blank-separated codes", "# nonroot-user ignore=NRU001 NRU002", "expected ',' or the end of the comment after 'NRU001'");
        yield return Malformed("prose after the codes", "# nonroot-user ignore=NRU002 because the debug image needs root", "expected ',' or the end of the comment after 'NRU002'");
        yield return Case("a second '=' is read as part of the code", "# nonroot-user ignore==NRU002",
            ($"'=NRU002' in this nonroot-user comment is not a rule of NonRootUser.Analyzers; {Known}", 23, 30));
    }

    [TestCaseSource(nameof(ProblemCases))]
    public void Problems_reports_unknown_rules_and_malformed_comments(string comment, (string Message, int Start, int End)[] expected)
    {
        var suppressions = InlineSuppressions.Read(FromLines("FROM ubuntu", comment, "USER root"));

        var problems = suppressions.Problems("docker/Dockerfile");

        Assert.That(problems.Select(p => (p.Message, p.Span.Start.Column, p.Span.End.Column)), Is.EqualTo(expected));
        Assert.That(problems, Has.All.Matches<Diagnostic>(p =>
            p.Id == "NRU006" && p.Severity == DiagnosticSeverity.Info && p.FilePath == "docker/Dockerfile"
            && p.Span.Start.Line == 2 && p.Span.End.Line == 2 && p.Suppression == null));
    }

    [Test]
    public void Problems_are_listed_in_file_order()
    {
        var syntax = FromLines("# nonroot-user global ignore=A", "FROM ubuntu", "# nonroot-user ignore", "# nonroot-user ignore=B", "USER root");

        var problems = InlineSuppressions.Read(syntax).Problems("Dockerfile");

        Assert.That(problems.Select(p => p.Span.Start.Line), Is.EqualTo(new[] { 1, 3, 4 }));
    }

    [Test]
    public void Problems_can_be_suppressed_globally_by_passing_them_through_Apply()
    {
        var suppressions = InlineSuppressions.Read(FromLines("# nonroot-user global ignore=NRU006", "# nonroot-user ignore=NRU999", "FROM ubuntu"));

        var problems = suppressions.Apply(suppressions.Problems("Dockerfile"));

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0].Suppression?.Justification, Is.EqualTo("# nonroot-user global ignore=NRU006 (line 1)"));
    }

    [TestCase(1, 1, 1, 28, "nonroot-user ignore=NRU002", 20, 1, 22, TestName = "CodeSpan: '#' at column 1, no blank")]
    [TestCase(1, 1, 1, 29, "nonroot-user ignore=NRU002", 20, 1, 23, TestName = "CodeSpan: one blank after '#'")]
    [TestCase(7, 5, 7, 36, "nonroot-user ignore=NRU002", 20, 7, 30, TestName = "CodeSpan: indented, several blanks")]
    [TestCase(2, 1, 2, 2, "nonroot-user ignore=NRU002", 20, 2, 22, TestName = "CodeSpan: a span too short for its text still lands after '#'")]
    [TestCase(3, 1, 4, 5, "nonroot-user ignore=NRU002", 20, 3, 23, TestName = "CodeSpan: a multi-line span assumes '# '")]
    public void CodeSpan_places_the_code_inside_the_comment(int startLine, int startColumn, int endLine, int endColumn, string text, int offset, int expectedLine, int expectedColumn)
    {
        var comment = new CommentSyntax(text, new SourceSpan(startLine, startColumn, endLine, endColumn));

        var span = InlineSuppressions.CodeSpan(comment, new SuppressionCode("NRU002", offset));

        Assert.That(span, Is.EqualTo(new SourceSpan(expectedLine, expectedColumn, expectedLine, expectedColumn + 6)));
    }

    [Test]
    public void Huge_comment_lines_are_read_quickly_and_quoted_briefly()
    {
        var manyCodes = "# nonroot-user ignore=" + string.Join(",", Enumerable.Repeat("NRU002", 200_000));
        var hugeCode = "# nonroot-user ignore=" + new string('X', 1_000_000);
        var hugeProse = "# nonroot-user " + new string('y', 1_000_000);
        var stopwatch = Stopwatch.StartNew();

        var suppressions = InlineSuppressions.Read(FromLines("FROM ubuntu", manyCodes, "USER root", hugeCode, "USER app", hugeProse, "USER x"));
        var applied = suppressions.Apply([Finding("NRU002", 3)]);
        var problems = suppressions.Problems("Dockerfile");

        stopwatch.Stop();
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(applied[0].Suppression!.Justification, Has.Length.LessThan(300).And.EndWith("\u2026 (line 2)"));
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0].Message, Has.Length.LessThan(200).And.StartWith("'XXXX").And.Contain("\u2026'"));
        Assert.That(problems[0].Span, Is.EqualTo(new SourceSpan(4, 23, 4, 23 + 1_000_000)));
        Assert.That(problems[1].Message, Does.Contain("expected 'ignore=' or 'global ignore=' after 'nonroot-user'"));
    }

    [Test]
    public void Many_instructions_and_findings_are_matched_quickly()
    {
        var lines = new List<string> { "FROM ubuntu" };
        for (var i = 0; i < 20_000; i++)
        {
            lines.Add(i % 2 == 0 ? "# nonroot-user ignore=NRU002" : "# note");
            lines.Add("USER u" + i);
        }

        var syntax = FromLines([.. lines]);
        var findings = Enumerable.Range(0, 20_000).Select(i => Finding("NRU002", 3 + (2 * i))).ToArray();
        var stopwatch = Stopwatch.StartNew();

        var result = InlineSuppressions.Read(syntax).Apply(findings);

        stopwatch.Stop();
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(result.Where((d, i) => (d.Suppression is not null) != (i % 2 == 0)), Is.Empty,
            "every USER has its own one-line block: the pragma above it, or a plain note");
    }
}
