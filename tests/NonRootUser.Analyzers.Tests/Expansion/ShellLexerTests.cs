using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// Modifiers, patterns, errors and word splitting. Expected values are BuildKit's (many come from the cases of its
/// <c>TestProcessWithMatches</c> and <c>TestShellParserMandatoryEnvVars</c>); environments are <c>NAME=value</c> lists.
/// </summary>
public class ShellLexerTests
{
    private static readonly ShellLexer Lexer = new();

    [TestCase("x", "DUMMY=dummy", ExpectedResult = "x")]
    [TestCase("x ${UNUSED}", "DUMMY=dummy", ExpectedResult = "x ")]
    [TestCase("x ${FOO}", "FOO=y", ExpectedResult = "x y")]
    [TestCase("${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}", "FOO=xxx", "BAR=", ExpectedResult = "xxx  ccc")]
    [TestCase("${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}", "FOO=xxx", "BAR=", ExpectedResult = "xxx bbb ccc")]
    [TestCase("${FOO:-}", "FOO=xxx", ExpectedResult = "xxx")]
    [TestCase("${FOO:-}", ExpectedResult = "")]
    [TestCase("${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}", "FOO=xxx", "BAR=", ExpectedResult = "aaa bbb ")]
    [TestCase("${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}", "FOO=xxx", "BAR=", ExpectedResult = "aaa  ")]
    [TestCase("${FOO?aaa}", "FOO=xxx", ExpectedResult = "xxx")]
    [TestCase("${BAR?bbb}", "BAR=", ExpectedResult = "")]
    [TestCase("${FOO:?aaa}", "FOO=xxx", ExpectedResult = "xxx")]
    [TestCase("${VAR:?message here$ARG}", "VAR=plain", "ARG=x", ExpectedResult = "plain")]
    [TestCase("${VAR?message here$ARG}", "VAR=", "ARG=x", ExpectedResult = "")]
    [TestCase("something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz",
        "VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7", ExpectedResult = "something-v1.2.3.linux-arm-v7.tar.gz")]
    [TestCase("something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz",
        "VERSION=v1.2.3", "TARGETOS=linux", "TARGETARCH=arm64", "TARGETVARIANT=", ExpectedResult = "something-v1.2.3.linux-arm64.tar.gz")]
    [TestCase("${APP_UID}:${APP_GID:-${APP_UID}}", "APP_UID=1654", ExpectedResult = "1654:1654")]
    [TestCase("${X:-a b}", ExpectedResult = "a b")]
    [TestCase("${X:-'}'}", ExpectedResult = "}")]
    [TestCase("${X:-\\}}", ExpectedResult = "}")]
    [TestCase("${X:-\"$Y\"}", "Y=y", ExpectedResult = "y")]
    [TestCase("$", ExpectedResult = "$")]
    [TestCase("a$", ExpectedResult = "a$")]
    [TestCase("$ a", ExpectedResult = "$ a")]
    [TestCase("$'x'", ExpectedResult = "$x")]
    [TestCase("$A_1b-c", "A_1b=v", ExpectedResult = "v-c")]
    [TestCase("$12a", "12=twelve", ExpectedResult = "twelvea")]
    [TestCase("${#}", "#=n", ExpectedResult = "n")]
    [TestCase("\uFEFF$A", "A=bom", ExpectedResult = "bom")]
    public string ProcessWord_expands_modifiers(string word, params string[] environment) =>
        Expand(word, environment);

