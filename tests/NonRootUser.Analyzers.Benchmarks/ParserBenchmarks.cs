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

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new ThroughputColumn(megabytesPerSecond: true), new ThroughputColumn(megabytesPerSecond: false));
        }
    }

    /// <summary>MB/s (input bytes over the mean time) or µs per file.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        private readonly bool megabytesPerSecond;

        public ThroughputColumn(bool megabytesPerSecond) => this.megabytesPerSecond = megabytesPerSecond;

        public string Id => ColumnName;

        public string ColumnName => megabytesPerSecond ? "MB/s" : "µs/file";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => megabytesPerSecond ? 0 : 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => megabytesPerSecond ? "Input megabytes (10^6 bytes of UTF-8) parsed per second" : "Mean microseconds per Dockerfile";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["Input"] is not BenchmarkInput input)
            {
                return "-";
            }

            var nanoseconds = statistics.Mean;
            var files = input.Files.Count;
            return megabytesPerSecond
                ? (input.Bytes / 1e6 / (nanoseconds / 1e9)).ToString("N1", System.Globalization.CultureInfo.InvariantCulture)
                : (nanoseconds / 1e3 / files).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
