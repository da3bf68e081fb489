namespace NonRootUser.Analyzers.Tests.EndToEnd.Builds;

/// <summary>
/// Builds real consumer projects with <c>dotnet build</c> against the package packed from this repository and
/// asserts what the build log says: codes, files, lines, severities, exit codes, and which Dockerfiles were checked.
/// </summary>
[Category("EndToEnd")]
[Parallelizable(ParallelScope.All)]
public class PackageBuildTests
{
    private const string RootImage = """
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        WORKDIR /app
        COPY . .
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private const string NonRootImage = """
        FROM mcr.microsoft.com/dotnet/aspnet:8.0
        USER $APP_UID
        WORKDIR /app
        COPY . .
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private const string UserNeverCreated = """
        FROM mcr.microsoft.com/dotnet/aspnet:6.0
        USER app
        WORKDIR /app
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    [Test]
    public void Reports_a_final_stage_without_USER_as_a_warning_at_its_FROM_line()
    {
        var project = ConsumerProject.Create(nameof(Reports_a_final_stage_without_USER_as_a_warning_at_its_FROM_line));
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0, ("warning", "NRU001", dockerfile, 1));
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void Reports_nothing_for_an_image_that_runs_as_APP_UID()
    {
        var project = ConsumerProject.Create(nameof(Reports_nothing_for_an_image_that_runs_as_APP_UID));
        var dockerfile = project.WriteFile("Dockerfile", NonRootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void Builds_in_a_clean_environment_even_when_the_test_host_has_MSBuild_variables()
    {
        var project = ConsumerProject.Create(nameof(Builds_in_a_clean_environment_even_when_the_test_host_has_MSBuild_variables));
        var dockerfile = project.WriteFile("Dockerfile", NonRootImage);
        // A compiler warning shows whether the host's TreatWarningsAsErrors leaked into the build.
        project.WriteFile("Unused.cs", "internal static class Unused { internal static void M() { int unused; } }");
        var missing = Path.Combine(project.Folder, "no-such-folder");

        // What `dotnet test` hands to a test host; a child build that kept them would use the wrong MSBuild or fail.
        var result = project.Build(new Dictionary<string, string>
        {
            ["MSBUILD_EXE_PATH"] = Path.Combine(missing, "MSBuild.dll"),
            ["MSBuildExtensionsPath"] = missing,
            ["MSBuildSDKsPath"] = missing,
            ["DOTNET_HOST_PATH"] = Path.Combine(missing, "dotnet"),
            ["TreatWarningsAsErrors"] = "true",
        });

        AssertBuild(result, exitCode: 0);
        Assert.Multiple(() =>
        {
            Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
            Assert.That(result.Diagnostics.Where(d => d.Code == "CS0168").Select(d => d.Severity), Is.EqualTo(new[] { "warning" }), result.ToString());
        });
    }

    [Test]
    public void TreatWarningsAsErrors_makes_a_finding_an_error_and_fails_the_build()
    {
        var project = ConsumerProject.Create(nameof(TreatWarningsAsErrors_makes_a_finding_an_error_and_fails_the_build), properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        AssertBuild(project.Build(), exitCode: 1, ("error", "NRU001", dockerfile, 1));
    }

    [Test]
    public void WarningsNotAsErrors_keeps_a_finding_a_warning_under_TreatWarningsAsErrors()
    {
        var project = ConsumerProject.Create(
            nameof(WarningsNotAsErrors_keeps_a_finding_a_warning_under_TreatWarningsAsErrors),
            properties: "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>$(WarningsNotAsErrors);NRU001</WarningsNotAsErrors>");
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        AssertBuild(project.Build(), exitCode: 0, ("warning", "NRU001", dockerfile, 1));
    }

    [Test]
    public void NoWarn_silences_a_finding()
    {
        var project = ConsumerProject.Create(nameof(NoWarn_silences_a_finding), properties: "<NoWarn>$(NoWarn);NRU001</NoWarn>");
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void WarningsAsErrors_makes_a_finding_an_error()
    {
        var project = ConsumerProject.Create(nameof(WarningsAsErrors_makes_a_finding_an_error), properties: "<WarningsAsErrors>$(WarningsAsErrors);NRU001</WarningsAsErrors>");
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        AssertBuild(project.Build(), exitCode: 1, ("error", "NRU001", dockerfile, 1));
    }

    [Test]
    public void The_warnaserror_switch_makes_a_finding_an_error()
    {
        var project = ConsumerProject.Create(nameof(The_warnaserror_switch_makes_a_finding_an_error));
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        AssertBuild(project.Build("-warnaserror"), exitCode: 1, ("error", "NRU001", dockerfile, 1));
    }

    [Test]
    public void A_build_that_changes_nothing_reports_the_findings_again()
    {
        var project = ConsumerProject.Create(nameof(A_build_that_changes_nothing_reports_the_findings_again));
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        var first = project.Build();
        var again = project.Build("--no-restore");

        AssertBuild(first, exitCode: 0, ("warning", "NRU001", dockerfile, 1));
        AssertBuild(again, exitCode: 0, ("warning", "NRU001", dockerfile, 1));
        Assert.Multiple(() =>
        {
            Assert.That(again.Log, Does.Contain("Skipping target \"CoreCompile\" because all output files are up-to-date"), "CoreCompile was expected to be skipped as up to date.");
            Assert.That(again.CheckedFiles, Is.EqualTo(new[] { dockerfile }), again.ToString());
        });
    }

    [Test]
    public void A_multi_targeted_project_is_checked_once()
    {
        var project = ConsumerProject.Create(nameof(A_multi_targeted_project_is_checked_once), targetFrameworks: "net10.0;netstandard2.0");
        var dockerfile = project.WriteFile("Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0, ("warning", "NRU001", dockerfile, 1));
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void A_design_time_build_does_not_check()
    {
        var project = ConsumerProject.Create(nameof(A_design_time_build_does_not_check));
        project.WriteFile("Dockerfile", RootImage);

        var result = project.Build("-p:DesignTimeBuild=true");

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty, result.ToString());
            Assert.That(result.CheckedFiles, Is.Empty, result.ToString());
            Assert.That(result.MSBuildDiagnostics.Where(d => d.Severity == "error"), Is.Empty, result.ToString());
        });
    }

    [Test]
    public void NonRootUserEnabled_false_turns_the_check_off()
    {
        var project = ConsumerProject.Create(nameof(NonRootUserEnabled_false_turns_the_check_off), properties: "<NonRootUserEnabled>false</NonRootUserEnabled>");
        project.WriteFile("Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.Empty, result.ToString());
    }

    [Test]
    public void Checks_the_Dockerfile_that_DockerfilePath_names_outside_the_project_folder()
    {
        var project = ConsumerProject.Create(nameof(Checks_the_Dockerfile_that_DockerfilePath_names_outside_the_project_folder), properties: "<DockerfilePath>../docker/Dockerfile</DockerfilePath>");
        var dockerfile = project.WriteFile("../docker/Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0, ("warning", "NRU001", dockerfile, 1));
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void Checks_the_Dockerfile_that_the_older_DockerfileFile_names()
    {
        var project = ConsumerProject.Create(nameof(Checks_the_Dockerfile_that_the_older_DockerfileFile_names), properties: "<DockerfileFile>../Api.Dockerfile.txt</DockerfileFile>");
        var dockerfile = project.WriteFile("../Api.Dockerfile.txt", NonRootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { dockerfile }), result.ToString());
    }

    [Test]
    public void Finds_Dockerfiles_and_Containerfiles_by_name_but_not_ignore_files_or_output_folders()
    {
        // DockerfilePath names a file the globs find too: it is still checked once.
        var project = ConsumerProject.Create(
            nameof(Finds_Dockerfiles_and_Containerfiles_by_name_but_not_ignore_files_or_output_folders),
            properties: "<DockerfilePath>Dockerfile</DockerfilePath>");
        var expected = new[] { "Dockerfile", "Dockerfile.dev", "api.Dockerfile", "worker.dockerfile", "Containerfile", "Containerfile.prod", "deploy/Dockerfile", ".devcontainer/Dockerfile" }
            .Select(name => project.WriteFile(name, NonRootImage))
            .ToList();
        foreach (var ignored in new[] { "Dockerfile.dockerignore", "Containerfile.containerignore", ".dockerignore", "Dockerfiles.md", "bin/Debug/Dockerfile", "obj/Dockerfile", "node_modules/tool/Dockerfile", ".git/Dockerfile", "deploy/bin/Dockerfile" })
        {
            project.WriteFile(ignored, RootImage);
        }

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EquivalentTo(expected), result.ToString());
    }

    [Test]
    public void Project_items_can_remove_and_add_Dockerfiles()
    {
        var project = ConsumerProject.Create(
            nameof(Project_items_can_remove_and_add_Dockerfiles),
            items: """<NonRootUserDockerfile Remove="samples/**" /><NonRootUserDockerfile Include="docker/base.image" />""");
        var dockerfile = project.WriteFile("Dockerfile", NonRootImage);
        var added = project.WriteFile("docker/base.image", NonRootImage);
        project.WriteFile("samples/Dockerfile", RootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EquivalentTo(new[] { dockerfile, added }), result.ToString());
    }

    [Test]
    public void EnableDefaultNonRootUserItems_false_checks_only_the_listed_files()
    {
        var project = ConsumerProject.Create(
            nameof(EnableDefaultNonRootUserItems_false_checks_only_the_listed_files),
            properties: "<EnableDefaultNonRootUserItems>false</EnableDefaultNonRootUserItems>",
            items: """<NonRootUserDockerfile Include="release/Dockerfile" />""");
        project.WriteFile("Dockerfile", RootImage);
        var listed = project.WriteFile("release/Dockerfile", NonRootImage);

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.EqualTo(new[] { listed }), result.ToString());
    }

    [Test]
    public void A_project_without_a_Dockerfile_builds_cleanly()
    {
        var project = ConsumerProject.Create(nameof(A_project_without_a_Dockerfile_builds_cleanly));

        var result = project.Build();

        AssertBuild(result, exitCode: 0);
        Assert.That(result.CheckedFiles, Is.Empty, result.ToString());
    }

    [Test]
    public void Reports_a_USER_that_the_base_image_does_not_have_at_the_USER_line()
    {
        var project = ConsumerProject.Create(nameof(Reports_a_USER_that_the_base_image_does_not_have_at_the_USER_line));
        var dockerfile = project.WriteFile("Dockerfile", UserNeverCreated);

        AssertBuild(project.Build(), exitCode: 0, ("warning", "NRU003", dockerfile, 2));
    }

    [Test]
    public void A_directory_named_Dockerfile_never_breaks_the_build()
    {
        var project = ConsumerProject.Create(nameof(A_directory_named_Dockerfile_never_breaks_the_build));
        project.WriteFile("Dockerfile/README.md", "Not a Dockerfile: a folder that happens to have the name.");
        var listed = project.WriteFile("docker/Dockerfile/notes.txt", "Listed by mistake.");
        var listedDirectory = Path.GetDirectoryName(listed)!;

        var globbed = project.Build();
        File.WriteAllText(Path.Combine(project.Directory, "Directory.Build.targets"), """
            <Project>
              <ItemGroup>
                <NonRootUserDockerfile Include="docker/Dockerfile" />
              </ItemGroup>
            </Project>
            """);
        var listedByMistake = project.Build();

        AssertBuild(globbed, exitCode: 0);
        AssertBuild(listedByMistake, exitCode: 0, ("warning", "NRU000", listedDirectory, 0));
        Assert.That(listedByMistake.Diagnostics.Single(d => d.Code == "NRU000").Message, Does.Contain("is a directory"));
    }

    [Test]
    public void Build_arguments_from_DockerfileBuildArguments_reach_the_analysis()
    {
        var project = ConsumerProject.Create(
            nameof(Build_arguments_from_DockerfileBuildArguments_reach_the_analysis),
            properties: """<DockerfileBuildArguments>--build-arg BUILD_CONFIGURATION=Release --build-arg TAG="6.0"</DockerfileBuildArguments>""");
        var dockerfile = project.WriteFile("Dockerfile", """
            ARG TAG=8.0
            FROM mcr.microsoft.com/dotnet/aspnet:${TAG}
            USER app
            """);

        AssertBuild(project.Build(), exitCode: 0, ("warning", "NRU003", dockerfile, 3));
    }

    [Test]
    public void NonRootUserTarget_chooses_the_stage_to_check()
    {
        var project = ConsumerProject.Create(nameof(NonRootUserTarget_chooses_the_stage_to_check));
        var dockerfile = project.WriteFile("Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS runtime
            USER $APP_UID

            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS tools
            RUN dotnet tool install --global dotnet-trace
            """);

        var lastStage = project.Build();
        var runtimeStage = project.Build("--no-restore", "-p:NonRootUserTarget=runtime");

        AssertBuild(lastStage, exitCode: 0, ("warning", "NRU001", dockerfile, 4));
        AssertBuild(runtimeStage, exitCode: 0);
    }

    private static void AssertBuild(BuildResult result, int exitCode, params (string Severity, string Code, string File, int Line)[] findings)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.EqualTo(findings), result.ToString());
            Assert.That(result.ExitCode == 0, Is.EqualTo(exitCode == 0), $"Exit code {result.ExitCode}; expected {(exitCode == 0 ? "success" : "failure")}.{Environment.NewLine}{result}");
            Assert.That(result.MSBuildDiagnostics, Is.Empty, "MSBuild itself complained (MSB4018 means a task threw).");
        });
    }
}
