using System.Diagnostics;
using System.Text;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>
/// Hostile and huge inputs: the parser must return (no exception, no stack overflow, no hang) with either a tree or a
/// positioned error, and its cost must grow linearly with the input.
/// </summary>
public class RobustnessTests
{
    [TestCase("")]
    [TestCase("\uFEFF")]
    [TestCase("\n\n\r\n\r")]
    [TestCase("# just\n# comments")]
    [TestCase("\0\0\0")]
    [TestCase("\\")]
    [TestCase("`")]
    [TestCase("# escape=`\n`")]
    [TestCase("\"")]
    [TestCase("[")]
    [TestCase("RUN [")]
    [TestCase("RUN [\"unterminated")]
    [TestCase("ENV A=\"unterminated")]
    [TestCase("ENV A='unterminated \\")]
    [TestCase("COPY --from=\"unterminated")]
    [TestCase("RUN <<")]
    [TestCase("RUN <<''")]
    [TestCase("RUN <<\"EOF")]
    [TestCase("RUN <<EOF")]
    [TestCase("RUN <<EOF\n")]
    [TestCase("RUN ${")]
    [TestCase("RUN <<EOF ${\n")]
    [TestCase("ONBUILD ONBUILD")]
    [TestCase("HEALTHCHECK")]
    [TestCase("HEALTHCHECK CMD")]
    [TestCase("ARG")]
    [TestCase("ENV")]
    [TestCase("# escape=")]
    [TestCase("# escape= ")]
    [TestCase("#escape=\\\n\\")]
    public void Odd_input_gives_a_tree_or_a_positioned_error(string text) => AssertWellFormed(text);

