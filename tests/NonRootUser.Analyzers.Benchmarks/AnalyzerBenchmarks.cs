using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>Parse-only and parse+analyse per input (BuildKit corpus, realistic samples, generated sizes), with allocations.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AnalyzerBenchmarks
{
    [ParamsSource(nameof(Inputs))]
    public BenchmarkInput Input { get; set; } = null!;

    public static IEnumerable<BenchmarkInput> Inputs() => AnalysisInputs.All();

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        var instructions = 0;
        foreach (var file in Input.Files)
        {
            instructions += DockerfileParser.Parse(file).Syntax?.Instructions.Count ?? 0;
        }

        return instructions;
    }

    [Benchmark]
    public int ParseAndAnalyse()
    {
        var diagnostics = 0;
        foreach (var file in Input.Files)
        {
            diagnostics += DockerfileAnalyzer.Analyze(file, "Dockerfile", AnalysisOptions.Default).Count;
        }

        return diagnostics;
    }
}
