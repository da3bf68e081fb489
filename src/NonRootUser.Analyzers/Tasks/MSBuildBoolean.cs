using System;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>Reads property and metadata values as MSBuild reads booleans: a few spellings, in any case, trimmed.</summary>
internal static class MSBuildBoolean
{
    private static readonly string[] TrueSpellings = { "true", "on", "yes", "!false", "!off", "!no" };
    private static readonly string[] FalseSpellings = { "false", "off", "no", "!true", "!on", "!yes" };

    /// <summary>True for a spelling of true; anything else (empty included) is not true.</summary>
    public static bool IsTrue(string? value) => IsOneOf(value, TrueSpellings);

    /// <summary>True for a spelling of false; anything else (empty included) is not false.</summary>
    public static bool IsFalse(string? value) => IsOneOf(value, FalseSpellings);

    private static bool IsOneOf(string? value, string[] spellings)
    {
        var trimmed = value?.Trim();
        return Array.Exists(spellings, spelling => string.Equals(spelling, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
