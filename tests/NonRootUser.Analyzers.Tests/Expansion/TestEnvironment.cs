namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>Builds environments from <c>NAME=value</c> strings, split at the first <c>=</c> (a later entry wins).</summary>
internal static class TestEnvironment
{
    public static IReadOnlyDictionary<string, string> Of(params string[] assignments) => Of(StringComparer.Ordinal, assignments);

    public static IReadOnlyDictionary<string, string> Of(StringComparer comparer, params string[] assignments)
    {
        var environment = new Dictionary<string, string>(comparer);
        foreach (string assignment in assignments)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            environment[equals < 0 ? assignment : assignment[..equals]] = equals < 0 ? string.Empty : assignment[(equals + 1)..];
        }

        return environment;
    }
}
