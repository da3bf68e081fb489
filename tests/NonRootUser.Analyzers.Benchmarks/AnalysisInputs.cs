using NonRootUser.Analyzers.TestData;
using System.Text;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>One or more Dockerfiles measured together (a corpus is many small files, a generated input one big file).</summary>
/// <summary>
/// What parse+analyse is measured on: BuildKit's corpus, realistic .NET Dockerfiles (the typical ≤ 4 KB file a
/// build analyses), and generated Dockerfiles of 1 KB, 100 KB and 10 MB to show how the cost scales.
/// </summary>
public static class AnalysisInputs
{
    /// <summary>The sizes of the generated inputs; throughput should not depend on them.</summary>
    public static readonly int[] GeneratedSizes = { 1_000, 100_000, 10_000_000 };

    public static IReadOnlyList<BenchmarkInput> All() =>
        new[] { Corpus(), Realistic() }
            .Concat(RealisticSamples.Select(sample => new BenchmarkInput("realistic/" + sample.Name, new[] { sample.Text })))
            .Concat(GeneratedSizes.Select(Generated))
            .ToList();

    public static BenchmarkInput Corpus()
    {
        var texts = BenchmarkInputs.CorpusTexts();
        return new BenchmarkInput($"buildkit-corpus ({texts.Count} files)", texts);
    }

    public static BenchmarkInput Realistic() =>
        new($"realistic ({RealisticSamples.Length} files)", RealisticSamples.Select(sample => sample.Text).ToList());

    public static BenchmarkInput Generated(int approximateBytes)
    {
        var input = BenchmarkInputs.Generated(approximateBytes);
        return new BenchmarkInput(input.Name, input.Files);
    }

    /// <summary>Dockerfiles like the ones users of the package write (each well under 4 KB).</summary>
    public static readonly (string Name, string Text)[] RealisticSamples =
    {
        ("vs-template", RealisticDockerfiles.VisualStudioTemplate),
        ("dotnet-docker-alpine", RealisticDockerfiles.DotnetDockerAlpineSample),
        ("alpine-adduser", RealisticDockerfiles.AlpineAdduser),
        ("debian-heredoc", RealisticDockerfiles.DebianHeredoc),
        ("windows-nanoserver", RealisticDockerfiles.WindowsNanoServer),
    };
}
