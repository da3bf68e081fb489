using System.Text;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Byte order marks, encodings, and LF / CRLF / lone CR line breaks: positions stay exact.</summary>
public class EncodingAndLineEndingTests
{
    [Test]
    public void Crlf_line_breaks_are_not_part_of_spans()
    {
        var syntax = Parsed.Syntax("FROM alpine\r\nRUN a \\\r\n  b\r\nUSER root\r\n");

        Assert.That(syntax.Instructions.OfType<RunInstruction>().Single().Command.ShellText, Is.EqualTo("a   b"));
        Assert.That(syntax.Instructions.OfType<RunInstruction>().Single().Span, Is.EqualTo(new SourceSpan(2, 1, 3, 4)));
        var user = syntax.Instructions.OfType<UserInstruction>().Single();
        Assert.That(user.Span, Is.EqualTo(new SourceSpan(4, 1, 4, 10)));
        Assert.That(user.Value.Value, Is.EqualTo("root"));
    }

    [Test]
    public void A_lone_carriage_return_ends_a_line()
    {
        var syntax = Parsed.Syntax("FROM alpine\rUSER root\r# comment\r");

        Assert.That(syntax.Instructions.Select(instruction => instruction.Span), Is.EqualTo(new[]
        {
            new SourceSpan(1, 1, 1, 12), new SourceSpan(2, 1, 2, 10),
        }));
        Assert.That(syntax.Comments.Single().Span, Is.EqualTo(new SourceSpan(3, 1, 3, 10)));
    }

    [Test]
    public void Byte_order_mark_is_ignored_and_columns_do_not_count_it()
    {
        var fromText = Parsed.Single<UserInstruction>("\uFEFFUSER root");
        var fromBytes = DockerfileParser.Parse(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("USER root")).ToArray());

        Assert.That(fromText.Span, Is.EqualTo(new SourceSpan(1, 1, 1, 10)));
        Assert.That(fromBytes.Syntax!.Instructions.Single().Span, Is.EqualTo(new SourceSpan(1, 1, 1, 10)));
    }

    [Test]
    public void Byte_order_mark_before_a_directive()
    {
        var syntax = DockerfileParser.Parse(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# escape=`\nFROM a\n")).ToArray()).Syntax!;

        Assert.That(syntax.EscapeCharacter, Is.EqualTo('`'));
    }

    [TestCase(new byte[] { 0xFF, 0xFE, (byte)'F', 0 }, "UTF-16")]
    [TestCase(new byte[] { 0xFE, 0xFF, 0, (byte)'F' }, "UTF-16")]
    [TestCase(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'F', 0, 0, 0 }, "UTF-32")]
    [TestCase(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'F' }, "UTF-32")]
    public void Utf16_or_utf32_byte_order_mark_is_an_error(byte[] bytes, string encoding)
    {
        var result = DockerfileParser.Parse(bytes);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Errors.Single().ToString(), Is.EqualTo(
            $"line 1, column 1: expected a UTF-8 file, but the file is {encoding} encoded (it starts with a {encoding} byte order mark); Docker requires UTF-8"));
    }

    [Test]
    public void Utf16_without_byte_order_mark_is_an_error()
    {
        var littleEndian = DockerfileParser.Parse(Encoding.Unicode.GetBytes("FROM alpine\n"));
        var bigEndian = DockerfileParser.Parse(Encoding.BigEndianUnicode.GetBytes("FROM alpine\n"));

        Assert.That(new[] { littleEndian, bigEndian }.Select(result => result.Errors.Single().ToString()), Is.All.EqualTo(
            "line 1, column 1: expected a UTF-8 file, but the file looks UTF-16 encoded (every other byte is zero); Docker requires UTF-8"));
    }

    [Test]
    public void Invalid_utf8_becomes_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes("FROM alpine\nUSER ").Concat(new byte[] { 0xFF, 0xC3 }).ToArray();

        var user = DockerfileParser.Parse(bytes).Syntax!.Instructions.OfType<UserInstruction>().Single();

        Assert.That(user.Value.Value, Is.EqualTo("\uFFFD\uFFFD"));
    }

    [Test]
    public void Columns_count_utf16_code_units()
    {
        var syntax = Parsed.Syntax("LABEL emoji=\"😀\" after=1\n");

        var after = syntax.Instructions.OfType<LabelInstruction>().Single().Pairs[1];
        Assert.That(after.Key.Span, Is.EqualTo(new SourceSpan(1, 18, 1, 23)));
    }
}
