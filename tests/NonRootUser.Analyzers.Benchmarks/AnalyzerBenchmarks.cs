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
[Config(typeof(PerFileConfig))]
public class AnalyzerBenchmarks
{
    [ParamsSource(nameof(Inputs))]
    public AnalysisInput Input { get; set; } = null!;

    public static IEnumerable<AnalysisInput> Inputs() => AnalysisInputs.All();

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

    private sealed class PerFileConfig : ManualConfig
    {
        public PerFileConfig() => AddColumn(new PerInputColumn(megabytesPerSecond: true), new PerInputColumn(megabytesPerSecond: false));
    }

    /// <summary>MB/s over the input's bytes, or µs per Dockerfile, from the mean time.</summary>
    private sealed class PerInputColumn(bool megabytesPerSecond) : IColumn
    {
        public string Id => ColumnName;

        public string ColumnName => megabytesPerSecond ? "MB/s" : "µs/file";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => megabytesPerSecond ? 0 : 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => megabytesPerSecond ? "Input megabytes (10^6 bytes of UTF-8) per second" : "Mean microseconds per Dockerfile";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["Input"] is not AnalysisInput input)
            {
                return "-";
            }

            return megabytesPerSecond
                ? (input.Bytes / 1e6 / (statistics.Mean / 1e9)).ToString("N1", CultureInfo.InvariantCulture)
                : (statistics.Mean / 1e3 / input.Files.Count).ToString("N1", CultureInfo.InvariantCulture);
        }
    }
}
