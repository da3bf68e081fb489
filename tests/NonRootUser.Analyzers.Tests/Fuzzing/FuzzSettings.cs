using System.Globalization;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>
/// How long to fuzz. CI runs a few thousand cases; <c>build/fuzz.sh</c> sets <c>NRU_FUZZ_ITERATIONS</c> (cases per
/// property) for a long run, and <c>NRU_FUZZ_SEED</c> replays the CsCheck seed a failure printed.
/// </summary>
internal static class FuzzSettings
{
    public const string IterationsVariable = "NRU_FUZZ_ITERATIONS";
    public const string SeedVariable = "NRU_FUZZ_SEED";

    /// <summary>Per case: far above the few milliseconds a fuzzed file takes, far below a hang.</summary>
    public static readonly TimeSpan ParseLimit = TimeSpan.FromSeconds(5);

    /// <summary>Per case, for parse plus two analyses; past it the case counts as a hang.</summary>
    public static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(60);

    /// <summary>The number of cases for one property: <paramref name="ciDefault"/> unless the environment says otherwise.</summary>
    public static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) && iterations > 0
            ? iterations
            : ciDefault;

    public static string? Seed => Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } seed ? seed : null;
}
