using System.Diagnostics;
using System.Globalization;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Syntax.Grammar;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>
/// The quick (Stopwatch) measurement of parse-only and parse+analyse per input, with the time split by phase so a
/// missed target points at the code to look at. Runs in seconds; BenchmarkDotNet (<c>--full</c>) is the precise one.
/// </summary>
public static class AnalysisQuickRun
{
    /// <summary>Throughput every generated size must reach (MB/s, parse+analyse).</summary>
    public const double TargetMegabytesPerSecond = 10;

    /// <summary>Throughput may vary at most this much across the generated sizes.</summary>
    public const double TargetSpread = 2;

    /// <summary>Warm parse+analyse of a typical (≤ 4 KB) Dockerfile, in µs.</summary>
    public const double TargetMicrosecondsPerTypicalFile = 200;

    private static readonly Rule[] AllRules = DockerfileAnalyzer.StageRules;

    /// <summary>Measures every input for about <paramref name="secondsPerMeasurement"/> each and prints the tables.</summary>
    public static void Run(double secondsPerMeasurement = 1)
    {
        var inputs = AnalysisInputs.All();
        var results = new List<(BenchmarkInput Input, Measurement Parse, Measurement Full, Phases Phases)>();
        Console.WriteLine("parse-only and parse+analyse, warm (MB = 10^6 bytes of UTF-8; MB/s is wall clock, MB/cpu-s and µs/file are " + CpuClock.Kind + "; best of 3 trials)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"",-34} {"",11} | {"parse only",-45} | {"parse+analyse",-45}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"input",-34} {"bytes",11} | {"MB/s",7} {"MB/cpu-s",8} {"µs/file",14} {"alloc/file",12} | {"MB/s",7} {"MB/cpu-s",8} {"µs/file",14} {"alloc/file",12}"));
        foreach (var input in inputs)
        {
            var parse = Measure(input, secondsPerMeasurement, text => DockerfileParser.Parse(text));
            var full = Measure(input, secondsPerMeasurement, text => DockerfileAnalyzer.Analyze(text, "Dockerfile", AnalysisOptions.Default));
            var phases = Phases.Measure(input, secondsPerMeasurement);
            results.Add((input, parse, full, phases));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{input.Name,-34} {input.Bytes,11:N0} | {Row(parse)} | {Row(full)}"));
        }

