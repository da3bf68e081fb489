using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Errors say what was expected and where; the messages are part of the contract.</summary>
public class ParseErrorTests
{
    [TestCase("", "line 1, column 1: expected an instruction such as FROM (the file has no instructions)")]
    [TestCase("# only a comment\n\n", "line 3, column 1: expected an instruction such as FROM (the file has no instructions)")]
    [TestCase("\uFEFF", "line 1, column 1: expected an instruction such as FROM (the file has no instructions)")]
    [TestCase("ARG BASE\n\nFROM ", "line 3, column 6: expected an image name after FROM")]
    [TestCase("FROM", "line 1, column 5: expected an image name after FROM")]
    [TestCase("FROM --platform=linux/amd64", "line 1, column 28: expected an image name after FROM")]
    [TestCase("FROM alpine AS", "line 1, column 15: expected a stage name after AS")]
    [TestCase("FROM alpine base", "line 1, column 13: expected AS and a stage name, or the end of the line, after the image name")]
    [TestCase("FROM alpine AS base extra", "line 1, column 21: expected the end of the line after the stage name")]
    [TestCase("FROM busybox\n\nENV PATH", "line 3, column 9: expected a value for PATH (ENV PATH=value)")]
    [TestCase("LABEL maintainer", "line 1, column 17: expected a value for maintainer (LABEL maintainer=value)")]
    [TestCase("ENV A=1 B", "line 1, column 9: expected name=value instead of \"B\"")]
    [TestCase("CMD [ \"echo\", [ \"nested json\" ] ]", "line 1, column 15: expected only strings in the JSON array (exec form)")]
    [TestCase("COPY [\"a\", 1]", "line 1, column 12: expected only strings in the JSON array (exec form)")]
    [TestCase("FROM a\nUSER", "line 2, column 5: expected a user name after USER")]
    [TestCase("WORKDIR  ", "line 1, column 10: expected a path after WORKDIR")]
    [TestCase("STOPSIGNAL", "line 1, column 11: expected a signal after STOPSIGNAL")]
    [TestCase("MAINTAINER", "line 1, column 11: expected a name after MAINTAINER")]
    [TestCase("ONBUILD", "line 1, column 8: expected an instruction after ONBUILD")]
    [TestCase("ONBUILD ONBUILD RUN make", "line 1, column 9: expected an instruction other than ONBUILD after ONBUILD (ONBUILD cannot be chained)")]
    [TestCase("FROM a\n\\", "line 2, column 2: expected an instruction after the line continuation")]
    [TestCase("FROM a\n  \\\n\n# comment\n", "line 2, column 4: expected an instruction after the line continuation")]
    [TestCase("RUN <<EOF\n", "line 2, column 1: expected \"EOF\" to end the heredoc")]
    public void Error_message_and_position(string dockerfile, string error)
    {
        Assert.That(Parsed.Error(dockerfile), Is.EqualTo(error));
    }

    [Test]
    public void Try_parse_reports_the_same_errors()
    {
        var accepted = DockerfileParser.TryParse("FROM alpine\nUSER app\n", out var syntax, out var noErrors);
        var rejected = DockerfileParser.TryParse("FROM", out var none, out var errors);

        Assert.That((accepted, syntax?.Instructions.Count, noErrors.Count), Is.EqualTo((true, 2, 0)));
        Assert.That((rejected, none), Is.EqualTo((false, (DockerfileSyntax?)null)));
        Assert.That(errors.Single().Message, Is.EqualTo("expected an image name after FROM"));
        Assert.That(errors.Single().Position, Is.EqualTo(new SourcePosition(1, 5)));
    }

    [Test]
    public void Lines_up_to_65535_bytes_are_accepted_and_longer_ones_rejected_like_docker()
    {
        // "LABEL a=" is 8 bytes; "é" is 2 bytes in UTF-8.
        var longest = "LABEL a=" + new string('x', 65_525) + "é";
        Assert.That(DockerfileParser.Parse("FROM a\n" + longest + "\n").Success, Is.True);

        Assert.That(Parsed.Error("FROM a\n" + longest + "x\n"), Is.EqualTo(
            "line 2, column 1: expected a line of at most 65535 bytes, but this line has 65536 (Docker rejects longer lines)"));
    }
}