    [TestCase("${FOO#()[]{\\}^$.\\*\\?|\\\\}", "FOO=()[]{}^$.*?|\\x", ExpectedResult = "x")]
    [TestCase("${FOO%%\\**}", "FOO=xx**", ExpectedResult = "xx")]
    [TestCase("${FOO#*x*y}", "FOO=xxyy", ExpectedResult = "y")]
    [TestCase("${FOO#*}", "FOO=xxyy", ExpectedResult = "xxyy")]
    [TestCase("${FOO#$BAR}", "FOO=xxyy", "BAR=x", ExpectedResult = "xyy")]
    [TestCase("${FOO#$BAR}", "FOO=xxyy", "BAR=", ExpectedResult = "xxyy")]
    [TestCase("${FOO#}", "FOO=xxyy", ExpectedResult = "xxyy")]
    [TestCase("${FOO##*x}", "FOO=xxyy", ExpectedResult = "yy")]
    [TestCase("${FOO##}", "FOO=xxyy", ExpectedResult = "xxyy")]
    [TestCase("${FOO#?\\?}", "FOO=???y", ExpectedResult = "?y")]
    [TestCase("${ABC:-.}${FOO%x}${ABC:-.}", "FOO=xxyy", ExpectedResult = ".xxyy.")]
    [TestCase("${FOO%%\\**\\*}", "FOO=a***yy*", ExpectedResult = "a")]
    [TestCase("${FOO%}", "FOO=xxyy", ExpectedResult = "xxyy")]
    [TestCase("${FOO%%$BAR}", "FOO=xxyy", "BAR=", ExpectedResult = "xxyy")]
    [TestCase("${F#*.} ${F##*.} ${F%.*} ${F%%.*}", "F=file.tar.gz", ExpectedResult = "tar.gz gz file.tar file")]
    [TestCase("${IMG%:*}", "IMG=registry:5000/app:1.2", ExpectedResult = "registry:5000/app")]
    [TestCase("${IMG##*/}", "IMG=registry:5000/team/app:1.2", ExpectedResult = "app:1.2")]
    [TestCase("${X:#a}", "X=abc", ExpectedResult = "bc")]
    [TestCase("${X:%c}", "X=abc", ExpectedResult = "ab")]
    [TestCase("${X#*a}", "X=aab", ExpectedResult = "ab")]
    [TestCase("${X#\"#\"*a}", "X=aab", ExpectedResult = "b")]
    [TestCase("${X#[ab]}", "X=[ab]c", ExpectedResult = "c")]
    [TestCase("${X#[ab]}", "X=ac", ExpectedResult = "ac")]
    [TestCase("${X#*b}", "X=a\nb", ExpectedResult = "a\nb")]
    [TestCase("${X#*b}", "X=ab\nb", ExpectedResult = "\nb")]
    [TestCase("${X#?}", "X=\U0001F600x", ExpectedResult = "x")]
    [TestCase("${X%?}", "X=x\U0001F600", ExpectedResult = "x")]
    [TestCase("${X%\U0001F600*}", "X=a\U0001F600b\U0001F600c", ExpectedResult = "a\U0001F600b")]
    [TestCase("${X#$P}", "X=a*\\b", "P=a\\*\\\\", ExpectedResult = "b")]
    public string ProcessWord_removes_prefixes_and_suffixes(string word, params string[] environment) =>
        Expand(word, environment);

    [TestCase("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", "FOO=/foo*/*/*.txt", "NEEDLE=\\*/", ExpectedResult = "/foo.*/*.txt - /foo..*.txt")]
    [TestCase("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", "FOO=/tmp/tmp/bar.txt", "NEEDLE=/tmp", ExpectedResult = "/tmp/bar.txt - /bar.txt")]
    [TestCase("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}", "FOO=/a/foo/b/c.txt", "NEEDLE=/?/", "REPLACEMENT=/",
        ExpectedResult = "/foo/b/c.txt - /foo/c.txt")]
    [TestCase("${FOO/$NEEDLE/$REPLACEMENT}", "FOO=http://google.de", "NEEDLE=http://", "REPLACEMENT=https://", ExpectedResult = "https://google.de")]
    [TestCase("${FOO//\\//\\/}", "FOO=/tmp/foo.txt", ExpectedResult = "\\/tmp\\/foo.txt")]
    [TestCase("${FOO/$BAR/ww}", "FOO=xxyy", "BAR=", ExpectedResult = "wwxxyy")]
    [TestCase("${FOO//$BAR/-}", "FOO=ab", "BAR=", ExpectedResult = "-a-b-")]
    [TestCase("${FOO///}", "FOO=xxyy", ExpectedResult = "xxyy")]
    [TestCase("${FOO///}", ExpectedResult = "")]
    [TestCase("${FOO/o*/0}", "FOO=foo bar", ExpectedResult = "f0")]
    [TestCase("${FOO//o/$R}", "FOO=foo", "R=<$0>", ExpectedResult = "f<o><o>")]
    [TestCase("${FOO/o/$R}", "FOO=foo", "R=<$0>", ExpectedResult = "f<$0>o")]
    [TestCase("${FOO//o/$R}", "FOO=foo", "R=$$|${0}|$1|$x|${|$", ExpectedResult = "f$|o|||${|$$|o|||${|$")]
    [TestCase("${FOO//x*/-}", "FOO=axb\naxc", ExpectedResult = "a-\na-")]
    [TestCase("${FOO//?/.}", "FOO=\U0001F600\U0001F600", ExpectedResult = "..")]
    public string ProcessWord_replaces_patterns(string word, params string[] environment) =>
        Expand(word, environment);

