using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>Parse time and allocations per input; the MB/s and µs/file columns are derived from the mean.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParserBenchmarks
{
    [ParamsSource(nameof(Inputs))]
    public BenchmarkInput Input { get; set; } = null!;

    public static IEnumerable<BenchmarkInput> Inputs() => BenchmarkInputs.All();

    [Benchmark]
    public int Parse()
    {
        var instructions = 0;
        foreach (var file in Input.Files)
        {
            instructions += DockerfileParser.Parse(file).Syntax?.Instructions.Count ?? 0;
        }

        return instructions;
    }
}
