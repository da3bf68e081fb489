using System.Text.Json;

namespace NonRootUser.Analyzers.Tests.EndToEnd.Builds;

/// <summary>
/// Every configuration mechanism through one real <c>dotnet build</c>: suppression comments, item metadata, declared
/// base images, build arguments, .editorconfig with the project's warning settings, and the SARIF log. Each scenario
/// has its own Dockerfile in one consumer project (a build costs seconds), so the assertions tell them apart by file.
/// </summary>
[Category("EndToEnd")]
public class ConfigurationBuildTests
{
    private const string RootImage = """
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        WORKDIR /app
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private static readonly Dictionary<string, string> Dockerfiles = new()
    {
        // A plain finding, as a control.
        ["logged"] = RootImage,

        // .editorconfig: error fails the build, none drops the finding (SARIF keeps it, suppressed).
        ["strict"] = RootImage,
        ["off"] = RootImage,

        // Suppression comments: above the instruction, for the whole file, and one naming a rule that does not exist.
        ["inline"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            # The entrypoint drops to 'app' with gosu.
            # nonroot-user ignore=NRU002
            USER root
            """,
        ["global"] = """
            # nonroot-user global ignore=NRU003
            FROM mcr.microsoft.com/dotnet/aspnet:6.0
            USER app
            """,
        ["typo"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            # nonroot-user ignore=NRU999
            USER $APP_UID
            """,

        // Item metadata: NoWarn, TargetStage, Enabled.
        ["nowarn"] = RootImage,
        ["target"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS runtime
            USER $APP_UID

            FROM runtime AS debug
            USER root
            """,
        ["disabled"] = RootImage,

        // Declared base images: a default user, the users it has, and a wildcard.
        ["declared"] = """
            FROM contoso.azurecr.io/platform/runtime:2.3
            WORKDIR /app
            """,
        ["declared-users"] = """
            FROM contoso.azurecr.io/platform/runtime:2.3
            USER svc
            """,
        ["wildcard"] = """
            FROM fabrikam.io/team/api:1.0
            WORKDIR /app
            """,

        // DockerfileBuildArguments override ARG defaults: to root, and away from root.
        ["buildarg-root"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            ARG RUN_AS=app
            USER $RUN_AS
            """,
        ["buildarg-nonroot"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            ARG APP_USER=root
            USER $APP_USER
            """,

        // Precedence: the project's NoWarn wins over an .editorconfig error; WarningsAsErrors does not raise a suggestion.
        ["nowarn-beats-error"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            USER app:nosuchgroup
            """,
        ["suggestion"] = """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0
            USER $NOT_SET
            """,
    };

    private static readonly Lazy<(ConsumerProject Project, BuildResult Result, IReadOnlyDictionary<string, string> Files)> Build = new(BuildOnce);

    private static string File(string scenario) => Build.Value.Files[scenario];

    private static BuildResult Result => Build.Value.Result;

    [Test]
    public void Only_the_unsuppressed_findings_are_logged_and_an_editorconfig_error_fails_the_build()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Result.Findings, Is.EquivalentTo(new[]
            {
                ("warning", "NRU001", File("logged"), 1),
                ("error", "NRU001", File("strict"), 1),
                ("warning", "NRU002", File("buildarg-root"), 3),
            }), Result.ToString());
            Assert.That(Result.ExitCode, Is.Not.Zero, Result.ToString());
            Assert.That(Result.MSBuildDiagnostics, Is.Empty, "MSBuild itself complained (MSB4018 means a task threw).");
        });
    }

    [Test]
    public void A_file_whose_item_says_Enabled_false_is_not_checked()
    {
        var expected = Build.Value.Files.Where(pair => pair.Key != "disabled").Select(pair => pair.Value);

        Assert.Multiple(() =>
        {
            Assert.That(Result.CheckedFiles, Is.EquivalentTo(expected), Result.ToString());
            Assert.That(Result.Log, Does.Contain("NonRootUser.Analyzers skipped (Enabled=\"false\") " + File("disabled")));
        });
    }

    [Test]
    public void A_suggestion_is_a_message_and_an_invalid_base_image_is_reported_as_a_message()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Result.Log, Does.Contain(File("suggestion") + "(2,1,2,14): message NRU005: "), "The suggestion was expected as a normal-importance message.");
            Assert.That(Result.Log, Does.Contain("ignores the NonRootUserBaseImage item 'contoso.azurecr.io/{broken'"));
            // NRU006 is an Info: a low-importance message, not in a normal-verbosity log.
            Assert.That(Result.Log, Does.Not.Contain("NRU999"));
        });
    }

    [Test]
    public void The_SARIF_log_describes_the_tool_and_its_rules()
    {
        using var log = ReadSarif();
        var root = log.RootElement;
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(root.GetProperty("$schema").GetString(), Does.Contain("sarif-2.1.0"));
            Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("NonRootUser.Analyzers"));
            Assert.That(driver.GetProperty("version").GetString(), Does.StartWith(EndToEndRun.Current.PackageVersion));
            Assert.That(rules, Is.EqualTo(new[] { "NRU000", "NRU001", "NRU002", "NRU003", "NRU004", "NRU005", "NRU006" }));
        });
    }

    [Test]
    public void The_SARIF_log_lists_every_finding_with_level_location_and_suppression()
    {
        using var log = ReadSarif();
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(SarifResult.From).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.Rule, Scenario(r.File), r.Level, r.Line, r.Suppression)), Is.EquivalentTo(new[]
            {
                ("NRU001", "logged", "warning", 1, (string?)null),
                ("NRU001", "strict", "error", 1, null),
                ("NRU001", "off", "warning", 1, "external"),
                ("NRU002", "inline", "warning", 4, "inSource"),
                ("NRU003", "global", "warning", 3, "inSource"),
                ("NRU006", "typo", "note", 2, null),
                ("NRU001", "nowarn", "warning", 1, "external"),
                ("NRU002", "buildarg-root", "warning", 3, null),
                ("NRU004", "nowarn-beats-error", "warning", 2, "external"),
                ("NRU005", "suggestion", "note", 2, null),
            }), string.Join(Environment.NewLine, results));
            Assert.That(results.All(r => r.Message.Length > 0 && r.Column >= 1), Is.True, "Every result has a message and a start column.");
            Assert.That(results.Single(r => r.Rule == "NRU001" && Scenario(r.File) == "logged").File, Is.EqualTo(new Uri(File("logged")).AbsoluteUri));
        });
    }

    private static JsonDocument ReadSarif()
    {
        // A folder that did not exist before the build.
        var path = Path.Combine(Build.Value.Project.Directory, "reports", "new", "nonroot-user.sarif");
        Assert.That(System.IO.File.Exists(path), Is.True, $"The SARIF log was not written.{Environment.NewLine}{Result}");
        return JsonDocument.Parse(System.IO.File.ReadAllText(path));
    }

    private static string Scenario(string uri) => Path.GetFileName(Path.GetDirectoryName(new Uri(uri).LocalPath))!;

    private static (ConsumerProject, BuildResult, IReadOnlyDictionary<string, string>) BuildOnce()
    {
        var project = ConsumerProject.Create(
            "Configuration",
            properties: """
                <NonRootUserSarifFile>reports/new/nonroot-user.sarif</NonRootUserSarifFile>
                <DockerfileBuildArguments>--build-arg RUN_AS=0 --build-arg APP_USER=app</DockerfileBuildArguments>
                <NoWarn>$(NoWarn);NRU004</NoWarn>
                <WarningsAsErrors>$(WarningsAsErrors);NRU005</WarningsAsErrors>
                """,
            items: """
                <NonRootUserDockerfile Update="nowarn/Dockerfile" NoWarn="NRU001" />
                <NonRootUserDockerfile Update="target/Dockerfile" TargetStage="runtime" />
                <NonRootUserDockerfile Update="disabled/Dockerfile" Enabled="false" />
                <NonRootUserBaseImage Include="contoso.azurecr.io/platform/runtime" User="svc" Users="svc" />
                <NonRootUserBaseImage Include="fabrikam.io/%2A" User="1000" />
                <NonRootUserBaseImage Include="contoso.azurecr.io/{broken" />
                """);
        var files = Dockerfiles.ToDictionary(pair => pair.Key, pair => project.WriteFile(pair.Key + "/Dockerfile", pair.Value));
        project.WriteFile(".editorconfig", """
            root = true

            [strict/Dockerfile]
            dotnet_diagnostic.NRU001.severity = error

            [off/**]
            dotnet_diagnostic.NRU001.severity = none

            [nowarn-beats-error/**]
            dotnet_diagnostic.NRU004.severity = error

            [suggestion/**]
            dotnet_diagnostic.NRU005.severity = suggestion
            """);
        return (project, project.Build(), files);
    }

    /// <summary>The parts of a SARIF result the tests look at.</summary>
    private sealed record SarifResult(string Rule, string Level, string Message, string File, int Line, int Column, string? Suppression)
    {
        public static SarifResult From(JsonElement result)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = location.GetProperty("region");
            return new SarifResult(
                result.GetProperty("ruleId").GetString()!,
                result.GetProperty("level").GetString()!,
                result.GetProperty("message").GetProperty("text").GetString()!,
                location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                result.TryGetProperty("suppressions", out var suppressions) ? suppressions[0].GetProperty("kind").GetString() : null);
        }
    }
}