        Console.WriteLine();
        Console.WriteLine("where parse+analyse time goes (CPU µs per file, share of the phases' sum)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"input",-34} {"lines+limit",14} {"grammar",14} {"model",14} {"rules",14}"));
        foreach (var (input, _, _, phases) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.Name,-34} {phases.Describe(phases.Lines),14} {phases.Describe(phases.Grammar),14} {phases.Describe(phases.Model),14} {phases.Describe(phases.Rules),14}"));
        }

        Console.WriteLine();
        ConstructProfile.Run(secondsPerMeasurement / 2);
        Console.WriteLine();
        ConstructProfile.RunScaling(secondsPerMeasurement / 2);
        Console.WriteLine();
        PrintTargets(results.Select(r => (r.Input, r.Full)).ToList());
    }

    private static void PrintTargets(IReadOnlyList<(BenchmarkInput Input, Measurement Full)> results)
    {
        var generated = results.Where(r => r.Input.Name.StartsWith("generated", StringComparison.Ordinal)).ToList();
        var slowest = generated.Min(r => r.Full.MegabytesPerCpuSecond);
        var fastest = generated.Max(r => r.Full.MegabytesPerCpuSecond);
        var typical = results.Single(r => r.Input.Name.StartsWith("realistic (", StringComparison.Ordinal)).Full.MicrosecondsPerFile;
        Console.WriteLine($"targets (parse+analyse, by {CpuClock.Kind}: wall clock on a shared machine measures the other processes too):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated 1 KB / 100 KB / 10 MB: {string.Join(" / ", generated.Select(r => r.Full.MegabytesPerCpuSecond.ToString("N1", CultureInfo.InvariantCulture)))} MB/cpu-s (target ≥ {TargetMegabytesPerSecond}): {Verdict(slowest >= TargetMegabytesPerSecond)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  spread across sizes: {fastest / slowest:N2}× (target ≤ {TargetSpread}×): {Verdict(fastest / slowest <= TargetSpread)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  typical ≤ 4 KB Dockerfile: {typical:N1} µs (target ≤ {TargetMicrosecondsPerTypicalFile} µs): {Verdict(typical <= TargetMicrosecondsPerTypicalFile)}"));
    }

    private static string Row(Measurement m) =>
        string.Create(CultureInfo.InvariantCulture, $"{m.MegabytesPerSecond,7:N1} {m.MegabytesPerCpuSecond,8:N1} {m.MicrosecondsPerFile,14:N1} {Format(m.AllocatedPerFile),12}");

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    /// <summary>Runs <paramref name="work"/> over all files of the input, best of three trials of about <paramref name="seconds"/> in all.</summary>
    private static Measurement Measure(BenchmarkInput input, double seconds, Func<string, object> work)
    {
        var sample = Sample.Best(seconds, () =>
        {
            foreach (var file in input.Files)
            {
                GC.KeepAlive(work(file));
            }
        });
        var files = sample.Rounds * input.Files.Count;
        return new Measurement(
            input.Bytes * sample.Rounds / 1e6 / sample.Wall.TotalSeconds,
            input.Bytes * sample.Rounds / 1e6 / sample.Cpu.TotalSeconds,
            sample.Cpu.TotalMilliseconds * 1e3 / files,
            sample.Allocated / (double)files);
    }

    private static string Format(double bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 20):N1} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1 << 10):N1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B"),
    };

    /// <param name="MegabytesPerSecond">Wall-clock throughput.</param>
    /// <param name="MegabytesPerCpuSecond">Throughput per second of this process's CPU time.</param>
    /// <param name="MicrosecondsPerFile">CPU time per file.</param>
    /// <param name="AllocatedPerFile">Bytes allocated per file.</param>
    private readonly record struct Measurement(double MegabytesPerSecond, double MegabytesPerCpuSecond, double MicrosecondsPerFile, double AllocatedPerFile);

    /// <summary>
    /// Time per file of each step of <see cref="DockerfileAnalyzer.Analyze"/>: splitting lines and checking Docker's
    /// line limit (<see cref="SourceText"/>), the Sprache grammar (<see cref="FileGrammar"/>), the build model
    /// (<see cref="DockerfileAnalyzer.BuildModel"/>: stages, variable expansion, shell reading) and the rules.
    /// </summary>
    private sealed record Phases(double Lines, double Grammar, double Model, double Rules)
    {
        private double Total => Lines + Grammar + Model + Rules;

        public string Describe(double microseconds) =>
            string.Create(CultureInfo.InvariantCulture, $"{microseconds,7:N1} {microseconds / Total,5:P0}");

        public static Phases Measure(BenchmarkInput input, double seconds)
        {
            var sources = input.Files.Select(text => new SourceText(text)).ToList();
            var syntaxes = sources.Select(source => FileGrammar.Dockerfile(TextInput.ForFile(source)).Value).ToList();
            var models = syntaxes.Select(syntax => DockerfileAnalyzer.BuildModel(syntax, AnalysisOptions.Default)).ToList();
            var lines = PerFile(input, seconds, i => new SourceText(input.Files[i]));
            var grammar = PerFile(input, seconds, i => FileGrammar.Dockerfile(TextInput.ForFile(sources[i])));
            var model = PerFile(input, seconds, i => DockerfileAnalyzer.BuildModel(syntaxes[i], AnalysisOptions.Default));
            var rules = PerFile(input, seconds, i =>
            {
                var context = new RuleContext(models[i], "Dockerfile");
                return AllRules.Sum(rule => rule.Analyze(context).Count());
            });
            return new Phases(lines, grammar, model, rules);
        }

        private static double PerFile(BenchmarkInput input, double seconds, Func<int, object> work)
        {
            var sample = Sample.Best(seconds / 4, () =>
            {
                for (var i = 0; i < input.Files.Count; i++)
                {
                    GC.KeepAlive(work(i));
                }
            });
            return sample.Cpu.TotalMilliseconds * 1e3 / (sample.Rounds * input.Files.Count);
        }
    }
}
