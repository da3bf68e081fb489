using System.Text;
using System.Text.RegularExpressions;
using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// The pattern matcher on its own: BuildKit's pattern reversal and escape rules, and the leftmost-first match of Go's
/// regexp, checked against .NET's backtracking <see cref="Regex"/>, which has the same priority rules for these patterns.
/// </summary>
public class ShellPatternTests
{
    [TestCase("a\\*c", ExpectedResult = "c\\*a")]
    [TestCase("\\\\\\ab", ExpectedResult = "b\\a\\\\")]
    [TestCase("ab\\", ExpectedResult = "\\ba")]
    [TestCase("👽\\🚀🖖", ExpectedResult = "🖖\\🚀👽")]
    [TestCase("\\\\b", ExpectedResult = "b\\\\")]
    [TestCase("", ExpectedResult = "")]
    public string ReverseText_keeps_escape_pairs_in_order(string pattern) => ShellPattern.ReverseText(pattern);

    [TestCase("54321", ExpectedResult = "12345")]
    [TestCase("🖖🚀👽", ExpectedResult = "👽🚀🖖")]
    [TestCase("a\uD800b", ExpectedResult = "b\uD800a")]
    public string ReverseRunes_keeps_surrogate_pairs(string text) => ShellPattern.ReverseRunes(text);

    [TestCase("*")]
    [TestCase("?")]
    [TestCase("\\*")]
    [TestCase("(()[]{\\}^$.\\*\\?|\\\\")]
    [TestCase("a\\/b")]
    public void Valid_patterns_parse(string pattern)
    {
        Assert.That(ShellPattern.Parse(pattern, greedy: true, out string? error), Is.Not.Null, error);
    }

    [TestCase("\\")]
    [TestCase("\\x")]
    [TestCase("\\\\\\")]
    [TestCase("a\\b")]
    [TestCase("\\\uD800")]
    [TestCase("\\\U0001F600")]
    public void Invalid_escapes_are_rejected(string pattern)
    {
        Assert.That(ShellPattern.Parse(pattern, greedy: true, out string? error), Is.Null);
        Assert.That(error, Does.StartWith("invalid escape"));
    }

    [Test]
    public void Leftmost_first_matches_agree_with_a_backtracking_regex()
    {
        var random = new Random(7);
        var budget = new ExpansionBudget(long.MaxValue);
        int compared = 0;
        for (int iteration = 0; iteration < 5_000; iteration++)
        {
            string pattern = RandomText(random, "ab*?", 6);
            string input = RandomText(random, "aab\n", 10);
            foreach (bool greedy in new[] { true, false })
            {
                ShellPattern matcher = ShellPattern.Parse(pattern, greedy, out _)!;
                string star = greedy ? ".*" : ".*?";
                string body = pattern.Replace("?", ".", StringComparison.Ordinal).Replace("*", star, StringComparison.Ordinal);
                foreach (bool anchored in new[] { true, false })
                {
                    var regex = new Regex((anchored ? "^" : string.Empty) + body, RegexOptions.CultureInvariant);
                    int from = anchored ? 0 : random.Next(input.Length + 1);
                    Match expected = regex.Match(input, from);
                    bool found = matcher.TryFind(input, from, anchored, budget, out int start, out int end);

                    string context = $"pattern \"{pattern}\" greedy={greedy} anchored={anchored} input \"{input.Replace("\n", "\\n", StringComparison.Ordinal)}\" from {from}";
                    Assert.That(found, Is.EqualTo(expected.Success), context);
                    if (found)
                    {
                        Assert.That((start, end), Is.EqualTo((expected.Index, expected.Index + expected.Length)), context);
                    }

                    compared++;
                }
            }
        }

        TestContext.Out.WriteLine($"{compared} searches agree with System.Text.RegularExpressions");
    }

    private static string RandomText(Random random, string alphabet, int maxLength)
    {
        var builder = new StringBuilder();
        int length = random.Next(maxLength + 1);
        for (int i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
