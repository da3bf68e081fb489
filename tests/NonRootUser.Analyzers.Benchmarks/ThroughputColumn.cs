using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>Adds the MB/s and µs/file columns to a benchmark whose parameter <c>Input</c> is a <see cref="BenchmarkInput"/>.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn(megabytesPerSecond: true), new ThroughputColumn(megabytesPerSecond: false));
}

/// <summary>MB/s (input bytes over the mean time) or µs per Dockerfile, derived from the mean.</summary>
internal sealed class ThroughputColumn(bool megabytesPerSecond) : IColumn
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
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics || benchmarkCase.Parameters["Input"] is not BenchmarkInput input)
        {
            return "-";
        }

        return megabytesPerSecond
            ? (input.Bytes / 1e6 / (statistics.Mean / 1e9)).ToString("N1", CultureInfo.InvariantCulture)
            : (statistics.Mean / 1e3 / input.Files.Count).ToString("N1", CultureInfo.InvariantCulture);
    }
}
