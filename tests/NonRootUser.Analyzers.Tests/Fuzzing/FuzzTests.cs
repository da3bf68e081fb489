using CsCheck;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing: mutated real Dockerfiles, mutated bytes and grammar-generated Dockerfiles must never break
/// the parser or the analyzer (no internal error, positions inside the file, deterministic results, bounded time).
/// CI runs a few thousand cases; <c>build/fuzz.sh</c> runs many more.
/// </summary>
[NonParallelizable]
public class FuzzTests
{
    // Options that exercise target selection and build arguments, including targets that do not exist.
    private static readonly Gen<AnalysisOptions> Options = Gen.Frequency(
        (6, Gen.Const(AnalysisOptions.Default)),
        (1, Gen.OneOfConst("0", "1", "s0", "build", "final", "nope", "-1", "99999999999999999999", "").Select(target => AnalysisOptions.Default with { TargetStage = target })),
        (1, Gen.OneOfConst("UID", "APP_UID", "BASE", "U", "X").Select(name => AnalysisOptions.Default with { BuildArguments = new Dictionary<string, string> { [name] = "0" } })));

    [Test]
    public void Mutated_Dockerfiles_never_break_the_analyzer()
    {
        var seeds = SeedDockerfiles.All;
        var property = new FuzzProperty();
        var gen = Gen.Select(Gen.Int[0, seeds.Count - 1], TextMutation.Gen.Array[1, 6], Options);
        Sample(
            "mutated text",
            property,
            ciIterations: 1500,
            run: report => gen.Sample(
                (seed, mutations, options) => property.Check(Mutate(seeds[seed].Text, mutations), options, lineEndingsMatter: false),
                writeLine: report,
                seed: FuzzSettings.Seed,
                iter: FuzzSettings.Iterations(1500),
                print: c => $"{seeds[c.Item1]} with {string.Join(", ", c.Item2)}, target {c.Item3.TargetStage ?? "(last)"}\n{FuzzProperty.Describe(Mutate(seeds[c.Item1].Text, c.Item2))}"));
    }

    [Test]
    public void Mutated_bytes_never_break_the_parser()
    {
        var seeds = SeedDockerfiles.All;
        var property = new FuzzProperty();
        var gen = Gen.Select(Gen.Int[0, seeds.Count - 1], ByteMutation.Gen.Array[1, 8], Gen.Bool);
        Sample(
            "mutated bytes",
            property,
            ciIterations: 600,
            run: report => gen.Sample(
                (seed, mutations, bom) => property.Check(Mutate(Bytes(seeds[seed].Text, bom), mutations), AnalysisOptions.Default),
                writeLine: report,
                seed: FuzzSettings.Seed,
                iter: FuzzSettings.Iterations(600),
                print: c => $"{seeds[c.Item1]} (BOM: {c.Item3}) with {string.Join(", ", c.Item2)}\n{FuzzProperty.Describe(Invariants.LenientUtf8.GetString(Mutate(Bytes(seeds[c.Item1].Text, c.Item3), c.Item2)))}"));
    }

    [Test]
    public void Generated_Dockerfiles_parse_and_never_break_the_analyzer()
    {
        var property = new FuzzProperty();
        var gen = Gen.Select(DockerfileGrammar.Dockerfile, Options);
        Sample(
            "generated",
            property,
            ciIterations: 1000,
            run: report => gen.Sample(
                (text, options) => property.Check(text, options, mustParse: true, lineEndingsMatter: false),
                writeLine: report,
                seed: FuzzSettings.Seed,
                iter: FuzzSettings.Iterations(1000),
                print: c => FuzzProperty.Describe(c.Item1)));
    }

    [Test]
    public void Mutated_generated_Dockerfiles_never_break_the_analyzer()
    {
        var property = new FuzzProperty();
        var gen = Gen.Select(DockerfileGrammar.Dockerfile, TextMutation.Gen.Array[1, 4], Options);
        Sample(
            "mutated generated",
            property,
            ciIterations: 500,
            run: report => gen.Sample(
                (text, mutations, options) => property.Check(Mutate(text, mutations), options, lineEndingsMatter: false),
                writeLine: report,
                seed: FuzzSettings.Seed,
                iter: FuzzSettings.Iterations(500),
                print: c => $"with {string.Join(", ", c.Item2)}, target {c.Item3.TargetStage ?? "(last)"}\n{FuzzProperty.Describe(Mutate(c.Item1, c.Item2))}"));
    }

    [TestCaseSource(nameof(AllSeedNames))]
    public void Every_seed_keeps_the_invariants(string name) =>
        new FuzzProperty().Check(SeedDockerfiles.All.Single(seed => seed.Name == name).Text, AnalysisOptions.Default);

    [TestCaseSource(nameof(RealisticSeedNames))]
    public void Every_realistic_seed_parses(string name) =>
        new FuzzProperty().Check(SeedDockerfiles.Realistic.Single(seed => seed.Name == name).Text, AnalysisOptions.Default, mustParse: true, lineEndingsMatter: false);

    private static IEnumerable<string> AllSeedNames() => SeedDockerfiles.All.Select(seed => seed.Name);

    private static IEnumerable<string> RealisticSeedNames() => SeedDockerfiles.Realistic.Select(seed => seed.Name);

    private static string Mutate(string text, TextMutation[] mutations) => mutations.Aggregate(text, (current, mutation) => mutation.Apply(current));

    private static byte[] Mutate(byte[] bytes, ByteMutation[] mutations) => mutations.Aggregate(bytes, (current, mutation) => mutation.Apply(current));

    private static byte[] Bytes(string text, bool bom) =>
        (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>()).Concat(Invariants.LenientUtf8.GetBytes(text)).ToArray();

    // Runs one property and prints how many cases ran (build/fuzz.sh sums these lines).
    private static void Sample(string name, FuzzProperty property, long ciIterations, Action<Action<string>> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            run(line => TestContext.Progress.WriteLine($"fuzz: {name}: CsCheck: {line}"));
        }
        finally
        {
            TestContext.Progress.WriteLine($"fuzz: {name}: {property.Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s (CI default {ciIterations}, {FuzzSettings.IterationsVariable}={FuzzSettings.Iterations(ciIterations)}); {property.Statistics}");
        }

        Assert.That(property.FirstHang, Is.Null, () => $"a case did not finish within {FuzzSettings.CaseLimit.TotalSeconds} s:\n{property.FirstHang}");
    }
}
