using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// <see cref="ExpansionResult.UnsetVariables"/> is BuildKit's "unmatched" set: every referenced name the environment does
/// not hold, whatever the modifier did with it, in order of first reference. The environment is <c>SET=value</c>,
/// <c>EMPTY=</c> unless a case says otherwise.
/// </summary>
public class ShellLexerUnsetVariablesTests
{
    private static readonly ShellLexer Lexer = new();
    private static readonly IReadOnlyDictionary<string, string> Environment = TestEnvironment.Of("SET=value", "EMPTY=");

    [TestCase("plain text", new string[0])]
    [TestCase("$SET ${SET} ${EMPTY} $EMPTY", new string[0])]
    [TestCase("$A $B $A ${B}", new[] { "A", "B" })]
    [TestCase("${X:-default}", new[] { "X" })]
    [TestCase("${X-default}", new[] { "X" })]
    [TestCase("${X:+word}", new[] { "X" })]
    [TestCase("${X+word}", new[] { "X" })]
    [TestCase("${X#prefix}", new[] { "X" })]
    [TestCase("${X%suffix}", new[] { "X" })]
    [TestCase("${X/a/b}", new[] { "X" })]
    [TestCase("${X//a/b}", new[] { "X" })]
    [TestCase("${SET:-$UNUSED}", new[] { "UNUSED" })]
    [TestCase("${SET:+$USED}", new[] { "USED" })]
    [TestCase("${X:-${Y:-z}}", new[] { "Y", "X" })]
    [TestCase("${X/$P/$R}", new[] { "P", "R", "X" })]
    [TestCase("\"$Q\" '$NOT_A_REFERENCE' \\$ESCAPED", new[] { "Q" })]
    [TestCase("$1 ${@} $# $0", new[] { "1", "@", "#", "0" })]
    [TestCase("$set", new[] { "set" })]
    [TestCase("$ $. ${SET}", new string[0])]
    public void ProcessWord_lists_names_the_environment_does_not_hold(string word, string[] expected)
    {
        ExpansionResult result = Lexer.ProcessWord(word, Environment);

        Assert.That(result.Success, Is.True, result.Error);
        Assert.That(result.UnsetVariables, Is.EqualTo(expected));
    }

    [TestCase("${X:-default}", "default")]
    [TestCase("${X:-${Y:-z}}", "z")]
    public void A_default_gives_a_value_and_still_lists_the_name(string word, string expectedValue)
    {
        ExpansionResult result = Lexer.ProcessWord(word, Environment);

        Assert.That(result.Value, Is.EqualTo(expectedValue));
        Assert.That(result.UnsetVariables, Does.Contain("X"));
    }

    [TestCase("$A ${X?required}", new[] { "A", "X" })]
    [TestCase("$A ${X:=value}", new[] { "A", "X" })]
    [TestCase("$A ${X=value}", new[] { "A" })]
    [TestCase("$A ${X:Y}", new[] { "A", "X" })]
    [TestCase("$A \"unterminated", new[] { "A" })]
    public void A_failed_expansion_lists_names_seen_up_to_the_failure(string word, string[] expected)
    {
        ExpansionResult result = Lexer.ProcessWord(word, Environment);

        Assert.That(result.Success, Is.False);
        Assert.That(result.UnsetVariables, Is.EqualTo(expected));
    }

    [Test]
    public void ProcessWords_lists_the_same_names()
    {
        WordsExpansionResult result = Lexer.ProcessWords("$A ${B:-b} $SET $A", Environment);

        Assert.That(result.Words, Is.EqualTo(new[] { "b", "value" }));
        Assert.That(result.UnsetVariables, Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    public void The_environment_comparer_decides_case_sensitivity()
    {
        ExpansionResult linux = Lexer.ProcessWord("$path", TestEnvironment.Of(StringComparer.Ordinal, "PATH=/bin"));
        ExpansionResult windows = Lexer.ProcessWord("$path", TestEnvironment.Of(StringComparer.OrdinalIgnoreCase, "PATH=/bin"));

        Assert.Multiple(() =>
        {
            Assert.That(linux.Value, Is.Empty);
            Assert.That(linux.UnsetVariables, Is.EqualTo(new[] { "path" }));
            Assert.That(windows.Value, Is.EqualTo("/bin"));
            Assert.That(windows.UnsetVariables, Is.Empty);
        });
    }
}
