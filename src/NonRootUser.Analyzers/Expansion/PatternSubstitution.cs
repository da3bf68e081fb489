using System.Text;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// The pattern operators of <c>${VAR...}</c>: <c>#</c>/<c>##</c> remove a prefix, <c>%</c>/<c>%%</c> a suffix,
/// <c>/</c> replaces the first match and <c>//</c> every match. Each returns null and an error for an invalid pattern
/// or when the matching budget is spent.
/// </summary>
internal static class PatternSubstitution
{
    /// <summary><c>${VAR#pattern}</c> (shortest) and <c>${VAR##pattern}</c> (longest).</summary>
    public static string? RemovePrefix(string value, string pattern, bool longest, ExpansionBudget budget, out string? error)
    {
        int length = MatchedPrefixLength(value, pattern, longest, budget, out error);
        return length < 0 ? null : value.Substring(length);
    }

    /// <summary>
    /// <c>${VAR%pattern}</c> (shortest) and <c>${VAR%%pattern}</c> (longest). As in BuildKit, the suffix is found as a
    /// prefix of the reversed value, using the reversed pattern.
    /// </summary>
    public static string? RemoveSuffix(string value, string pattern, bool longest, ExpansionBudget budget, out string? error)
    {
        string reversedValue = ShellPattern.ReverseRunes(value);
        int length = MatchedPrefixLength(reversedValue, ShellPattern.ReverseText(pattern), longest, budget, out error);
        // Reversal keeps every code point's width, so a prefix of the reversed value is a suffix of the same length.
        return length < 0 ? null : value.Substring(0, value.Length - length);
    }

    /// <summary><c>${VAR/pattern/replacement}</c> and <c>${VAR//pattern/replacement}</c>; stars are always greedy here.</summary>
    public static string? Replace(string value, string pattern, string replacement, bool all, ExpansionBudget budget, out string? error)
    {
        ShellPattern? compiled = Compile(pattern, greedy: true, out error);
        if (compiled is null)
        {
            return null;
        }

        if (!all)
        {
            if (compiled.TryFind(value, 0, anchored: false, budget, out int start, out int end))
            {
                return value.Substring(0, start) + replacement + value.Substring(end);
            }

            return OutOfBudget(budget, out error) ? null : value;
        }

        return ReplaceAll(value, compiled, replacement, budget, out error);
    }

    /// <summary>
    /// Go's <c>ReplaceAllString</c>: successive non-overlapping matches, an empty match right after a previous match is
    /// not replaced, and the search always advances by at least one code point.
    /// </summary>
    private static string? ReplaceAll(string value, ShellPattern pattern, string replacement, ExpansionBudget budget, out string? error)
    {
        var output = new StringBuilder(value.Length);
        int lastMatchEnd = 0;
        int searchFrom = 0;
        while (searchFrom <= value.Length && pattern.TryFind(value, searchFrom, anchored: false, budget, out int start, out int end))
        {
            output.Append(value, lastMatchEnd, start - lastMatchEnd);
            if (end > lastMatchEnd || start == 0)
            {
                ReplacementTemplate.AppendExpanded(output, replacement, value, start, end);
            }

            lastMatchEnd = end;
            int width = searchFrom < value.Length && char.IsSurrogatePair(value, searchFrom) ? 2 : searchFrom < value.Length ? 1 : 0;
            if (searchFrom + width > end)
            {
                searchFrom += width;
            }
            else if (searchFrom + 1 > end)
            {
                searchFrom++;
            }
            else
            {
                searchFrom = end;
            }
        }

        if (OutOfBudget(budget, out error))
        {
            return null;
        }

        output.Append(value, lastMatchEnd, value.Length - lastMatchEnd);
        return output.ToString();
    }

    /// <summary>The length of the prefix of <paramref name="value"/> the pattern matches, 0 when none, -1 on error.</summary>
    private static int MatchedPrefixLength(string value, string pattern, bool longest, ExpansionBudget budget, out string? error)
    {
        ShellPattern? compiled = Compile(pattern, longest, out error);
        if (compiled is null)
        {
            return -1;
        }

        if (compiled.TryFind(value, 0, anchored: true, budget, out _, out int end))
        {
            return end;
        }

        return OutOfBudget(budget, out error) ? -1 : 0;
    }

    private static ShellPattern? Compile(string pattern, bool greedy, out string? error)
    {
        ShellPattern? compiled = ShellPattern.Parse(pattern, greedy, out string? parseError);
        error = compiled is null ? $"invalid pattern ({ErrorText.Abbreviate(pattern)}) in substitution: {parseError}" : null;
        return compiled;
    }

    private static bool OutOfBudget(ExpansionBudget budget, out string? error)
    {
        error = budget.IsExhausted ? "pattern matching is too expensive (value or pattern too long)" : null;
        return budget.IsExhausted;
    }
}
