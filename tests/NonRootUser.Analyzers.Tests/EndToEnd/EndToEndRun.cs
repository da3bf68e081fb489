using System.Diagnostics;

namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>
/// One test run's end-to-end workspace: the package packed once from this repository into a temporary feed, a
/// NuGet.config that serves it, and one packages folder that every consumer build of the run shares.
/// </summary>
/// <remarks>
/// Layout of <see cref="Root"/>: <c>feed/</c> (the .nupkg), <c>packages/</c> (NUGET_PACKAGES), <c>pack/</c> (the pack's
/// own bin and obj, so the repository's are not touched), <c>consumers/</c> (one folder per test) with a NuGet.config and
/// Directory.Build.* files that stop MSBuild from looking further up.
/// </remarks>
internal sealed class EndToEndRun
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static EndToEndRun? current;

    private EndToEndRun(string root, string packageVersion)
    {
        Root = root;
        PackageVersion = packageVersion;
    }

    /// <summary>The run set up by the end-to-end set-up fixture.</summary>
    public static EndToEndRun Current => current ?? throw new InvalidOperationException("The end-to-end run is not set up: its [SetUpFixture] did not run or failed.");

    public string Root { get; }

    public string PackageVersion { get; }

    public string Feed => Path.Combine(Root, "feed");

    public string PackagesFolder => Path.Combine(Root, "packages");

    public string Workspace => Path.Combine(Root, "consumers");

    /// <summary>How long packing took.</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>Packs the package and prepares the workspace; throws with the pack's output when packing fails.</summary>
    public static EndToEndRun Start()
    {
        var unique = Guid.NewGuid().ToString("N");
        var run = new EndToEndRun(Path.Combine(Path.GetTempPath(), "nru-e2e-" + unique[..12]), "0.0.0-e2e.r" + unique);
        try
        {
            Directory.CreateDirectory(run.Feed);
            Directory.CreateDirectory(run.PackagesFolder);
            Directory.CreateDirectory(run.Workspace);
            run.WriteWorkspaceFiles();
            run.Pack();
        }
        catch
        {
            // No run to tear down later: clean up now (the exception carries the pack's output).
            run.Delete();
            throw;
        }

        current = run;
        return run;
    }

    /// <summary>Deletes the workspace, unless NRU_E2E_KEEP=1 asks to keep it for a look.</summary>
    public void Delete()
    {
        current = null;
        if (Environment.GetEnvironmentVariable("NRU_E2E_KEEP") == "1")
        {
            TestContext.Progress.WriteLine($"End-to-end workspace kept: {Root}");
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException exception)
        {
            TestContext.Progress.WriteLine($"Could not delete {Root}: {exception.Message}");
        }
        catch (UnauthorizedAccessException exception)
        {
            TestContext.Progress.WriteLine($"Could not delete {Root}: {exception.Message}");
        }
    }

    private void Pack()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "NonRootUser.Analyzers", "NonRootUser.Analyzers.csproj");
        var arguments = new[]
        {
            "pack", project,
            "-c", "Release",
            "-o", Feed,
            $"-p:Version={PackageVersion}",
            // Its own bin/ and obj/ (artifacts mode also keeps the project's own obj/*.cs out of the build): the pack
            // neither disturbs nor reuses what the developer built.
            "--artifacts-path", Path.Combine(Root, "pack"),
            "-nologo", "-nr:false", "-tl:off",
        };
        var environment = DotnetCli.CleanEnvironment(DotnetCli.CurrentEnvironment(), new Dictionary<string, string>());
        var stopwatch = Stopwatch.StartNew();
        var result = DotnetCli.Run(RepositoryRoot.Path, arguments, environment, PackTimeout);
        PackTime = stopwatch.Elapsed;
        var package = Path.Combine(Feed, $"NonRootUser.Analyzers.{PackageVersion}.nupkg");
        if (result.ExitCode != 0 || !File.Exists(package))
        {
            throw new InvalidOperationException($"dotnet pack failed (exit code {result.ExitCode}):{Environment.NewLine}{result.Output}");
        }
    }

    private void WriteWorkspaceFiles()
    {
        // The package comes from the temporary feed only; everything else (NETStandard.Library) from nuget.org.
        File.WriteAllText(Path.Combine(Workspace, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="e2e" value="{System.Security.SecurityElement.Escape(Feed)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="e2e">
                  <package pattern="NonRootUser.Analyzers" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        // These stop MSBuild's search for Directory.Build.* and Directory.Packages.props above the workspace. NuGet's
        // vulnerability audit is off: it would ask nuget.org on every restore, and its warning NU1900 when offline
        // becomes an error in the TreatWarningsAsErrors scenarios.
        File.WriteAllText(Path.Combine(Workspace, "Directory.Build.props"), """
            <Project>
              <PropertyGroup>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
            </Project>
            """);
        foreach (var name in new[] { "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Workspace, name), "<Project />\n");
        }
    }
}
