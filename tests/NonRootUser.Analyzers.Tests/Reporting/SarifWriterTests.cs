using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NonRootUser.Analyzers.Reporting;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Suppression;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Reporting;

public class SarifWriterTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "nru-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Test]
    public void Log_has_the_SARIF_envelope_and_the_tool()
    {
        using var log = WriteAndParse([], "1.2.3-beta+abc");
        var root = log.RootElement;
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("$schema").GetString(), Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(root.GetProperty("runs").GetArrayLength(), Is.EqualTo(1));
            Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("NonRootUser.Analyzers"));
            Assert.That(driver.GetProperty("version").GetString(), Is.EqualTo("1.2.3-beta+abc"));
            Assert.That(driver.GetProperty("informationUri").GetString(), Is.EqualTo(RuleDescriptors.RepositoryUrl));
            Assert.That(root.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public void Every_rule_is_described_once_including_NRU006()
    {
        using var log = WriteAndParse([], "1.0.0");
        var rules = Rules(log);
        var expected = RuleDescriptors.All.ToList();

        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(expected.Select(r => r.Id)));
        for (var i = 0; i < expected.Count; i++)
        {
            var rule = rules[i];
            var descriptor = expected[i];
            Assert.Multiple(() =>
            {
                Assert.That(rule.GetProperty("name").GetString(), Is.EqualTo(SarifWriter.PascalCase(descriptor.Title)).And.Not.Contain(" "));
                Assert.That(rule.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo(descriptor.Title));
                Assert.That(rule.GetProperty("fullDescription").GetProperty("text").GetString(), Is.EqualTo(descriptor.Description));
                Assert.That(rule.GetProperty("helpUri").GetString(), Is.EqualTo($"{RuleDescriptors.RepositoryUrl}/blob/main/docs/rules/{descriptor.Id}.md"));
                Assert.That(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo(SarifWriter.Level(descriptor.DefaultSeverity)));
            });
        }

        Assert.That(rules.Last().GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("note"), "NRU006 is informational");
    }

    [TestCase("The Dockerfile cannot be parsed", "TheDockerfileCannotBeParsed")]
    [TestCase("The image runs as root because no USER applies", "TheImageRunsAsRootBecauseNoUserApplies")]
    [TestCase("The image's USER is root", "TheImagesUserIsRoot")]
    [TestCase("USER names a user that does not exist", "UserNamesAUserThatDoesNotExist")]
    [TestCase("Suppression comment names an unknown rule", "SuppressionCommentNamesAnUnknownRule")]
    [TestCase("non-root  user, (again)!", "NonRootUserAgain")]
    [TestCase("", "")]
    public void PascalCase(string title, string expected) => Assert.That(SarifWriter.PascalCase(title), Is.EqualTo(expected));

    [TestCase(DiagnosticSeverity.Error, "error")]
    [TestCase(DiagnosticSeverity.Warning, "warning")]
    [TestCase(DiagnosticSeverity.Info, "note")]
    public void Result_fields(DiagnosticSeverity severity, string level)
    {
        var file = Path.Combine(directory, "docker", "Dockerfile");
        var diagnostic = new Diagnostic("NRU002", "The image runs as root.", file, new SourceSpan(3, 1, 3, 10), severity);

        using var log = WriteAndParse([diagnostic], "1.0.0");
        var result = Results(log).Single();
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.GetProperty("region");

        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("NRU002"));
            Assert.That(Rules(log)[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("NRU002"));
            Assert.That(result.GetProperty("level").GetString(), Is.EqualTo(level));
            Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("The image runs as root."));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo(new Uri(file).AbsoluteUri));
            Assert.That(region.GetProperty("startLine").GetInt32(), Is.EqualTo(3));
            Assert.That(region.GetProperty("startColumn").GetInt32(), Is.EqualTo(1));
            Assert.That(region.GetProperty("endLine").GetInt32(), Is.EqualTo(3));
            Assert.That(region.GetProperty("endColumn").GetInt32(), Is.EqualTo(10));
            Assert.That(result.TryGetProperty("suppressions", out _), Is.False);
        });
    }

    [Test]
    public void Results_keep_their_order_and_rule_indexes()
    {
        var ids = new[] { "NRU006", "NRU000", "NRU005", "NRU001", "NRU002", "NRU003", "NRU004", "nru002" };
        var diagnostics = ids.Select((id, i) => new Diagnostic(id, "m" + i, "Dockerfile", new SourceSpan(i + 1, 1, i + 1, 2), DiagnosticSeverity.Warning)).ToArray();

        using var log = WriteAndParse(diagnostics, "1.0.0");
        var results = Results(log);
        var rules = Rules(log);

        Assert.That(results.Select(r => r.GetProperty("message").GetProperty("text").GetString()), Is.EqualTo(ids.Select((_, i) => "m" + i)));
        Assert.That(results.Select(r => rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()),
            Is.EqualTo(ids.Select(id => id.ToUpperInvariant())));
    }

    [Test]
    public void An_unknown_rule_id_has_no_rule_index()
    {
        using var log = WriteAndParse([new Diagnostic("XYZ001", "m", "Dockerfile", new SourceSpan(1, 1, 1, 2), DiagnosticSeverity.Warning)], "1.0.0");

        var result = Results(log).Single();

        Assert.That(result.GetProperty("ruleId").GetString(), Is.EqualTo("XYZ001"));
        Assert.That(result.TryGetProperty("ruleIndex", out _), Is.False);
    }

    [TestCase(SuppressionKind.InSource, "inSource", "# nonroot-user ignore=NRU002 (line 2)")]
    [TestCase(SuppressionKind.External, "external", "NoWarn")]
    [TestCase(SuppressionKind.External, "external", "")]
    public void Suppressed_results_are_listed_with_their_suppression(SuppressionKind kind, string sarifKind, string justification)
    {
        var diagnostic = new Diagnostic("NRU002", "m", "Dockerfile", new SourceSpan(3, 1, 3, 10), DiagnosticSeverity.Warning)
        {
            Suppression = new DiagnosticSuppression(kind, justification),
        };

        using var log = WriteAndParse([diagnostic], "1.0.0");
        var suppressions = Results(log).Single().GetProperty("suppressions");

        Assert.That(suppressions.GetArrayLength(), Is.EqualTo(1));
        Assert.That(suppressions[0].GetProperty("kind").GetString(), Is.EqualTo(sarifKind));
        Assert.That(suppressions[0].GetProperty("justification").GetString(), Is.EqualTo(justification));
    }

    // Each case: the span, then the region properties expected (absent ones are left out).
    [TestCase(1, 1, 1, 1, "startLine=1 startColumn=1 endLine=1 endColumn=1", Description = "empty span")]
    [TestCase(2, 5, 4, 3, "startLine=2 startColumn=5 endLine=4 endColumn=3", Description = "multi-line")]
    [TestCase(0, 0, 0, 0, "", Description = "no position: no region")]
    [TestCase(3, 0, 3, 0, "startLine=3 endLine=3", Description = "line only")]
    [TestCase(5, 2, 4, 1, "startLine=5 startColumn=2", Description = "end before start is left out")]
    public void Regions(int startLine, int startColumn, int endLine, int endColumn, string expected)
    {
        var diagnostic = new Diagnostic("NRU001", "m", "Dockerfile", new SourceSpan(startLine, startColumn, endLine, endColumn), DiagnosticSeverity.Warning);

        using var log = WriteAndParse([diagnostic], "1.0.0");
        var location = Results(log).Single().GetProperty("locations")[0].GetProperty("physicalLocation");
        var region = location.TryGetProperty("region", out var r)
            ? string.Join(" ", r.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}"))
            : string.Empty;

        Assert.That(region, Is.EqualTo(expected));
    }

    [TestCase("/tmp/a b/Dockerfile", "file:///tmp/a%20b/Dockerfile")]
    [TestCase("/tmp/a#b/Docker%file", "file:///tmp/a%23b/Docker%25file")]
    [TestCase("/tmp/\u00fc/Dockerfile", "file:///tmp/%C3%BC/Dockerfile")]
    [TestCase("/tmp/\ud83d\ude00/Dockerfile", "file:///tmp/%F0%9F%98%80/Dockerfile")]
    [TestCase("/tmp/a?b&c=d;e/Dockerfile", "file:///tmp/a%3Fb%26c%3Dd%3Be/Dockerfile")]
    [TestCase("/tmp/x/../y/./Dockerfile", "file:///tmp/y/Dockerfile")]
    [TestCase("/tmp/a\\b", "file:///tmp/a%5Cb", Description = "a backslash is a file-name character on Unix")]
    [TestCase("/tmp/-._~/Dockerfile", "file:///tmp/-._~/Dockerfile")]
    public void File_uris_are_absolute_and_escaped(string path, string expected)
    {
        if (Path.DirectorySeparatorChar != '/')
        {
            Assert.Ignore("Unix paths");
        }

        var uri = SarifWriter.ToFileUri(path);

        Assert.That(uri, Is.EqualTo(expected));
        Assert.That(new Uri(uri!).LocalPath, Is.EqualTo(Path.GetFullPath(path)), "decodes back to the path");
    }

    [Test]
    public void A_relative_file_path_becomes_absolute()
    {
        var uri = SarifWriter.ToFileUri("docker/Dockerfile");

        Assert.That(uri, Does.StartWith("file:///"));
        Assert.That(new Uri(uri!).LocalPath, Is.EqualTo(Path.GetFullPath("docker/Dockerfile")));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("bad\0path")]
    public void A_diagnostic_without_a_usable_path_has_no_location(string path)
    {
        using var log = WriteAndParse([new Diagnostic("NRU001", "m", path, new SourceSpan(1, 1, 1, 2), DiagnosticSeverity.Warning)], "1.0.0");

        Assert.That(Results(log).Single().TryGetProperty("locations", out _), Is.False);
    }

    [Test]
    public void Hostile_text_round_trips()
    {
        var message = "quote \" backslash \\ nul \0 bell \a esc \u001b del \u007f ls \u2028 emoji \ud83d\ude00 crlf \r\n tab \t </script>";
        var file = Path.Combine(directory, "we\"ird \\ na\u00efme", "Dockerfile");
        var justification = "# nonroot-user ignore=NRU002 # \"root\" \\ \u0001 (line 2)";
        var diagnostic = new Diagnostic("NRU002", message, file, new SourceSpan(1, 1, 1, 2), DiagnosticSeverity.Warning)
        {
            Suppression = new DiagnosticSuppression(SuppressionKind.InSource, justification),
        };

        using var log = WriteAndParse([diagnostic], "1.0.0 \"quoted\"");
        var result = Results(log).Single();

        Assert.That(result.GetProperty("message").GetProperty("text").GetString(), Is.EqualTo(message));
        Assert.That(result.GetProperty("suppressions")[0].GetProperty("justification").GetString(), Is.EqualTo(justification));
        Assert.That(new Uri(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath,
            Is.EqualTo(file));
        Assert.That(log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString(), Is.EqualTo("1.0.0 \"quoted\""));
    }

    [Test]
    public void A_lone_surrogate_becomes_a_replacement_character()
    {
        using var log = WriteAndParse([new Diagnostic("NRU001", "bad \ud800 text", "Dockerfile", new SourceSpan(1, 1, 1, 2), DiagnosticSeverity.Warning)], "1.0.0");

        Assert.That(Results(log).Single().GetProperty("message").GetProperty("text").GetString(), Is.EqualTo("bad \ufffd text"));
    }

    [Test]
    public void The_file_is_UTF8_without_a_byte_order_mark()
    {
        var path = Path.Combine(directory, "log.sarif");

        Assert.That(SarifWriter.Write(path, [new Diagnostic("NRU001", "\u00e9", "Dockerfile", default, DiagnosticSeverity.Warning)], "1.0.0"), Is.Null);

        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("\"\u00e9\""));
    }

    [Test]
    public void Write_creates_missing_directories_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(directory, "a", "b", "c", "log.sarif");

        var error = SarifWriter.Write(path, [], "1.0.0");

        Assert.That(error, Is.Null);
        Assert.That(File.Exists(path), Is.True);
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Write_replaces_an_existing_file()
    {
        var path = Path.Combine(directory, "log.sarif");
        File.WriteAllText(path, new string('x', 100_000));

        var error = SarifWriter.Write(path, [new Diagnostic("NRU001", "m", "Dockerfile", default, DiagnosticSeverity.Warning)], "1.0.0");

        Assert.That(error, Is.Null);
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(Results(log), Has.Count.EqualTo(1));
        Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Write_accepts_a_relative_path()
    {
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = directory;

            Assert.That(SarifWriter.Write(Path.Combine("out", "log.sarif"), [], "1.0.0"), Is.Null);
            Assert.That(File.Exists(Path.Combine(directory, "out", "log.sarif")), Is.True);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void Write_reports_a_path_that_is_a_directory()
    {
        var path = Path.Combine(directory, "taken");
        Directory.CreateDirectory(path);

        var error = SarifWriter.Write(path, [], "1.0.0");

        Assert.That(error, Does.StartWith($"Could not write the SARIF file '{path}': "));
        Assert.That(Directory.Exists(path), Is.True);
        Assert.That(Directory.GetFiles(directory), Is.Empty, "no temporary file left behind");
    }

    [Test]
    public void Write_reports_a_directory_that_cannot_be_created()
    {
        var blocker = Path.Combine(directory, "file");
        File.WriteAllText(blocker, "not a directory");

        var error = SarifWriter.Write(Path.Combine(blocker, "log.sarif"), [], "1.0.0");

        Assert.That(error, Does.StartWith("Could not write the SARIF file"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Write_reports_a_missing_path(string? path) =>
        Assert.That(SarifWriter.Write(path!, [], "1.0.0"), Is.EqualTo("No SARIF file path was given."));

    [Test]
    public void Write_reports_an_invalid_path() =>
        Assert.That(SarifWriter.Write(Path.Combine(directory, "bad\0name.sarif"), [], "1.0.0"), Does.StartWith("Could not write the SARIF file"));

    [Test]
    public void Write_reports_diagnostics_that_fail_to_enumerate_and_keeps_the_old_file()
    {
        var path = Path.Combine(directory, "log.sarif");
        File.WriteAllText(path, "previous");

        var error = SarifWriter.Write(path, Failing(), "1.0.0");

        Assert.That(error, Does.Contain("enumeration failed"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("previous"));

        static IEnumerable<Diagnostic> Failing()
        {
            yield return new Diagnostic("NRU001", "m", "Dockerfile", default, DiagnosticSeverity.Warning);
            throw new InvalidOperationException("enumeration failed");
        }
    }

    [Test]
    public void Null_inputs_are_tolerated()
    {
        var path = Path.Combine(directory, "log.sarif");

        var error = SarifWriter.Write(path, [null!, new Diagnostic(null!, null!, null!, default, DiagnosticSeverity.Warning)], null!);

        Assert.That(error, Is.Null);
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        var driver = log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.That(driver.TryGetProperty("version", out _), Is.False);
        Assert.That(Results(log), Has.Count.EqualTo(1));
        Assert.That(SarifWriter.Write(Path.Combine(directory, "null.sarif"), null!, "1.0.0"), Is.Null);
    }

    [Test]
    public void Concurrent_writers_to_one_path_leave_a_complete_file()
    {
        var path = Path.Combine(directory, "log.sarif");
        var diagnostics = Enumerable.Range(1, 200).Select(i => new Diagnostic("NRU001", "m" + i, "Dockerfile", new SourceSpan(i, 1, i, 2), DiagnosticSeverity.Warning)).ToArray();

        var errors = new string?[16];
        Parallel.For(0, errors.Length, i => errors[i] = SarifWriter.Write(path, diagnostics, "1.0." + i));

        Assert.That(errors, Has.All.Null);
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(Results(log), Has.Count.EqualTo(200));
        Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void Many_results_are_written_quickly()
    {
        var diagnostics = Enumerable.Range(1, 100_000)
            .Select(i => new Diagnostic("NRU00" + (i % 7), "message " + i, "/src/app/Dockerfile", new SourceSpan(i, 1, i, 20), DiagnosticSeverity.Warning))
            .ToArray();
        var path = Path.Combine(directory, "big.sarif");
        var stopwatch = Stopwatch.StartNew();

        var error = SarifWriter.Write(path, diagnostics, "1.0.0");

        stopwatch.Stop();
        Assert.That(error, Is.Null);
        TestContext.Out.WriteLine($"100,000 results: {stopwatch.Elapsed.TotalMilliseconds:N0} ms, {new FileInfo(path).Length:N0} bytes");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "generous: the build machine is shared");
        using var log = JsonDocument.Parse(File.ReadAllText(path));
        Assert.That(Results(log), Has.Count.EqualTo(100_000));
    }

    private JsonDocument WriteAndParse(IEnumerable<Diagnostic> diagnostics, string toolVersion)
    {
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".sarif");
        var error = SarifWriter.Write(path, diagnostics, toolVersion);
        Assert.That(error, Is.Null);
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static List<JsonElement> Rules(JsonDocument log) =>
        log.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

    private static List<JsonElement> Results(JsonDocument log) =>
        log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
}
