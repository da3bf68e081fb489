using System.Security;

namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>
/// A throw-away project that references the packed package, in its own folder under the run's workspace:
/// <c>&lt;workspace&gt;/&lt;name&gt;/Consumer/Consumer.csproj</c>. Files can be written beside it (and outside it, in
/// <c>&lt;workspace&gt;/&lt;name&gt;/</c>), and it can be built any number of times.
/// </summary>
internal sealed class ConsumerProject
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly EndToEndRun run;
    private int builds;

    private ConsumerProject(EndToEndRun run, string folder)
    {
        this.run = run;
        Folder = folder;
        Directory = System.IO.Path.Combine(folder, "Consumer");
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The folder that holds the project folder: a place for files outside the project.</summary>
    public string Folder { get; }

    /// <summary>The project folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// Creates <c>Consumer.csproj</c> targeting <paramref name="targetFrameworks"/> (several separated by <c>;</c>),
    /// with extra <paramref name="properties"/> and <paramref name="items"/> written into the project as XML.
    /// </summary>
    public static ConsumerProject Create(string name, string targetFrameworks = "net10.0", string properties = "", string items = "")
    {
        var run = EndToEndRun.Current;
        var project = new ConsumerProject(run, System.IO.Path.Combine(run.Workspace, name));
        var frameworkProperty = targetFrameworks.Contains(';', StringComparison.Ordinal) ? "TargetFrameworks" : "TargetFramework";
        project.WriteFile("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{frameworkProperty}>{targetFrameworks}</{frameworkProperty}>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NonRootUser.Analyzers" Version="{SecurityElement.Escape(run.PackageVersion)}" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>Writes <paramref name="content"/> to a path relative to the project folder (may lead outside it); returns the full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, relativePath));
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    /// <summary>Runs <c>dotnet build</c> with <paramref name="arguments"/> added.</summary>
    public BuildResult Build(params string[] arguments) => Build(new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Runs <c>dotnet build</c> with <paramref name="arguments"/> added, in an environment that inherits
    /// <paramref name="inheritedExtra"/> as if the test host had those variables (they go through the same cleaning).
    /// </summary>
    public BuildResult Build(IReadOnlyDictionary<string, string> inheritedExtra, params string[] arguments)
    {
        var log = System.IO.Path.Combine(Folder, $"build-{Interlocked.Increment(ref builds)}.log");
        var allArguments = new List<string>
        {
            "build",
            "-nologo",
            "-nr:false",
            "-m:1",
            "-tl:off",
            "-v:minimal",
            $"-flp:LogFile={log};Verbosity=normal;NoSummary;ForceNoAlign;Encoding=UTF-8",
        };
        allArguments.AddRange(arguments);

        var inherited = DotnetCli.CurrentEnvironment()
            .Concat(inheritedExtra.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
        var environment = DotnetCli.CleanEnvironment(inherited, new Dictionary<string, string> { ["NUGET_PACKAGES"] = run.PackagesFolder });
        var process = DotnetCli.Run(Directory, allArguments, environment, BuildTimeout);
        var text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
        return new BuildResult(process.ExitCode, text, process.Output);
    }
}
