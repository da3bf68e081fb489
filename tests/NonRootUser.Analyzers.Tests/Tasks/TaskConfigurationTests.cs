using System.Text.Json;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>
/// The task in-process with every configuration mechanism of the package: suppression comments, item metadata
/// (NoWarn, Target, Enabled), declared base images, build arguments, .editorconfig, and the SARIF log.
/// </summary>
public class TaskConfigurationTests
{
    private const string PrivateImage = "FROM contoso.azurecr.io/platform/runtime:2.3\nWORKDIR /app\n";

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "nru-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_suppression_comment_above_the_instruction_or_for_the_file_keeps_the_finding_out_of_the_log()
    {
        var local = Write("local/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# runs as root for the entrypoint's gosu\n# nonroot-user ignore=NRU002\nUSER root\n");
        var global = Write("global/Dockerfile", "# nonroot-user global ignore=NRU003\nFROM mcr.microsoft.com/dotnet/aspnet:6.0\nUSER app\n");
        var unknown = Write("unknown/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# nonroot-user ignore=NRU002,NRU999\nUSER root\n");

        var run = TaskHarness.Run(new[] { local, global, unknown });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Kind, f.Code, f.File, f.Line, f.Importance)), Is.EqualTo(new[] { ("message", "NRU006", unknown, 2, "Low") }));
            Assert.That(run.Findings.Single().Message, Does.Contain("NRU999"));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void Item_NoWarn_silences_codes_for_that_file_only()
    {
        var quiet = Write("quiet/Dockerfile", PrivateImage);
        var loud = Write("loud/Dockerfile", PrivateImage);

        var run = TaskHarness.Run(new[] { new Item(quiet, Metadata("NoWarn", "NRU003; NRU001")), new Item(loud) });

        Assert.That(run.Findings.Select(f => (f.Code, f.File)), Is.EqualTo(new[] { ("NRU001", loud) }));
    }

    [Test]
    public void Item_TargetStage_chooses_the_stage_for_that_file_over_the_projects_target()
    {
        const string TwoStages = "FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS runtime\nUSER $APP_UID\n\nFROM runtime AS debug\nUSER root\n";
        var runtime = Write("runtime/Dockerfile", TwoStages);
        var debug = Write("debug/Dockerfile", TwoStages);
        var missing = Write("missing/Dockerfile", TwoStages);

        var run = TaskHarness.Run(
            new[] { new Item(runtime, Metadata("TargetStage", "runtime")), new Item(debug), new Item(missing, Metadata("TargetStage", "nosuchstage")) },
            new Dictionary<string, string> { ["TargetStage"] = "debug" });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Code, f.File, f.Line)), Is.EqualTo(new[] { ("NRU002", debug, 5), ("NRU000", missing, 4) }));
            Assert.That(run.Findings[1].Message, Does.Contain("nosuchstage").And.Contain("NonRootUserTarget"));
        });
    }

    [TestCase("false")]
    [TestCase(" False ")]
    [TestCase("off")]
    public void Item_Enabled_false_skips_the_file_and_says_so(string enabled)
    {
        var skipped = Write("legacy/Dockerfile", PrivateImage);
        var checkedFile = Write("Dockerfile", PrivateImage);

        var run = TaskHarness.Run(new[] { new Item(skipped, Metadata("Enabled", enabled)), new Item(checkedFile, Metadata("Enabled", "true")) });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => f.File).Distinct(), Is.EqualTo(new[] { checkedFile }));
            Assert.That(run.Events.Select(e => e.Message), Does.Contain("NonRootUser.Analyzers checked " + checkedFile));
            Assert.That(run.Events.Select(e => e.Message), Does.Contain("NonRootUser.Analyzers skipped (Enabled=\"false\") " + skipped));
            Assert.That(run.Events.Select(e => e.Message), Does.Not.Contain("NonRootUser.Analyzers checked " + skipped));
        });
    }

    [Test]
    public void A_declared_base_image_makes_an_unknown_image_clean_and_provides_its_users()
    {
        var noUser = Write("no-user/Dockerfile", PrivateImage);
        var svc = Write("svc/Dockerfile", PrivateImage + "USER svc\n");
        var other = Write("other/Dockerfile", PrivateImage + "USER other\n");
        var files = new[] { noUser, svc, other };

        var undeclared = TaskHarness.Run(files.Select(f => new Item(f)));
        var declared = TaskHarness.Run(
            files.Select(f => new Item(f)),
            baseImages: new[] { new Item("contoso.azurecr.io/platform/runtime", Metadata("User", "svc", "Users", "svc")) });

        Assert.Multiple(() =>
        {
            Assert.That(undeclared.Findings.Select(f => (f.Code, f.File)), Is.EqualTo(new[] { ("NRU001", noUser), ("NRU003", svc), ("NRU003", other) }));
            Assert.That(declared.Findings.Select(f => (f.Code, f.File)), Is.EqualTo(new[] { ("NRU003", other) }));
        });
    }

    [Test]
    public void A_declared_image_with_a_wildcard_escaped_as_MSBuild_escapes_it_matches_every_repository()
    {
        var dockerfile = Write("Dockerfile", PrivateImage);

        var run = TaskHarness.Run(new Item[] { dockerfile }, baseImages: new[] { new Item("contoso.azurecr.io/%2A", Metadata("User", "1000")) });

        Assert.That(run.Findings, Is.Empty);
    }

    [Test]
    public void A_declared_image_overrides_the_built_in_knowledge()
    {
        var dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $RUN_AS\n");

        var run = TaskHarness.Run(
            new Item[] { dockerfile },
            baseImages: new[] { new Item("mcr.microsoft.com/dotnet/aspnet:8.0", Metadata("User", "root", "Env", "RUN_AS=0")) });

        Assert.That(run.Findings.Select(f => (f.Code, f.Line)), Is.EqualTo(new[] { ("NRU002", 2) }));
    }

    [Test]
    public void An_invalid_base_image_pattern_is_a_normal_message_and_fails_no_build()
    {
        var dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n");

        var run = TaskHarness.Run(
            new Item[] { dockerfile },
            new Dictionary<string, string> { ["TreatWarningsAsErrors"] = "true" },
            new[] { new Item("contoso.azurecr.io/{runtime", Metadata("User", "svc")) });

        var problem = run.Events.Single(e => e.Message!.Contains("NonRootUserBaseImage", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That((problem.Kind, problem.Importance, problem.Code), Is.EqualTo(("message", "Normal", (string?)null)));
            Assert.That(problem.Message, Does.Contain("ignores the NonRootUserBaseImage item 'contoso.azurecr.io/{runtime'"));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [TestCase("--build-arg RUN_AS=0", "ARG RUN_AS=app\n", "NRU002")]
    [TestCase("--build-arg RUN_AS=app", "ARG RUN_AS=root\n", null)]
    [TestCase("", "ARG RUN_AS=root\n", "NRU002")]
    public void A_build_argument_overrides_the_ARG_default_that_USER_uses(string arguments, string arg, string? expected)
    {
        var dockerfile = Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n" + arg + "USER $RUN_AS\n");

        var run = TaskHarness.Run(new[] { dockerfile }, new Dictionary<string, string> { ["BuildArguments"] = arguments });

        Assert.That(run.Findings.Select(f => f.Code), Is.EqualTo(expected is null ? Array.Empty<string>() : new[] { expected }));
    }

    [Test]
    public void Editorconfig_suggestion_is_a_normal_message_and_silent_a_low_one()
    {
        var suggestion = Write("suggestion/Dockerfile", PrivateImage);
        var silent = Write("silent/Dockerfile", PrivateImage);
        Write(".editorconfig", "root = true\n[suggestion/**]\ndotnet_diagnostic.NRU001.severity = suggestion\n[silent/**]\ndotnet_analyzer_diagnostic.severity = silent\n");

        var run = TaskHarness.Run(new[] { suggestion, silent }, new Dictionary<string, string> { ["TreatWarningsAsErrors"] = "true" });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Kind, f.Code, f.File, f.Importance)), Is.EqualTo(new[] { ("message", "NRU001", suggestion, "Normal"), ("message", "NRU001", silent, "Low") }));
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void The_projects_NoWarn_wins_over_an_editorconfig_error()
    {
        var dockerfile = Write("Dockerfile", PrivateImage);
        Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.NRU001.severity = error\n");

        var run = TaskHarness.Run(new[] { dockerfile }, new Dictionary<string, string> { ["NoWarn"] = "NRU001" });

        Assert.Multiple(() =>
        {
            Assert.That(run.Findings, Is.Empty);
            Assert.That(run.Succeeded, Is.True);
        });
    }

    [Test]
    public void The_SARIF_log_lists_logged_and_suppressed_findings_with_the_kind_of_suppression()
    {
        var inline = Write("inline/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n# nonroot-user ignore=NRU002\nUSER root\n");
        var itemNoWarn = Write("item/Dockerfile", PrivateImage);
        var none = Write("none/Dockerfile", PrivateImage);
        var logged = Write("logged/Dockerfile", PrivateImage);
        var projectNoWarn = Write("project/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nUSER app\n");
        Write(".editorconfig", "root = true\n[none/**]\ndotnet_diagnostic.NRU001.severity = none\n");
        var sarif = Path.Combine(folder, "new", "folder", "nonroot-user.sarif");

        var run = TaskHarness.Run(
            new[] { new Item(inline), new Item(itemNoWarn, Metadata("NoWarn", "NRU001")), new Item(none), new Item(logged), new Item(projectNoWarn) },
            new Dictionary<string, string> { ["SarifFile"] = sarif, ["NoWarn"] = "NRU003" });

        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (
                Rule: r.GetProperty("ruleId").GetString(),
                File: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Kind: r.TryGetProperty("suppressions", out var s) ? s[0].GetProperty("kind").GetString() : null,
                Justification: r.TryGetProperty("suppressions", out var j) ? j[0].GetProperty("justification").GetString() : null))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Findings.Select(f => (f.Code, f.File)), Is.EqualTo(new[] { ("NRU001", logged) }));
            Assert.That(results.Select(r => (r.Rule, Path.GetFileName(Path.GetDirectoryName(new Uri(r.File!).LocalPath)), r.Kind)), Is.EqualTo(new[]
            {
                ("NRU002", "inline", "inSource"),
                ("NRU001", "item", "external"),
                ("NRU001", "none", "external"),
                ("NRU001", "logged", (string?)null),
                ("NRU003", "project", "external"),
            }));
            Assert.That(results.Select(r => r.Justification), Is.EqualTo(new[]
            {
                "# nonroot-user ignore=NRU002 (line 2)",
                "NoWarn metadata of the NonRootUserDockerfile item",
                ".editorconfig: none",
                null,
                "NoWarn",
            }));
        });
    }

    private static Dictionary<string, string> Metadata(params string[] pairs)
    {
        var metadata = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2)
        {
            metadata[pairs[i]] = pairs[i + 1];
        }

        return metadata;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
