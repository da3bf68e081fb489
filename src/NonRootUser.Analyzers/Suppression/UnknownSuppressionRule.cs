using System;
using System.Collections.Generic;
using System.Globalization;
using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Suppression;

/// <summary>
/// NRU006: a <c># nonroot-user</c> comment names a rule the package does not have, or is not written as
/// <c>ignore=&lt;ids&gt;</c>. Reported by <see cref="InlineSuppressions"/>, not by a stage rule.
/// </summary>
public static class UnknownSuppressionRule
{
    public const string Id = RuleIdentifiers.SuppressionNamesUnknownRule;

    public static RuleDescriptor Descriptor => RuleDescriptors.SuppressionNamesUnknownRule;

    /// <summary>Every rule id a suppression comment may name: the registry's and this one.</summary>
    internal static IReadOnlyList<string> KnownIds { get; } = CollectKnownIds();

    /// <summary>The known ids for a message: <c>NRU000–NRU006</c> when they run without a gap, else listed.</summary>
    internal static string KnownIdsText { get; } = DescribeIds(KnownIds);

    internal static bool IsKnown(string id)
    {
        foreach (var known in KnownIds)
        {
            if (string.Equals(known, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> CollectKnownIds()
    {
        var ids = new List<string>();
        foreach (var rule in RuleDescriptors.All)
        {
            ids.Add(rule.Id);
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private static string DescribeIds(IReadOnlyList<string> ids)
    {
        if (ids.Count > 2 && AreConsecutive(ids))
        {
            return ids[0] + "\u2013" + ids[ids.Count - 1];
        }

        return string.Join(", ", ids);
    }

    private static bool AreConsecutive(IReadOnlyList<string> ids)
    {
        for (var i = 1; i < ids.Count; i++)
        {
            if (!TrySplit(ids[i - 1], out var previousPrefix, out var previousNumber)
                || !TrySplit(ids[i], out var prefix, out var number)
                || !string.Equals(previousPrefix, prefix, StringComparison.Ordinal)
                || number != previousNumber + 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>NRU006</c> → (<c>NRU</c>, 6).</summary>
    private static bool TrySplit(string id, out string prefix, out int number)
    {
        var digitsStart = id.Length;
        while (digitsStart > 0 && id[digitsStart - 1] >= '0' && id[digitsStart - 1] <= '9')
        {
            digitsStart--;
        }

        prefix = id.Substring(0, digitsStart);
        return int.TryParse(id.Substring(digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
