using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// A set of diagnostic codes as MSBuild properties write them (<c>NoWarn</c>, <c>WarningsAsErrors</c>, ...):
/// separated by <c>;</c> or <c>,</c>, padded with whitespace, compared without regard to case.
/// </summary>
internal sealed class WarningCodeList
{
    private static readonly char[] Separators = { ';', ',' };

    private readonly HashSet<string> codes;

    private WarningCodeList(HashSet<string> codes) => this.codes = codes;

    public static WarningCodeList Empty { get; } = Parse(null);

    public int Count => codes.Count;

    /// <summary>Reads a property value such as <c>"$(NoWarn);NRU001, nru002 ;;"</c>; empty entries are ignored.</summary>
    public static WarningCodeList Parse(string? value)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (value ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var code = part.Trim();
            if (code.Length > 0)
            {
                codes.Add(code);
            }
        }

        return new WarningCodeList(codes);
    }

    public bool Contains(string code) => codes.Contains(code);
}
