using NonRootUser.Analyzers.TestData;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>A named Dockerfile the fuzzer starts from.</summary>
internal sealed record SeedDockerfile(string Name, string Text)
{
    public override string ToString() => Name;
}

/// <summary>
/// The starting points of mutation fuzzing: BuildKit's parser test files (odd but real syntax) and realistic .NET
/// Dockerfiles of the kinds users of this package write.
/// </summary>
internal static class SeedDockerfiles
{

    public static IReadOnlyList<SeedDockerfile> Realistic { get; } = new[]
    {
        new SeedDockerfile("vs-template", RealisticDockerfiles.VisualStudioTemplate),
        new SeedDockerfile("dotnet-docker-alpine", RealisticDockerfiles.DotnetDockerAlpineSample),
        new SeedDockerfile("chiseled", RealisticDockerfiles.ChiseledSample),
        new SeedDockerfile("alpine-adduser", RealisticDockerfiles.AlpineAdduser),
        new SeedDockerfile("debian-heredoc", RealisticDockerfiles.DebianHeredoc),
        new SeedDockerfile("windows-nanoserver", RealisticDockerfiles.WindowsNanoServer),
        new SeedDockerfile("windows-servercore", RealisticDockerfiles.WindowsServerCore),
        new SeedDockerfile("args-and-root-switch", RealisticDockerfiles.ArgsAndRootSwitch),
    };

    /// <summary>All seeds: the realistic samples first, then every Dockerfile of the BuildKit parser corpus.</summary>
    public static IReadOnlyList<SeedDockerfile> All { get; } = Load(); // After Realistic: static initializers run in order.

    /// <summary>Every <c>Dockerfile</c> under the BuildKit parser corpus, named by its folder.</summary>
    public static IReadOnlyList<SeedDockerfile> BuildKitCorpus()
    {
        var parser = Path.Combine(Syntax.BuildKitCorpus.Directory, "parser");
        return Directory.GetFiles(parser, "Dockerfile", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new SeedDockerfile("buildkit/" + Path.GetRelativePath(parser, Path.GetDirectoryName(path)!).Replace('\\', '/'), File.ReadAllText(path)))
            .ToList();
    }

    private static List<SeedDockerfile> Load()
    {
        var seeds = new List<SeedDockerfile>(Realistic);
        seeds.AddRange(BuildKitCorpus());
        return seeds;
    }
}
