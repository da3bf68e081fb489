using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>
/// BuildKit's own expansion test data (<c>shell/envVarTest</c>, <c>shell/wordsTest</c>), one test per line: the lexer must
/// give exactly BuildKit's result. Unix (<c>A</c>, <c>U</c>) lines use an ordinal environment as on Linux; the Windows
/// (<c>W</c>) lines use a case-insensitive one, which is how BuildKit treats names on Windows.
/// </summary>
public class ShellLexerCorpusTests
{
    private static readonly ShellLexer Lexer = new();

    public static IEnumerable<TestCaseData> UnixEnvVarCases() =>
        ShellCorpus.ReadEnvVarCases()
            .Where(c => c.Platform is "A" or "U")
            .Select(c => new TestCaseData(c).SetArgDisplayNames($"line {c.Line}", c.Input));

    public static IEnumerable<TestCaseData> WindowsEnvVarCases() =>
        ShellCorpus.ReadEnvVarCases()
            .Where(c => c.Platform == "W")
            .Select(c => new TestCaseData(c).SetArgDisplayNames($"line {c.Line}", c.Input));

    public static IEnumerable<TestCaseData> WordsCases() =>
        ShellCorpus.ReadWordsCases()
            .Select(c => new TestCaseData(c).SetArgDisplayNames($"line {c.Line}", c.Input));

    [TestCaseSource(nameof(UnixEnvVarCases))]
    public void EnvVarTest_line_expands_like_BuildKit_on_Linux(EnvVarCase corpusCase) =>
        AssertEnvVarCase(corpusCase, StringComparer.Ordinal);

    [TestCaseSource(nameof(WindowsEnvVarCases))]
    public void EnvVarTest_Windows_line_expands_like_BuildKit_with_case_insensitive_names(EnvVarCase corpusCase) =>
        AssertEnvVarCase(corpusCase, StringComparer.OrdinalIgnoreCase);

    [TestCaseSource(nameof(WordsCases))]
    public void WordsTest_line_splits_like_BuildKit(WordsCase corpusCase)
    {
        WordsExpansionResult result = Lexer.ProcessWords(corpusCase.Input, corpusCase.Environment);

        if (corpusCase.ExpectsError)
        {
            Assert.That(result.Success, Is.False, $"expected an error, got [{string.Join("|", result.Words)}]");
            Assert.That(result.Error, Is.Not.Null.And.Not.Empty);
        }
        else
        {
            Assert.That(result.Success, Is.True, result.Error);
            Assert.That(result.Words, Is.EqualTo(corpusCase.Expected));
        }
    }

    [Test]
    public void Corpus_summary_every_line_passes()
    {
        IReadOnlyList<EnvVarCase> envVarCases = ShellCorpus.ReadEnvVarCases();
        IReadOnlyList<WordsCase> wordsCases = ShellCorpus.ReadWordsCases();

        var unix = envVarCases.Where(c => c.Platform is "A" or "U").ToList();
        var windows = envVarCases.Where(c => c.Platform == "W").ToList();
        var unixFailures = unix.Where(c => !EnvVarCasePasses(c, StringComparer.Ordinal)).ToList();
        var windowsFailures = windows.Where(c => !EnvVarCasePasses(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var wordsFailures = wordsCases.Where(c => !WordsCasePasses(c)).ToList();

        TestContext.Out.WriteLine($"envVarTest A+U: {unix.Count - unixFailures.Count}/{unix.Count} pass ({unix.Count(c => c.ExpectsError)} expect an error)");
        TestContext.Out.WriteLine($"envVarTest W (case-insensitive names): {windows.Count - windowsFailures.Count}/{windows.Count} pass");
        TestContext.Out.WriteLine($"wordsTest: {wordsCases.Count - wordsFailures.Count}/{wordsCases.Count} pass ({wordsCases.Count(c => c.ExpectsError)} expect an error)");
        foreach (EnvVarCase failure in unixFailures.Concat(windowsFailures))
        {
            TestContext.Out.WriteLine($"  FAIL envVarTest line {failure.Line}: {failure.Input}");
        }

        foreach (WordsCase failure in wordsFailures)
        {
            TestContext.Out.WriteLine($"  FAIL wordsTest line {failure.Line}: {failure.Input}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(unix, Has.Count.GreaterThan(200), "envVarTest was not read completely");
            Assert.That(wordsCases, Has.Count.GreaterThan(20), "wordsTest was not read completely");
            Assert.That(unixFailures.Concat(windowsFailures).Select(c => c.Line), Is.Empty);
            Assert.That(wordsFailures.Select(c => c.Line), Is.Empty);
        });
    }

    private static void AssertEnvVarCase(EnvVarCase corpusCase, StringComparer comparer)
    {
        ExpansionResult result = Lexer.ProcessWord(corpusCase.Input, ShellCorpus.EnvVarTestEnvironment(comparer));

        if (corpusCase.ExpectsError)
        {
            Assert.That(result.Success, Is.False, $"expected an error, got \"{result.Value}\"");
            Assert.That(result.Error, Is.Not.Null.And.Not.Empty);
            Assert.That(result.Value, Is.Empty);
        }
        else
        {
            Assert.That(result.Success, Is.True, result.Error);
            Assert.That(result.Value, Is.EqualTo(corpusCase.Expected));
        }
    }

    private static bool EnvVarCasePasses(EnvVarCase corpusCase, StringComparer comparer)
    {
        ExpansionResult result = Lexer.ProcessWord(corpusCase.Input, ShellCorpus.EnvVarTestEnvironment(comparer));
        return corpusCase.ExpectsError ? !result.Success : result.Success && result.Value == corpusCase.Expected;
    }

    private static bool WordsCasePasses(WordsCase corpusCase)
    {
        WordsExpansionResult result = Lexer.ProcessWords(corpusCase.Input, corpusCase.Environment);
        return corpusCase.ExpectsError ? !result.Success : result.Success && result.Words.SequenceEqual(corpusCase.Expected);
    }
}
