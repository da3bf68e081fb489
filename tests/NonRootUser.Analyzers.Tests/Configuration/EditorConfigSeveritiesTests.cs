using System.Diagnostics;
using System.Text;
using NonRootUser.Analyzers.Configuration;

namespace NonRootUser.Analyzers.Tests.Configuration;

public class EditorConfigSeveritiesTests
{
    private string root = null!;

    [SetUp]
    public void CreateRoot()
    {
        root = Path.Combine(Path.GetTempPath(), "nru-editorconfig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
    }

    [TearDown]
    public void DeleteRoot()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary directory does not fail a test.
        }
    }

    // Each case: the .editorconfig files (path relative to the test root → content), the Dockerfile, and the expected
    // severity of NRU001, NRU002 and NRU003 (null: nothing configured). The test root's own .editorconfig always
    // starts with "root = true" so nothing above the temporary directory leaks in.
    private static IEnumerable<TestCaseData> ResolutionCases()
    {
        TestCaseData Case(string name, string dockerfile, ConfiguredSeverity?[] expected, params string[] files) =>
            new TestCaseData(files, dockerfile, expected).SetName("ForFile: " + name);
        ConfiguredSeverity?[] Expect(ConfiguredSeverity? nru001, ConfiguredSeverity? nru002 = null, ConfiguredSeverity? nru003 = null) =>
            [nru001, nru002, nru003];
        const ConfiguredSeverity E = ConfiguredSeverity.Error, W = ConfiguredSeverity.Warning, S = ConfiguredSeverity.Suggestion,
            Q = ConfiguredSeverity.Silent, N = ConfiguredSeverity.None;

        yield return Case("[*] applies", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("every value", "Dockerfile", Expect(S, Q, N),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = suggestion\ndotnet_diagnostic.NRU002.severity = silent\ndotnet_diagnostic.NRU003.severity = none");
        yield return Case("warning, and 'refactoring' is silent", "Dockerfile", Expect(W, Q),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = warning\ndotnet_diagnostic.NRU002.severity = refactoring");
        yield return Case("default is the rule's own", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = default");
        yield return Case("default overrides an earlier setting", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = default");
        yield return Case("keys and values are case-insensitive", "Dockerfile", Expect(E, N),
            ".editorconfig", "root = true\n[*]\nDOTNET_DIAGNOSTIC.nru001.SEVERITY = ERROR\nDotNet_Diagnostic.Nru002.Severity = None");
        yield return Case("':' as separator, blanks everywhere", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n  [*]  \n\t dotnet_diagnostic.NRU001.severity :\terror\t ");
        yield return Case("a remark after the value", "Dockerfile", Expect(N, W),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none # legacy image\ndotnet_diagnostic.NRU002.severity = warning ; why");
        yield return Case("an unknown value is ignored", "Dockerfile", Expect(null, null),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = fatal\ndotnet_diagnostic.NRU002.severity = none;x");
        yield return Case("an unknown value keeps the earlier valid one", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = fatal");
        yield return Case("comment lines are skipped", "Dockerfile", Expect(null, E),
            ".editorconfig", "root = true\n[*]\n# dotnet_diagnostic.NRU001.severity = error\n; dotnet_diagnostic.NRU001.severity = error\ndotnet_diagnostic.NRU002.severity = error");
        yield return Case("the preamble applies to nothing", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[Dockerfile] matches in a subdirectory", "docker/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[*.Dockerfile] does not match Dockerfile", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*.Dockerfile]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[*.Dockerfile] matches api.Dockerfile", "src/api.Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*.Dockerfile]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[{Dockerfile,*.Dockerfile}]", "src/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[{Dockerfile,*.Dockerfile}]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[docker/**] is relative to the .editorconfig", "docker/api/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[docker/**]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("[docker/**] does not match deeper docker directories", "src/docker/Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[docker/**]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("a glob with '/' in a nested file is relative to that file", "src/docker/Dockerfile", Expect(E),
            ".editorconfig", "root = true",
            "src/.editorconfig", "[docker/*]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("later sections win", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("later sections win, whatever they match", "Dockerfile", Expect(N),
            ".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = error\n[*]\ndotnet_diagnostic.NRU001.severity = none");
        yield return Case("later lines of a section win", "Dockerfile", Expect(W),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\ndotnet_diagnostic.NRU001.severity = warning");
        yield return Case("nearer files win", "src/Dockerfile", Expect(W, E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\ndotnet_diagnostic.NRU002.severity = error",
            "src/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = warning");
        yield return Case("a nearer file's early section still beats a farther file's late one", "src/Dockerfile", Expect(W),
            ".editorconfig", "root = true\n[*]\n[Dockerfile]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = warning\n[*.md]\n");
        yield return Case("files below the Dockerfile do not apply", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = warning");
        yield return Case("three levels", "a/b/Dockerfile", Expect(S, W, E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\ndotnet_diagnostic.NRU002.severity = error\ndotnet_diagnostic.NRU003.severity = error",
            "a/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = warning\ndotnet_diagnostic.NRU002.severity = warning",
            "a/b/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = suggestion");
        yield return Case("root = true stops the walk", "src/Dockerfile", Expect(null, W),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU002.severity = warning");
        yield return Case("root in a section does not stop the walk", "src/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig", "[*]\nroot = true");
        yield return Case("root = TRUE, any case", "src/Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig", "ROOT = TRUE");
        yield return Case("bulk applies to every rule", "Dockerfile", Expect(E, E, E),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error");
        yield return Case("a specific entry wins over bulk, either order", "Dockerfile", Expect(N, W, E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.NRU002.severity = warning");
        yield return Case("a specific entry in a farther file wins over bulk in a nearer one", "src/Dockerfile", Expect(N, E, E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none",
            "src/.editorconfig", "[*]\ndotnet_analyzer_diagnostic.severity = error");
        yield return Case("'default' for one rule shuts bulk out for it", "Dockerfile", Expect(null, E, E),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error\ndotnet_diagnostic.NRU001.severity = default");
        yield return Case("bulk default configures nothing", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = default");
        yield return Case("nearer bulk wins", "src/Dockerfile", Expect(S, S, S),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error",
            "src/.editorconfig", "[*]\ndotnet_analyzer_diagnostic.severity = suggestion");
        yield return Case("an unknown bulk value in a nearer file cancels the farther one (Roslyn keeps the last text)", "src/Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = error",
            "src/.editorconfig", "[*]\ndotnet_analyzer_diagnostic.severity = loud");
        yield return Case("a category bulk key is not a rule key", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.category-Security.severity = error");
        yield return Case("other keys are ignored", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.severity = error\ndotnet_diagnostic..severity = error\ndotnet_diagnostic.NRU001.enabled = false\nindent_style = space");
        yield return Case("an invalid section keeps its properties to itself", "Dockerfile", Expect(null),
            ".editorconfig", "root = true\n[{Dockerfile]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("a broken header line is dropped and the section goes on", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\n[Dockerfile\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("CRLF line ends", "Dockerfile", Expect(E),
            ".editorconfig", "root = true\r\n[*]\r\ndotnet_diagnostic.NRU001.severity = error\r\n");
        yield return Case("a UTF-8 byte order mark", "Dockerfile", Expect(E),
            ".editorconfig", "\uFEFFroot = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        yield return Case("a directory named .editorconfig is skipped", "src/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error",
            "src/.editorconfig/", "");
        yield return Case("the Dockerfile need not exist, nor its directory", "no/such/dir/Dockerfile", Expect(E),
            ".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
    }

    [TestCaseSource(nameof(ResolutionCases))]
    public void ForFile_resolves_like_Roslyn(string[] files, string dockerfile, ConfiguredSeverity?[] expected)
    {
        for (var i = 0; i < files.Length; i += 2)
        {
            Write(files[i], files[i + 1]);
        }

        var severities = EditorConfigSeverities.ForFile(Path.Combine(root, dockerfile));

        Assert.That(new[] { severities.Get("NRU001"), severities.Get("NRU002"), severities.Get("NRU003") }, Is.EqualTo(expected));
    }

    [Test]
    public void Get_is_case_insensitive_and_tolerates_empty_ids()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");

        var severities = EditorConfigSeverities.ForFile(Path.Combine(root, "Dockerfile"));

        Assert.Multiple(() =>
        {
            Assert.That(severities.Get("nru001"), Is.EqualTo(ConfiguredSeverity.Error));
            Assert.That(severities.Get("Nru001"), Is.EqualTo(ConfiguredSeverity.Error));
            Assert.That(severities.Get(""), Is.Null);
            Assert.That(severities.Get(null!), Is.Null);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("bad\0path/Dockerfile")]
    [TestCase("/")]
    public void ForFile_never_throws_for_odd_paths(string? path)
    {
        var severities = EditorConfigSeverities.ForFile(path!);

        Assert.That(severities.Get("NRU001"), Is.Null.Or.Not.Null);
    }

    [Test]
    public void ForFile_accepts_a_relative_path()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(root, "Dockerfile"));

        Assert.That(EditorConfigSeverities.ForFile(relative).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Error));
    }

    [Test]
    public void A_changed_file_is_read_again()
    {
        var path = Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        var dockerfile = Path.Combine(root, "Dockerfile");
        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Error));

        File.WriteAllText(path, "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none!");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(5));

        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.Null);

        File.WriteAllText(path, "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = none");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(10));

        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.None));
    }

    [Test]
    public void A_file_that_appears_or_disappears_is_noticed()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        var dockerfile = Path.Combine(root, "src", "Dockerfile");
        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Error));

        var nested = Write("src/.editorconfig", "[*]\ndotnet_diagnostic.NRU001.severity = warning");
        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Warning));

        File.Delete(nested);
        Assert.That(EditorConfigSeverities.ForFile(dockerfile).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Error));
    }

    [Test]
    public void A_locked_file_does_not_throw()
    {
        var path = Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        EditorConfigSeverities.ClearCache();

        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            // Windows refuses a second reader; Unix may allow it. Either way: no exception, and no half-answer.
            var severity = EditorConfigSeverities.ForFile(Path.Combine(root, "Dockerfile")).Get("NRU001");
            Assert.That(severity, Is.Null.Or.EqualTo(ConfiguredSeverity.Error));
        }
    }

    [Test]
    public void Invalid_UTF8_does_not_throw()
    {
        var path = Path.Combine(root, ".editorconfig");
        var bytes = Encoding.UTF8.GetBytes("root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n").Concat(new byte[] { 0xFF, 0xFE, 0xC3, 0x28, 0x0A }).ToArray();
        File.WriteAllBytes(path, bytes);

        Assert.That(EditorConfigSeverities.ForFile(Path.Combine(root, "Dockerfile")).Get("NRU001"), Is.EqualTo(ConfiguredSeverity.Error));
    }

    [Test]
    public void A_file_over_the_size_limit_is_skipped()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n" + new string('#', 17 * 1024 * 1024));

        Assert.That(EditorConfigSeverities.ForFile(Path.Combine(root, "Dockerfile")).Get("NRU001"), Is.Null);
    }

    [Test]
    public void A_large_hostile_file_is_read_in_bounded_time()
    {
        var text = new StringBuilder("root = true\n");
        for (var i = 0; i < 2_000; i++)
        {
            text.Append('[').Append(string.Concat(Enumerable.Repeat("*a", 12))).Append("*b").Append(i).Append("]\n");
            text.Append("dotnet_diagnostic.NRU001.severity = none\n");
            text.Append('[').Append(new string('{', 200)).Append("]\n");
            text.Append('[').Append(new string('x', 5000)).Append("]\n");
        }

        text.Append("[*]\ndotnet_diagnostic.NRU002.severity = error\n");
        Write(".editorconfig", text.ToString());
        var stopwatch = Stopwatch.StartNew();

        var severities = EditorConfigSeverities.ForFile(Path.Combine(root, new string('a', 200), "Dockerfile"));

        stopwatch.Stop();
        Assert.That((severities.Get("NRU001"), severities.Get("NRU002")), Is.EqualTo(((ConfiguredSeverity?)null, (ConfiguredSeverity?)ConfiguredSeverity.Error)));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), $"took {stopwatch.Elapsed}");
        TestContext.Out.WriteLine($"large hostile .editorconfig ({text.Length:N0} chars, 8,000 sections): {stopwatch.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Test]
    public void Cached_lookups_are_fast()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n[{Dockerfile,*.Dockerfile}]\ndotnet_analyzer_diagnostic.severity = warning");
        Write("a/b/c/.editorconfig", "[docker/**]\ndotnet_diagnostic.NRU002.severity = none");
        var dockerfile = Path.Combine(root, "a", "b", "c", "docker", "Dockerfile");
        EditorConfigSeverities.ForFile(dockerfile);
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < 1_000; i++)
        {
            EditorConfigSeverities.ForFile(dockerfile);
        }

        stopwatch.Stop();
        TestContext.Out.WriteLine($"1,000 cached ForFile calls: {stopwatch.Elapsed.TotalMilliseconds:N0} ms");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Concurrent_callers_agree()
    {
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error");
        Write("src/.editorconfig", "[*.Dockerfile]\ndotnet_diagnostic.NRU001.severity = warning");
        EditorConfigSeverities.ClearCache();
        var results = new ConfiguredSeverity?[64];

        Parallel.For(0, results.Length, i =>
        {
            var file = i % 2 == 0 ? "src/api.Dockerfile" : "src/Dockerfile";
            results[i] = EditorConfigSeverities.ForFile(Path.Combine(root, file)).Get("NRU001");
        });

        Assert.That(results.Where((_, i) => i % 2 == 0), Has.All.EqualTo(ConfiguredSeverity.Warning));
        Assert.That(results.Where((_, i) => i % 2 == 1), Has.All.EqualTo(ConfiguredSeverity.Error));
    }

    [TestCase("none", ConfiguredSeverity.None)]
    [TestCase("NONE", ConfiguredSeverity.None)]
    [TestCase("none # remark", ConfiguredSeverity.None)]
    [TestCase("none\t;remark", ConfiguredSeverity.None)]
    [TestCase("silent", ConfiguredSeverity.Silent)]
    [TestCase("Refactoring", ConfiguredSeverity.Silent)]
    [TestCase("suggestion", ConfiguredSeverity.Suggestion)]
    [TestCase("warning", ConfiguredSeverity.Warning)]
    [TestCase("error", ConfiguredSeverity.Error)]
    public void Severity_words(string value, ConfiguredSeverity expected)
    {
        Assert.That(EditorConfigSeverities.TryParseSeverity(value, out var severity), Is.True);
        Assert.That(severity, Is.EqualTo(expected));
    }

    [TestCase("default", true)]
    [TestCase("warn", false, Description = "Roslyn's old spelling is no longer read")]
    [TestCase("info", false)]
    [TestCase("hidden", false)]
    [TestCase("suppress", false)]
    [TestCase("", false)]
    [TestCase("none#x", false)]
    [TestCase("error error", false)]
    public void Severity_words_without_a_severity(string value, bool parses)
    {
        Assert.That(EditorConfigSeverities.TryParseSeverity(value, out var severity), Is.EqualTo(parses));
        Assert.That(severity, Is.Null);
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath.TrimEnd('/'));
        if (relativePath.EndsWith('/'))
        {
            Directory.CreateDirectory(path);
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
