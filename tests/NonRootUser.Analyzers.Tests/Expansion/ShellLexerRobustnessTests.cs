using System.Diagnostics;
using System.Text;
using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// Hostile input must end in a result, quickly: no exception, no stack overflow, no quadratic or exponential time.
/// Time limits are generous (a shared CI machine) yet far below what a quadratic algorithm would need on a megabyte.
/// </summary>
public class ShellLexerRobustnessTests
{
    private const int Megabyte = 1 << 20;
    private static readonly TimeSpan LinearTimeLimit = TimeSpan.FromSeconds(3);
    private static readonly ShellLexer Lexer = new();
    private static readonly IReadOnlyDictionary<string, string> Environment = TestEnvironment.Of("A=a", "SPACE=x y", "PWD=/home");

    [TestCase(10, true)]
    [TestCase(ShellLexer.MaxNestingDepth, true)]
    [TestCase(ShellLexer.MaxNestingDepth + 1, false)]
    [TestCase(1_000, false)]
    [TestCase(100_000, false)]
    public void Nested_defaults_expand_up_to_the_depth_limit_and_fail_cleanly_beyond(int depth, bool expanded)
    {
        string word = Nest(depth, i => $"${{v{i}:-", "x", "}");

        ExpansionResult result = Measure(() => Lexer.ProcessWord(word, Environment), $"{depth} nested ${{:-}}", TimeSpan.FromSeconds(1));

        Assert.That(result.Success, Is.EqualTo(expanded), result.Error);
        if (expanded)
        {
            Assert.That(result.Value, Is.EqualTo("x"));
            Assert.That(result.UnsetVariables, Has.Count.EqualTo(depth));
        }
        else
        {
            Assert.That(result.Error, Does.Contain($"nested deeper than {ShellLexer.MaxNestingDepth} levels"));
        }
    }

    [TestCase(1_000)]
    [TestCase(100_000)]
    public void Nested_quotes_and_patterns_fail_cleanly(int depth)
    {
        string quoted = Nest(depth, i => $"\"${{v{i}:-", "x", "}\"");
        string patterns = Nest(depth, i => $"${{A#${{v{i}:-", "x", "}}");

        Assert.Multiple(() =>
        {
            Assert.That(Lexer.ProcessWord(quoted, Environment).Success, Is.False);
            Assert.That(Lexer.ProcessWords(patterns, Environment).Success, Is.False);
        });
    }

    [Test]
    public void Unterminated_nesting_fails_cleanly()
    {
        string word = string.Concat(Enumerable.Repeat("${a:-", 100_000));

        ExpansionResult result = Lexer.ProcessWord(word, Environment);

        Assert.That(result.Success, Is.False);
    }

    public static IEnumerable<TestCaseData> MegabyteWords()
    {
        yield return new TestCaseData(new string('a', Megabyte), Megabyte).SetArgDisplayNames("plain");
        yield return new TestCaseData(Repeat("a b ", Megabyte), Megabyte).SetArgDisplayNames("spaces");
        yield return new TestCaseData(Repeat("$A", Megabyte), Megabyte / 2).SetArgDisplayNames("$A");
        yield return new TestCaseData(Repeat("${A}", Megabyte), Megabyte / 4).SetArgDisplayNames("${A}");
        yield return new TestCaseData(Repeat("$SPACE", Megabyte), Megabyte / 6 * 3).SetArgDisplayNames("$SPACE");
        yield return new TestCaseData(Repeat("\\$", Megabyte), Megabyte / 2).SetArgDisplayNames("escapes");
        yield return new TestCaseData("'" + new string('x', Megabyte) + "'", Megabyte).SetArgDisplayNames("single-quoted");
        yield return new TestCaseData("\"" + Repeat("x\\\"${A}", Megabyte) + "\"", Megabyte / 7 * 3).SetArgDisplayNames("double-quoted");
        yield return new TestCaseData(Repeat("${A:-x}", Megabyte), Megabyte / 7).SetArgDisplayNames("defaults");
        yield return new TestCaseData(Repeat("${PWD#/}", Megabyte), Megabyte / 8 * 4).SetArgDisplayNames("patterns");
    }

    [TestCaseSource(nameof(MegabyteWords))]
    public void A_megabyte_word_expands_in_linear_time(string word, int expectedLength)
    {
        ExpansionResult single = Measure(() => Lexer.ProcessWord(word, Environment), "ProcessWord 1 MB", LinearTimeLimit);
        WordsExpansionResult words = Measure(() => Lexer.ProcessWords(word, Environment), "ProcessWords 1 MB", LinearTimeLimit);

        Assert.Multiple(() =>
        {
            Assert.That(single.Success, Is.True, single.Error);
            Assert.That(single.Value, Has.Length.EqualTo(expectedLength));
            Assert.That(words.Success, Is.True, words.Error);
        });
    }

