using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>
/// Words as the shell splits and expands them: quoting, escapes, parameters, field splitting — checked by hand and
/// against BuildKit's shell-lexer tables (/work/shared/corpus/buildkit/shell).
/// </summary>
public class ShellWordTests
{
    [TestCase("a'b'\"c\"\\d", "abcd")]
    [TestCase("\"a b\" c", "a b|c")]
    [TestCase("'' x", "|x")]
    [TestCase("\"\" x", "|x")]
    [TestCase("$EMPTY x", "x")]
    [TestCase("\"$EMPTY\" x", "|x")]
    [TestCase("$TWO_WORDS", "alice|bob")]
    [TestCase("\"$TWO_WORDS\"", "alice bob")]
    [TestCase("a#b #c", "a#b")]
    [TestCase("'it''s'", "its")]
    [TestCase("\"say \\\"hi\\\" \\$HOME \\x\"", "say \"hi\" $HOME \\x")]
    [TestCase("$'a\\tb'", "a\tb")]
    [TestCase("${UID}0 ${UID:+set} ${NOPE:-d} ${NOPE-d} ${EMPTY:-d} ${EMPTY-d}x", "10010|set|d|d|d|x")]
    [TestCase("${#USERNAME} ${USERNAME#app} ${USERNAME##*p} ${USERNAME%%u*} ${USERNAME/user/er} ${USERNAME:3:2}", "7|user|user|app|apper|us")]
    [TestCase("--uid=\"$UID\" -u\"$UID\"", "--uid=1001|-u1001")]
    [TestCase("\"${USERNAME:-\"quoted default\"}\"", "appuser")]
    [TestCase("${NOPE:-\"a b\"}", "a b")]
    [TestCase("x$((1000))y", "x1000y")]
    public void Splits_and_expands_words(string input, string expected)
    {
        Assert.That(string.Join("|", FieldsOf(input, AccountFormat.Lookup)), Is.EqualTo(expected));
    }

    [TestCase("$NOPE")]
    [TestCase("${NOPE}")]
    [TestCase("${NOPE:+x}")]
    [TestCase("${NOPE%x}")]
    [TestCase("$(cat /x)")]
    [TestCase("`id -un`")]
    [TestCase("$((NOPE + 1))")]
    [TestCase("${!ref}")]
    public void Unknown_values_stay_unknown(string input)
    {
        var fields = FieldsOf(input, AccountFormat.Lookup);

        Assert.That(fields.Any(f => f.Contains('\uFFFF', StringComparison.Ordinal)), Is.True, string.Join("|", fields));
    }

    [Test]
    public void Words_table_from_buildkit()
    {
        var compared = 0;
        var variables = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(CorpusFile("wordsTest")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                var assignment = line.Substring(3).TrimStart(' ');
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                variables[assignment[..equals]] = assignment[(equals + 1)..];
                continue;
            }

            var columns = line.Split('|');
            var input = columns[0].Trim();
            var expected = columns[1].TrimStart(' ');
            // BuildKit expands unset variables to nothing; we mark them unknown, which removes the same way.
            var fields = FieldsOf(input, name => variables.TryGetValue(name, out var v) ? v : null)
                .Select(f => f.Replace("\uFFFF", string.Empty, StringComparison.Ordinal));
            if (expected == "error")
            {
                // BuildKit rejects unterminated quotes; a shell reader must only not fail on them.
                continue;
            }

            Assert.That(string.Join(",", fields), Is.EqualTo(expected), input);
            compared++;
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(20));
    }

    [Test]
    public void Env_var_table_from_buildkit()
    {
        // lex_test.go runs this table with these variables. Variables it treats as unset are unknown to us, so
        // only results we could compute are compared; positional and special parameters mean other things in
        // BuildKit and are skipped.
        var variables = new Dictionary<string, string> { ["PWD"] = "/home", ["SHELL"] = "bash", ["KOREAN"] = "한국어", ["NULL"] = "" };
        var compared = 0;
        foreach (var line in File.ReadAllLines(CorpusFile("envVarTest")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var columns = line.Trim().Split('|');
            var platform = columns[0].Trim();
            var input = columns[1].Trim();
            var expected = columns.Length > 2 ? columns[2].Trim() : string.Empty;
            // A trailing lone backslash: BuildKit drops it, sh (bash, dash) keeps it.
            var trailingBackslash = input.EndsWith('\\') && !input.EndsWith("\\\\", StringComparison.Ordinal);
            if (platform is not ("A" or "U") || expected == "error" || SpecialOrPositional(input) || trailingBackslash)
            {
                continue;
            }

            // BuildKit expands unset variables to nothing; we mark them unknown, which removes the same way.
            var text = TextOf(input.Replace(" ", "\\ ", StringComparison.Ordinal), name => variables.TryGetValue(name, out var v) ? v : null)
                .Replace("\uFFFF", string.Empty, StringComparison.Ordinal);
            Assert.That(text, Is.EqualTo(expected), input);
            compared++;
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(50));
    }

    private static bool SpecialOrPositional(string input)
    {
        for (var i = 0; i + 1 < input.Length; i++)
        {
            if (input[i] != '$')
            {
                continue;
            }

            var next = input[i + 1] == '{' && i + 2 < input.Length ? input[i + 2] : input[i + 1];
            if (char.IsDigit(next) || "@*#?-$!".Contains(next, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return input.Contains("pwd", StringComparison.Ordinal);
    }

    /// <summary>The expanded fields of the first simple command of <paramref name="script"/>.</summary>
    internal static List<string> FieldsOf(string script, Func<string, string?> variables)
    {
        var parsed = PosixShellParser.Parse(script);
        var command = parsed.Nodes.OfType<SimpleCommandNode>().FirstOrDefault();
        if (command is null)
        {
            return new List<string>();
        }

        var expander = new WordExpander(new ShellScope(variables), (_, _) => null);
        return command.Words.SelectMany(expander.ExpandFields).ToList();
    }

    /// <summary>The words of the first simple command expanded without field splitting, joined by blanks.</summary>
    private static string TextOf(string script, Func<string, string?> variables)
    {
        var command = PosixShellParser.Parse(script).Nodes.OfType<SimpleCommandNode>().FirstOrDefault();
        var expander = new WordExpander(new ShellScope(variables), (_, _) => null);
        return command is null ? string.Empty : string.Join(" ", command.Words.Select(expander.ExpandText));
    }

    internal static string CorpusFile(string name) => RepositoryRoot.BuildKitCorpus("shell", name);
}
