using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// With <c># escape=`</c> the backtick takes every role of the backslash, and the backslash becomes an ordinary
/// character — what Windows Dockerfiles rely on for paths such as <c>C:\app</c>.
/// </summary>
public class ShellLexerEscapeTokenTests
{
    private static readonly ShellLexer Backtick = new('`');
    private static readonly IReadOnlyDictionary<string, string> Environment = TestEnvironment.Of("PWD=/home", "APP=C:\\app");

    [TestCase("he`$PWD", ExpectedResult = "he$PWD")]
    [TestCase("he``$PWD", ExpectedResult = "he`/home")]
    [TestCase("he\\$PWD", ExpectedResult = "he\\/home")]
    [TestCase("C:\\app\\bin", ExpectedResult = "C:\\app\\bin")]
    [TestCase("$APP\\bin", ExpectedResult = "C:\\app\\bin")]
    [TestCase("\"a`\"b\"", ExpectedResult = "a\"b")]
    [TestCase("\"a`$PWD\"", ExpectedResult = "a$PWD")]
    [TestCase("\"a``b\"", ExpectedResult = "a`b")]
    [TestCase("\"a`xb\"", ExpectedResult = "a`xb")]
    [TestCase("\"a\\\"", ExpectedResult = "a\\")]
    [TestCase("'a`b'", ExpectedResult = "a`b")]
    [TestCase("it`'s", ExpectedResult = "it's")]
    [TestCase("hello`", ExpectedResult = "hello")]
    [TestCase("hello``", ExpectedResult = "hello`")]
    [TestCase("${X:-`}}", ExpectedResult = "}")]
    [TestCase("${X:-\\}", ExpectedResult = "\\")]
    [TestCase("${PWD#/h}", ExpectedResult = "ome")]
    [TestCase("${PWD#/`h}", ExpectedResult = "/home")] // patterns always escape with \; a backtick stays in them literally
    [TestCase("${X:-a\\b}", ExpectedResult = "a\\b")]
    public string ProcessWord_uses_the_backtick_as_escape(string word)
    {
        ExpansionResult result = Backtick.ProcessWord(word, Environment);
        Assert.That(result.Success, Is.True, result.Error);
        return result.Value;
    }

    [TestCase("a` b c", new[] { "a b", "c" })]
    [TestCase("C:\\Program` Files\\app run", new[] { "C:\\Program Files\\app", "run" })]
    public void ProcessWords_keeps_escaped_white_space(string word, string[] expected)
    {
        WordsExpansionResult result = Backtick.ProcessWords(word, Environment);

        Assert.That(result.Words, Is.EqualTo(expected));
    }

    [TestCase("\"a`\"")]
    [TestCase("'a`'b'")]
    public void Escaped_quotes_leave_the_string_unterminated(string word)
    {
        Assert.That(Backtick.ProcessWord(word, Environment).Success, Is.False);
    }

    [Test]
    public void The_default_escape_is_the_backslash()
    {
        var lexer = new ShellLexer();

        Assert.Multiple(() =>
        {
            Assert.That(lexer.EscapeToken, Is.EqualTo('\\'));
            Assert.That(lexer.ProcessWord("a\\$PWD`", Environment).Value, Is.EqualTo("a$PWD`"));
        });
    }
}