    [Test]
    public void A_megabyte_unterminated_quote_fails_in_linear_time()
    {
        string word = "\"" + Repeat("x$A", Megabyte);

        ExpansionResult result = Measure(() => Lexer.ProcessWord(word, Environment), "unterminated 1 MB", LinearTimeLimit);

        Assert.That(result.Success, Is.False);
    }

    [TestCase("${V//a/b}", "b")]
    [TestCase("${V//?/}", "")]
    [TestCase("${V//a*/-}", "-")]
    [TestCase("${V##*a}", "")]
    [TestCase("${V%%a*}", "")]
    [TestCase("${V#*b}", null)]
    [TestCase("${V%b*}", null)]
    [TestCase("${V//*b/}", null)]
    [TestCase("${V//a*a*a*b/}", null)]
    public void Patterns_over_a_megabyte_value_run_in_linear_time(string word, string? repeatedOutput)
    {
        var environment = TestEnvironment.Of("V=" + new string('a', Megabyte));

        ExpansionResult result = Measure(() => Lexer.ProcessWord(word, environment), word, LinearTimeLimit);

        Assert.That(result.Success, Is.True, result.Error);
        string expected = repeatedOutput switch
        {
            null => new string('a', Megabyte),
            "b" => new string('b', Megabyte),
            _ => repeatedOutput,
        };
        Assert.That(result.Value, Is.EqualTo(expected));
    }

    [Test]
    public void A_huge_pattern_on_a_huge_value_fails_cleanly_when_matching_would_be_too_expensive()
    {
        var environment = TestEnvironment.Of("V=" + new string('a', Megabyte), "P=" + new string('a', 100_000) + "b");

        ExpansionResult result = Measure(() => Lexer.ProcessWord("${V//$P/}", environment), "100k pattern on 1 MB", LinearTimeLimit);

        Assert.That(result.Success, Is.False);
        Assert.That(result.Error, Does.Contain("too expensive"));
    }

    [Test]
    public void A_pattern_of_a_million_stars_does_not_overflow()
    {
        var environment = TestEnvironment.Of("V=abc", "P=" + new string('*', Megabyte));

        ExpansionResult greedy = Lexer.ProcessWord("${V##$P}", environment);
        ExpansionResult lazy = Lexer.ProcessWord("${V#$P}", environment);

        Assert.That(greedy.Value, Is.Empty);
        Assert.That(lazy.Value, Is.EqualTo("abc"));
    }

    [Test]
    public void Random_garbage_never_throws()
    {
        const string alphabet = "${}:-+?#%/'\"\\`aZ_1 @*!\n\t.\uFEFF\u00A0\uD800\uDC00";
        var random = new Random(20260101);
        var lexers = new[] { new ShellLexer(), new ShellLexer('`') };
        var environment = TestEnvironment.Of("a=*a?", "Z=", "_1=\\", "@=$0");
        var builder = new StringBuilder();
        int failures = 0;
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            builder.Clear();
            int length = random.Next(0, 40);
            for (int i = 0; i < length; i++)
            {
                if (random.Next(50) == 0)
                {
                    builder.Append("\U0001F600");
                }
                else
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            string word = builder.ToString();
            foreach (ShellLexer lexer in lexers)
            {
                ExpansionResult single = lexer.ProcessWord(word, environment);
                WordsExpansionResult words = lexer.ProcessWords(word, environment);
                failures += single.Success ? 0 : 1;
                Assert.That(single.Success, Is.EqualTo(single.Error is null), word);
                Assert.That(words.Success, Is.EqualTo(single.Success), word);
                Assert.That(single.Success || (single.Value.Length == 0 && words.Words.Count == 0), Is.True, word);
            }
        }

        TestContext.Out.WriteLine($"40000 random words per lexer pair, {failures} rejected");
    }

    [Test]
    public void Null_arguments_do_not_throw()
    {
        ExpansionResult single = Lexer.ProcessWord(null!, null!);
        WordsExpansionResult words = Lexer.ProcessWords("$A b", null!);

        Assert.Multiple(() =>
        {
            Assert.That(single.Success, Is.True);
            Assert.That(single.Value, Is.Empty);
            Assert.That(words.Words, Is.EqualTo(new[] { "b" }));
            Assert.That(words.UnsetVariables, Is.EqualTo(new[] { "A" }));
        });
    }

    private static string Nest(int depth, Func<int, string> open, string inner, string close)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            builder.Append(open(i));
        }

        builder.Append(inner);
        for (int i = 0; i < depth; i++)
        {
            builder.Append(close);
        }

        return builder.ToString();
    }

    private static string Repeat(string unit, int totalLength)
    {
        var builder = new StringBuilder(totalLength);
        while (builder.Length + unit.Length <= totalLength)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static T Measure<T>(Func<T> action, string label, TimeSpan limit)
    {
        var stopwatch = Stopwatch.StartNew();
        T result = action();
        stopwatch.Stop();
        TestContext.Out.WriteLine($"{label}: {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.That(stopwatch.Elapsed, Is.LessThan(limit), label);
        return result;
    }
}
