using System.Globalization;
using System.Text;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>
/// Cost per construct: ~100 KB Dockerfiles made of one kind of line each (comments, RUN with continuations, ENV, …),
/// measured through grammar, model and rules. Says which grammar rule or model step to optimise, not only which phase.
/// </summary>
public static class ConstructProfile
{
    private const int Size = 100_000;

    /// <summary>Each construct: a name and the text of its n-th repetition.</summary>
    private static readonly (string Name, Func<int, string> Line)[] Constructs =
    {
        ("blank lines", _ => "\n"),
        ("comments", i => $"# comment {i}: some words of explanation for the next step\n"),
        ("RUN shell", i => $"RUN apt-get update && apt-get install -y --no-install-recommends curl{i} ca-certificates\n"),
        ("RUN continued (3 lines)", i => $"RUN apt-get update \\\n    && apt-get install -y curl{i} \\\n    && rm -rf /var/lib/apt/lists/*\n"),
        ("RUN exec (JSON)", i => $"RUN [\"dotnet\", \"restore\", \"src/App{i}.csproj\", \"--locked-mode\"]\n"),
        ("RUN heredoc", i => $"RUN <<EOF\nset -eux\necho step {i}\nEOF\n"),
        ("RUN useradd", i => $"RUN groupadd --gid {i} g{i} && useradd --uid {i} --gid g{i} --create-home u{i}\n"),
        ("RUN useradd (new stages)", i => $"FROM alpine AS s{i}\nRUN adduser -D -u {i} u{i}\nUSER u{i}\n"),
        ("ENV pairs", i => $"ENV NAME_{i}=value{i} OTHER_{i}=\"x y\" HOME=/home/$NAME_{i}\n"),
        ("ARG", i => $"ARG VERSION_{i}=1.0.{i}\n"),
        ("LABEL", i => $"LABEL org.example.k{i}=\"v {i}\" other{i}=x\n"),
        ("COPY --from", i => $"COPY --from=base --chown=app:app src/{i}/ /app/{i}/\n"),
        ("USER", i => $"USER u{i % 7}:g{i % 3}\n"),
        ("FROM (stages)", i => $"FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS s{i}\n"),
    };

    private static readonly Rule[] AllRules = DockerfileAnalyzer.StageRules;

    public static void Run(double secondsPerMeasurement)
    {
        Console.WriteLine($"cost per construct (~{Size / 1000} KB of one kind of line after 'FROM alpine AS base'; MB per CPU second and bytes allocated per input byte)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"construct",-26} {"lines",7} | {"parse MB/cpu-s",14} {"alloc/B",8} | {"model MB/cpu-s",14} {"alloc/B",8} | {"rules MB/cpu-s",14}"));
        foreach (var (name, line) in Constructs)
        {
            var text = Build(line, out var lines);
            var bytes = Encoding.UTF8.GetByteCount(text);
            var parsed = DockerfileParser.Parse(text);
            if (!parsed.Success)
            {
                Console.WriteLine($"{name,-26} does not parse: {parsed.Errors[0]}");
                continue;
            }

            var syntax = parsed.Syntax!;
            var model = DockerfileAnalyzer.BuildModel(syntax, AnalysisOptions.Default);
            var parse = Cost(bytes, secondsPerMeasurement, () => DockerfileParser.Parse(text));
            var modelCost = Cost(bytes, secondsPerMeasurement, () => DockerfileAnalyzer.BuildModel(syntax, AnalysisOptions.Default));
            var rules = Cost(bytes, secondsPerMeasurement, () =>
            {
                var context = new RuleContext(model, "Dockerfile");
                return AllRules.Sum(rule => rule.Analyze(context).Count());
            });
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-26} {lines,7:N0} | {parse.MegabytesPerCpuSecond,14:N1} {parse.AllocatedPerByte,8:N0} | {modelCost.MegabytesPerCpuSecond,14:N1} {modelCost.AllocatedPerByte,8:N0} | {rules.MegabytesPerCpuSecond,14:N1}"));
        }
    }

    /// <summary>
    /// Parse+analyse throughput of each construct at 10 KB and at 1 MB: a ratio well above 1 means the cost grows
    /// faster than the file (something is copied or rescanned per line).
    /// </summary>
    public static void RunScaling(double secondsPerMeasurement)
    {
        Console.WriteLine("scaling per construct (parse+analyse MB per CPU second at 10 KB and 1 MB; ratio > 2 means superlinear)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"construct",-26} | {"10 KB",8} {"1 MB",8} {"ratio",6}"));
        foreach (var (name, line) in Constructs)
        {
            var small = Build(line, 10_000, out _);
            var large = Build(line, 1_000_000, out _);
            var smallCost = Cost(Encoding.UTF8.GetByteCount(small), secondsPerMeasurement, () => DockerfileAnalyzer.Analyze(small, "Dockerfile", AnalysisOptions.Default));
            var largeCost = Cost(Encoding.UTF8.GetByteCount(large), secondsPerMeasurement, () => DockerfileAnalyzer.Analyze(large, "Dockerfile", AnalysisOptions.Default));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name,-26} | {smallCost.MegabytesPerCpuSecond,8:N1} {largeCost.MegabytesPerCpuSecond,8:N1} {smallCost.MegabytesPerCpuSecond / largeCost.MegabytesPerCpuSecond,6:N1}"));
        }
    }

    private static string Build(Func<int, string> line, out int count) => Build(line, Size, out count);

    private static string Build(Func<int, string> line, int size, out int count)
    {
        var text = new StringBuilder("FROM alpine AS base\n", size + 200);
        count = 0;
        while (text.Length < size)
        {
            text.Append(line(count++));
        }

        return text.ToString();
    }

    private static (double MegabytesPerCpuSecond, double AllocatedPerByte) Cost(long bytes, double seconds, Func<object> work)
    {
        var sample = Sample.Best(seconds, () => GC.KeepAlive(work()));
        return (bytes * sample.Rounds / 1e6 / sample.Cpu.TotalSeconds, sample.Allocated / (double)(bytes * sample.Rounds));
    }
}