    [Test]
    public void Nul_bytes_and_random_binary_never_throw()
    {
        var random = new Random(20260101);
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            AssertWellFormed(DockerfileParser.Parse(bytes), Encoding.UTF8.GetString(bytes));
        }
    }

    [Test]
    public void Random_dockerfile_fragments_never_throw()
    {
        string[] fragments =
        {
            "FROM ", "alpine", " AS ", "build", "RUN ", "USER ", "root", "ENV ", "A=1", " ", "\t", "\n", "\r\n", "\r", "\\",
            "`", "#", "# escape=`", "\"", "'", "[", "]", ",", "\"a\"", "--from=x", "--", "<<EOF", "<<-EOF", "EOF", "\tEOF",
            "${", "}", "$", "=", "ONBUILD ", "HEALTHCHECK ", "CMD ", "NONE", "COPY ", "LABEL ", "ARG ", "\0", "😀", "\uFEFF",
        };
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            var count = random.Next(1, 40);
            for (var j = 0; j < count; j++)
            {
                text.Append(fragments[random.Next(fragments.Length)]);
            }

            AssertWellFormed(text.ToString());
        }
    }

    [Test]
    public void Invalid_utf8_is_decoded_with_replacement_characters()
    {
        var bytes = new byte[] { (byte)'F', (byte)'R', (byte)'O', (byte)'M', (byte)' ', 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF8 };

        var from = DockerfileParser.Parse(bytes).Syntax!.Instructions.OfType<FromInstruction>().Single();

        Assert.That(from.Image.Value, Does.Contain("\uFFFD"));
    }

    [Test]
    public void Utf16_file_with_byte_order_mark_is_rejected()
    {
        var result = DockerfileParser.Parse(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("FROM alpine\n")).ToArray());

        Assert.That(result.Errors.Single().Message, Does.Contain("UTF-16").And.Contain("Docker requires UTF-8"));
        Assert.That(result.Errors.Single().Position, Is.EqualTo(new SourcePosition(1, 1)));
    }

    [Test]
    public void Ten_megabyte_file()
    {
        var text = GeneratedDockerfile(10_000_000);

        var (result, elapsed) = Timed(() => DockerfileParser.Parse(text));

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Syntax!.Instructions, Has.Count.GreaterThan(100_000));
        TestContext.Out.WriteLine($"10 MB: {result.Syntax.Instructions.Count} instructions in {elapsed.TotalMilliseconds:N0} ms");
    }

    [Test]
    public void One_megabyte_line_is_rejected_like_docker_does()
    {
        var text = "FROM alpine\nRUN " + new string('x', 1_000_000) + "\nUSER root\n";

        var (result, elapsed) = Timed(() => DockerfileParser.Parse(text));

        Assert.That(result.Errors.Single().ToString(), Is.EqualTo(
            "line 2, column 1: expected a line of at most 65535 bytes, but this line has 1000004 (Docker rejects longer lines)"));
        TestContext.Out.WriteLine($"1 MB line rejected in {elapsed.TotalMilliseconds:N0} ms");
    }

    [TestCase("RUN ", "echo a && ", "")]
    [TestCase("ENV ", "KEY_NAME=\"some value\" ", "")]
    [TestCase("COPY [", "\"file name\", ", "\"/dst\"]")]
    [TestCase("RUN cat ", "<<EOF ", "")]
    [TestCase("LABEL ", "a\\ b=c\\\"d ", "")]
    public void One_megabyte_line_parses_in_linear_time_when_the_limit_is_lifted(string start, string repeated, string end)
    {
        string Line(int bytes) => "FROM alpine\n" + start + string.Concat(Enumerable.Repeat(repeated, bytes / repeated.Length)) + end + "\n";

        var heredocBodies = repeated.Contains("<<", StringComparison.Ordinal);
        AssertLinear(bytes => Line(bytes) + (heredocBodies ? string.Concat(Enumerable.Repeat("EOF\n", bytes / repeated.Length)) : string.Empty), 250_000);
    }

    [Test]
    public void Hundred_thousand_line_continuation()
    {
        var text = "FROM alpine\nRUN true \\\n" + string.Concat(Enumerable.Repeat("  && echo line \\\n  # a comment \\\n\n", 100_000)) + "  && echo done\nUSER app\n";

        var (result, elapsed) = Timed(() => DockerfileParser.Parse(text));

        var syntax = result.Syntax!;
        var run = syntax.Instructions.OfType<RunInstruction>().Single();
        Assert.That(run.Span, Is.EqualTo(new SourceSpan(2, 1, 300_003, 15)));
        Assert.That(run.Command.ShellText, Does.EndWith("&& echo line   && echo done"));
        Assert.That(syntax.Comments, Has.Count.EqualTo(100_000));
        Assert.That(syntax.Instructions.OfType<UserInstruction>().Single().Span.Start.Line, Is.EqualTo(300_004));
        TestContext.Out.WriteLine($"100 000-line continuation in {elapsed.TotalMilliseconds:N0} ms");
    }

    [Test]
    public void Nested_variable_defaults_a_thousand_deep_in_a_user()
    {
        var value = string.Concat(Enumerable.Repeat("${a:-", 1000)) + "root" + new string('}', 1000);

        var user = DockerfileParser.Parse("FROM alpine\nUSER " + value + "\n").Syntax!.Instructions.OfType<UserInstruction>().Single();

        Assert.That(user.Value.Value, Is.EqualTo(value));
    }

    [Test]
    public void Nested_variables_a_hundred_thousand_deep_in_a_heredoc_line()
    {
        var value = string.Concat(Enumerable.Repeat("${a:-", 100_000)) + "x" + new string('}', 100_000);

        AssertWellFormed("FROM alpine\nRUN <<EOF " + value + "\nEOF\n", maxLineBytes: int.MaxValue);
    }

    [Test]
    public void Deeply_nested_json_is_not_exec_form()
    {
        var nested = new string('[', 200_000) + new string(']', 200_000);

        var cmd = DockerfileParser.Parse("CMD " + nested, int.MaxValue).Syntax!.Instructions.OfType<CmdInstruction>().Single();

        // Deeper than Go's JSON decoder allows (10000 levels): not JSON, so shell form, as BuildKit does.
        Assert.That(cmd.Command.IsExecForm, Is.False);
    }

    [Test]
    public void Json_nested_below_the_limit_is_rejected_as_not_strings()
    {
        var nested = "[" + new string('[', 9_998) + new string(']', 9_998) + "]";

        Assert.That(DockerfileParser.Parse("CMD " + nested).Errors.Single().Message, Is.EqualTo("expected only strings in the JSON array (exec form)"));
    }

    [Test]
    public void Many_heredocs_on_one_line()
    {
        var text = "FROM alpine\nRUN " + string.Concat(Enumerable.Repeat("<<EOF ", 10_000)) + "\n" + string.Concat(Enumerable.Repeat("x\nEOF\n", 10_000));

        var run = DockerfileParser.Parse(text).Syntax!.Instructions.OfType<RunInstruction>().Single();

        Assert.That(run.Heredocs, Has.Count.EqualTo(10_000));
    }

    [Test]
    public void Parallel_parses_share_the_grammar_safely()
    {
        var texts = Enumerable.Range(0, 16).Select(i => GeneratedDockerfile(20_000 + (i * 1000))).ToArray();
        var expected = texts.Select(text => BuildKitDump.Format(DockerfileParser.Parse(text).Syntax!)).ToArray();

        var actual = new string[texts.Length];
        Parallel.For(0, texts.Length, i => actual[i] = BuildKitDump.Format(DockerfileParser.Parse(texts[i]).Syntax!));

        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_time_and_allocations_grow_linearly_with_the_file() =>
        AssertLinear(GeneratedDockerfile, 400_000);

    /// <summary>Parses sizes n and 4n: allocations (deterministic) and time (best of 3) must grow about 4 times, not 16.</summary>
    private static void AssertLinear(Func<int, string> text, int bytes)
    {
        var small = text(bytes);
        var large = text(bytes * 4);
        DockerfileParser.Parse(small, int.MaxValue);

        var (smallBytes, smallTime) = Measure(small);
        var (largeBytes, largeTime) = Measure(large);

        TestContext.Out.WriteLine($"{small.Length:N0} chars: {smallTime.TotalMilliseconds:N1} ms, {smallBytes:N0} B; {large.Length:N0} chars: {largeTime.TotalMilliseconds:N1} ms, {largeBytes:N0} B");
        Assert.That(largeBytes / (double)smallBytes, Is.LessThan(6), "allocations grow faster than the input");
        Assert.That(largeTime.TotalMilliseconds / Math.Max(1, smallTime.TotalMilliseconds), Is.LessThan(12), "time grows faster than the input");
    }

    private static (long Bytes, TimeSpan Time) Measure(string text)
    {
        var best = TimeSpan.MaxValue;
        long bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var (result, elapsed) = Timed(() => DockerfileParser.Parse(text, int.MaxValue));
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(result.Errors, Is.Empty);
            best = elapsed < best ? elapsed : best;
        }

        return (bytes, best);
    }

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        return (result, stopwatch.Elapsed);
    }

    private static void AssertWellFormed(string text, int maxLineBytes = DockerfileParser.DockerMaxLineBytes) =>
        AssertWellFormed(DockerfileParser.Parse(text, maxLineBytes), text);

    /// <summary>A tree without errors, or no tree and one error positioned inside the file.</summary>
    private static void AssertWellFormed(ParseResult result, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Length;
        if (result.Success)
        {
            Assert.That(result.Syntax!.Instructions, Is.Not.Empty);
            return;
        }

        Assert.That(result.Syntax, Is.Null);
        var error = result.Errors.Single();
        Assert.That(error.Message, Does.StartWith("expected "), () => $"{error} for {Show(text)}");
        Assert.That(error.Message, Does.Not.Contain("internal parser error"));
        Assert.That(error.Position.Line, Is.InRange(1, lines), () => $"{error} for {Show(text)}");
        Assert.That(error.Position.Column, Is.GreaterThanOrEqualTo(1));
    }

    private static string Show(string text) => BuildKitDump.Quote(text.Length > 200 ? text[..200] : text);

    /// <summary>A realistic Dockerfile of about <paramref name="bytes"/> characters: stages, continuations, JSON, heredocs.</summary>
    private static string GeneratedDockerfile(int bytes)
    {
        string[] blocks =
        {
            "# build stage {0}\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build{0}\nWORKDIR /src\n",
            "COPY --from=base --chown=app:app [\"src/App.csproj\", \"src/\"]\nRUN dotnet restore \"src/App.csproj\"\n",
            "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl \\\n    # keep it small\n    && rm -rf /var/lib/apt/lists/*\n",
            "ENV ASPNETCORE_URLS=http://+:8080 NAME_{0}=\"value with spaces\"\nLABEL version=1.{0}\nARG VERSION_{0}=1.0\n",
            "RUN <<EOF\nset -eu\nuseradd --system app\nEOF\nUSER app:app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\n\n",
        };
        var text = new StringBuilder(bytes + 200);
        for (var i = 0; text.Length < bytes; i++)
        {
            text.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, blocks[i % blocks.Length], i);
        }

        return text.ToString();
    }
}
