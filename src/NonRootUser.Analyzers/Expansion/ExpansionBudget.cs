namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// Caps the pattern-matching work one expansion may do, so a huge pattern applied to a huge value
/// (<c>${X//$HUGE/}</c>) fails cleanly instead of stalling the build. Ordinary Dockerfiles use a tiny fraction of it.
/// </summary>
internal sealed class ExpansionBudget
{
    /// <summary>Matcher steps allowed per call of <see cref="ShellLexer"/>: well under a second at worst.</summary>
    public const long DefaultSteps = 20_000_000;

    private long remaining;

    public ExpansionBudget(long steps = DefaultSteps) => remaining = steps;

    public bool IsExhausted => remaining < 0;

    /// <summary>Records <paramref name="steps"/> units of work; false once the budget is spent.</summary>
    public bool Spend(long steps)
    {
        remaining -= steps;
        return remaining >= 0;
    }
}
