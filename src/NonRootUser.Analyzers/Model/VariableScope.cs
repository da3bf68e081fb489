using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Expansion;

namespace NonRootUser.Analyzers.Model;

/// <summary>
/// The variables visible to one instruction, as BuildKit builds them: declared ARGs (build arguments override their
/// defaults) overlaid by ENV (ENV always wins over an ARG of the same name). Values that were computed from a variable
/// with no value are "unknown": expanding anything that uses them cannot be trusted.
/// </summary>
internal sealed class VariableScope
{
    private readonly Dictionary<string, string> env;
    private readonly Dictionary<string, string> visible;
    private readonly Dictionary<string, IReadOnlyList<string>> unknown;

    private VariableScope(StringComparer comparer, IReadOnlyDictionary<string, string>? environment)
    {
        env = new Dictionary<string, string>(comparer);
        visible = new Dictionary<string, string>(comparer);
        unknown = new Dictionary<string, IReadOnlyList<string>>(comparer);
        if (environment is not null)
        {
            foreach (var pair in environment)
            {
                SetEnv(pair.Key, pair.Value, Array.Empty<string>());
            }
        }
    }

    public static VariableScope Create(bool caseInsensitive, IReadOnlyDictionary<string, string>? environment) =>
        new(caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal, environment);

    /// <summary>The variables as the shell lexer sees them.</summary>
    public IReadOnlyDictionary<string, string> Visible => visible;

    /// <summary>The ENV part, inherited by <c>FROM &lt;stage&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment => env;

    public string? Lookup(string name) => visible.TryGetValue(name, out var value) ? value : null;

    public void SetEnv(string name, string value, IReadOnlyList<string> unresolved)
    {
        env[name] = value;
        visible[name] = value;
        MarkUnknown(name, unresolved);
    }

    /// <summary>Declares an ARG; a null value leaves it without value (unset), unless ENV already defines it.</summary>
    public void DeclareArg(string name, string? value, IReadOnlyList<string> unresolved)
    {
        if (env.ContainsKey(name))
        {
            return;
        }

        if (value is null)
        {
            visible.Remove(name);
            unknown.Remove(name);
        }
        else
        {
            visible[name] = value;
            MarkUnknown(name, unresolved);
        }
    }

    /// <summary>Expands <paramref name="word"/> and says which variables without a value it depends on.</summary>
    public Expanded Expand(ShellLexer lexer, string word)
    {
        if (word.IndexOf('$') < 0)
        {
            if (IsLiteral(word, lexer.EscapeToken))
            {
                // Nothing to expand, no quote or escape to remove: the lexer would return the word itself.
                return new Expanded(word, Array.Empty<string>(), null);
            }

            var plain = lexer.ProcessWord(word, visible);
            return new Expanded(plain.Success ? plain.Value : word, Array.Empty<string>(), plain.Success ? null : plain.Error);
        }

        var result = lexer.ProcessWord(word, visible);
        var unresolved = new List<string>();
        foreach (var reference in VariableReferences.Find(word))
        {
            if (unknown.TryGetValue(reference.Name, out var causes))
            {
                AddAll(unresolved, causes);
            }
            else if (!visible.ContainsKey(reference.Name) && !reference.HasDefault)
            {
                AddAll(unresolved, new[] { reference.Name });
            }
        }

        return new Expanded(result.Success ? result.Value : word, unresolved, result.Success ? null : result.Error);
    }

    private static bool IsLiteral(string word, char escapeToken)
    {
        foreach (var c in word)
        {
            if (c == '\'' || c == '"' || c == escapeToken)
            {
                return false;
            }
        }

        return true;
    }

    private void MarkUnknown(string name, IReadOnlyList<string> unresolved)
    {
        if (unresolved.Count > 0)
        {
            unknown[name] = unresolved;
        }
        else
        {
            unknown.Remove(name);
        }
    }

    private static void AddAll(List<string> target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!target.Contains(name))
            {
                target.Add(name);
            }
        }
    }
}

/// <summary>An expanded word; <see cref="Unresolved"/> names the variables without value it depends on.</summary>
internal readonly record struct Expanded(string Value, IReadOnlyList<string> Unresolved, string? Error)
{
    public bool IsResolved => Unresolved.Count == 0 && Error is null;
}

/// <summary>Finds <c>$NAME</c> and <c>${NAME...}</c> references in a word, noting those with a default (<c>:-</c>, <c>-</c>).</summary>
internal static class VariableReferences
{
    public readonly record struct Reference(string Name, bool HasDefault);

    public static IEnumerable<Reference> Find(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] == '\'')
            {
                // Single quotes protect their content from expansion.
                var close = word.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    yield break;
                }

                i = close;
                continue;
            }

            if (word[i] != '$' || i + 1 >= word.Length)
            {
                continue;
            }

            if (i > 0 && word[i - 1] == '\\')
            {
                continue;
            }

            var braced = word[i + 1] == '{';
            var start = braced ? i + 2 : i + 1;
            var end = start;
            while (end < word.Length && (char.IsLetterOrDigit(word[end]) || word[end] == '_'))
            {
                end++;
            }

            if (end == start)
            {
                continue;
            }

            var hasDefault = braced && end < word.Length
                && (word[end] == '-' || (word[end] == ':' && end + 1 < word.Length && word[end + 1] == '-'));
            yield return new Reference(word.Substring(start, end - start), hasDefault);
            i = end - 1;
        }
    }
}