    [TestCase("he'llo", "unexpected end of statement while looking for matching single-quote")]
    [TestCase("\"hello", "unexpected end of statement while looking for matching double-quote")]
    [TestCase("${", "syntax error: missing '}'")]
    [TestCase("${}", "syntax error: bad substitution")]
    [TestCase("${:-x}", "syntax error: bad substitution")]
    [TestCase("${{x}", "syntax error: bad substitution")]
    [TestCase("${X", "unsupported modifier () in substitution")]
    [TestCase("${X:-a", "syntax error: missing '}'")]
    [TestCase("${.}", "unsupported modifier (.) in substitution")]
    [TestCase("${PWD:=000}", "unsupported modifier (:=) in substitution")]
    [TestCase("${FOO=aaa}", "unsupported modifier (=) in substitution")]
    [TestCase("${FOO=:aaa}", "unsupported modifier (=) in substitution")]
    [TestCase("${#FOO}", "unsupported modifier (F) in substitution")]
    [TestCase("${FOO//ww}", "syntax error: missing '/' in ${}")]
    [TestCase("${FOO//}", "syntax error: missing '/' in ${}")]
    [TestCase("${FOO/a/b", "syntax error: missing '}'")]
    [TestCase("${X?}", "X: is not allowed to be unset")]
    [TestCase("${X:?}", "X: is not allowed to be unset")]
    [TestCase("${X?must be set}", "X: must be set")]
    [TestCase("${NULL:?}", "NULL: is not allowed to be empty")]
    [TestCase("${VAR:?message here$ARG}", "VAR: message herex")]
    [TestCase("${VAR?message here$ARG}", "VAR: message herex")]
    [TestCase("${PWD#\\x}", "invalid pattern (\\x) in substitution: invalid escape '\\x'")]
    [TestCase("${PWD#$BAD}", "invalid pattern (a\\) in substitution: invalid escape at the end of the pattern")]
    [TestCase("${PWD/\\a/b}", "invalid pattern (\\a) in substitution: invalid escape '\\a'")]
    public void ProcessWord_fails_like_BuildKit(string word, string error)
    {
        IReadOnlyDictionary<string, string> environment = TestEnvironment.Of("PWD=/home", "NULL=", "ARG=x", "BAD=a\\");

        ExpansionResult result = Lexer.ProcessWord(word, environment);

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Value, Is.Empty);
            Assert.That(result.Error, Is.EqualTo($"failed to process \"{word}\": {error}"));
        });
    }

    [TestCase("a \"\" b", new[] { "a", "b" })]
    [TestCase("\"\"", new string[0])]
    [TestCase("'' \"\"", new string[0])]
    [TestCase("a\"\"b", new[] { "ab" })]
    [TestCase("'a b' c", new[] { "a b", "c" })]
    [TestCase("a\\ b", new[] { "a b" })]
    [TestCase("  a\t\tb\nc\r\n", new[] { "a", "b", "c" })]
    [TestCase("a\u00A0b\u3000c", new[] { "a", "b", "c" })]
    [TestCase("$EMPTY", new string[0])]
    [TestCase("x${SPACE}y", new[] { "x", "y" })]
    [TestCase("x\"${SPACE}\"y", new[] { "x y" })]
    [TestCase("$LIST", new[] { "a", "b", "c" })]
    [TestCase("${EMPTY:-d e}", new[] { "d", "e" })]
    [TestCase("--chown=${APP_UID}:${APP_UID} src dst", new[] { "--chown=1654:1654", "src", "dst" })]
    public void ProcessWords_splits_on_unquoted_white_space(string word, string[] expected)
    {
        IReadOnlyDictionary<string, string> environment = TestEnvironment.Of("EMPTY=", "SPACE= ", "LIST= a  b c ", "APP_UID=1654");

        WordsExpansionResult result = Lexer.ProcessWords(word, environment);

        Assert.That(result.Success, Is.True, result.Error);
        Assert.That(result.Words, Is.EqualTo(expected));
    }

    [Test]
    public void ProcessWords_fails_with_no_words()
    {
        WordsExpansionResult result = Lexer.ProcessWords("a b ${X?unset}", TestEnvironment.Of());

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(result.Words, Is.Empty);
            Assert.That(result.Error, Is.EqualTo("failed to process \"a b ${X?unset}\": X: unset"));
            Assert.That(result.UnsetVariables, Is.EqualTo(new[] { "X" }));
        });
    }

    [Test]
    public void Error_messages_abbreviate_long_words()
    {
        string word = new string('a', 10_000) + "'";

        ExpansionResult result = Lexer.ProcessWord(word, TestEnvironment.Of());

        Assert.That(result.Error, Has.Length.LessThan(200));
    }

    private static string Expand(string word, string[] environment)
    {
        ExpansionResult result = Lexer.ProcessWord(word, TestEnvironment.Of(environment));
        Assert.That(result.Success, Is.True, result.Error);
        return result.Value;
    }
}
