using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using NonRootUser.Analyzers.Benchmarks;
using NonRootUser.Analyzers.Syntax;

// dotnet run -c Release -- --quick [iterations]   : Stopwatch timings in seconds, no BenchmarkDotNet.
// dotnet run -c Release -- [BenchmarkDotNet args] : the full BenchmarkDotNet run (e.g. --filter '*').
if (args.Length > 0 && args[0] == "--quick")
{
    var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    QuickRun(iterations);
    Console.WriteLine();
    AnalysisQuickRun.Run();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args);
return 0;

static void QuickRun(int iterations)
{
    // On a busy machine wall time says little: MB per CPU-second (this process's) is reported too.
    Console.WriteLine($"{"input",-30} {"bytes",12} {"MB/s",9} {"MB/cpu-s",9} {"µs/file",12} {"alloc/file",14}");
    var corpus = BenchmarkInputs.CorpusFiles();
    Measure(corpus.Name, corpus.Files, iterations * 200);
    foreach (var size in new[] { 1_000, 100_000, 10_000_000 })
    {
        var input = BenchmarkInputs.Generated(size);
        Measure(input.Name, input.Files, Math.Max(iterations, 10_000_000 / size * iterations / 10));
    }
}

static void Measure(string name, IReadOnlyList<string> files, int iterations)
{
    var bytes = files.Sum(file => (long)System.Text.Encoding.UTF8.GetByteCount(file));
    foreach (var file in files)
    {
        var result = DockerfileParser.Parse(file);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{name}: {result.Errors[0]}");
        }
    }

    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        foreach (var file in files)
        {
            DockerfileParser.Parse(file);
        }
    }

    stopwatch.Stop();
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)iterations / files.Count;
    var seconds = stopwatch.Elapsed.TotalSeconds;
    var megabytesPerSecond = bytes * (double)iterations / 1e6 / seconds;
    var megabytesPerCpuSecond = bytes * (double)iterations / 1e6 / cpuSeconds;
    var microsecondsPerFile = seconds * 1e6 / iterations / files.Count;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{name,-30} {bytes,12:N0} {megabytesPerSecond,9:N1} {megabytesPerCpuSecond,9:N1} {microsecondsPerFile,12:N1} {FormatBytes(allocated),14}"));
}

static string FormatBytes(double bytes) => bytes switch
{
    >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):N1} MiB"),
    >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):N1} KiB"),
    _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B"),
};
