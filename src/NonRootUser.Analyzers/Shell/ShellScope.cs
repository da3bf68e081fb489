using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// Text that could not be computed is carried through expansion as this character, so a passwd line or an
/// argument can be part known and part unknown (<c>app:x:$UID:…</c>). Input never contains it: entry points
/// replace it first.
/// </summary>
internal static class Unknown
{
    public const char Marker = '\uFFFF';

    public static readonly string Text = Marker.ToString();

    public static bool IsResolved(string text) => text.IndexOf(Marker) < 0;

    /// <summary>Replaces the marker character in caller text, so it only ever means "unknown".</summary>
    public static string Sanitize(string? text) =>
        text is null ? string.Empty : text.IndexOf(Marker) < 0 ? text : text.Replace(Marker, '\uFFFD');
}

/// <summary>What a shell variable holds at some point of the script.</summary>
internal enum VariableKind
{
    /// <summary>A value is known.</summary>
    Known,

    /// <summary>Set to something that cannot be computed (an unknown ARG, <c>$(…)</c>, <c>read</c>).</summary>
    Unknown,

    /// <summary>Explicitly unset by the script.</summary>
    Unset,
}

/// <summary>A variable's state; <see cref="Text"/> is meaningful for <see cref="VariableKind.Known"/> only.</summary>
internal readonly record struct VariableValue(VariableKind Kind, string Text)
{
    public static VariableValue Unresolved { get; } = new(VariableKind.Unknown, string.Empty);

    public static VariableValue NotSet { get; } = new(VariableKind.Unset, string.Empty);

    public static VariableValue Of(string? text) => text is null ? Unresolved : new VariableValue(VariableKind.Known, text);
}

/// <summary>
/// Shell variables: what the script assigns, over the ARG/ENV values the caller knows. Child scopes (a function
/// call, <c>sh -c</c>, <c>VAR=x cmd</c>) see their parent's variables and may bind positional parameters.
/// </summary>
internal sealed class ShellScope
{
    private readonly Func<string, string?> _external;
    private readonly ShellScope? _parent;
    private readonly Dictionary<string, VariableValue> _variables = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string>? _positional;
    private readonly string? _scriptName;

    public ShellScope(Func<string, string?>? external)
    {
        _external = external ?? (_ => null);
    }

    private ShellScope(ShellScope parent, IReadOnlyList<string>? positional, string? scriptName)
    {
        _external = parent._external;
        _parent = parent;
        _positional = positional;
        _scriptName = scriptName;
    }

    /// <summary>The positional parameters <c>$1…</c> bound here or in a parent; null when unknown (the top level).</summary>
    public IReadOnlyList<string>? Positional => _positional ?? _parent?.Positional;

    public ShellScope CreateChild(IReadOnlyList<string>? positional = null, string? scriptName = null) =>
        new(this, positional, scriptName);

    public void Set(string name, string? valueOrUnknown) => _variables[name] = VariableValue.Of(valueOrUnknown);

    public void Unset(string name) => _variables[name] = VariableValue.NotSet;

    public VariableValue Lookup(string name)
    {
        if (name.Length > 0 && (char.IsDigit(name[0]) || name is "@" or "*" or "#"))
        {
            return LookupPositional(name);
        }

        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._variables.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        // `$?`, `$$`, `$!`, `$-` never have a value worth knowing here.
        if (name.Length == 1 && !char.IsLetter(name[0]) && name != "_")
        {
            return VariableValue.Unresolved;
        }

        try
        {
            return VariableValue.Of(_external(name));
        }
#pragma warning disable CA1031 // The caller's lookup must not break reading: a failing lookup is an unknown value.
        catch (Exception)
#pragma warning restore CA1031
        {
            return VariableValue.Unresolved;
        }
    }

    private VariableValue LookupPositional(string name)
    {
        if (name == "0")
        {
            for (var scope = this; scope is not null; scope = scope._parent)
            {
                if (scope._scriptName is not null)
                {
                    return VariableValue.Of(scope._scriptName);
                }
            }

            return VariableValue.Unresolved;
        }

        var positional = Positional;
        if (positional is null)
        {
            return VariableValue.Unresolved;
        }

        if (name is "@" or "*")
        {
            return VariableValue.Of(string.Join(" ", positional));
        }

        if (name == "#")
        {
            return VariableValue.Of(positional.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 1 && index <= positional.Count
            ? VariableValue.Of(positional[index - 1])
            : VariableValue.NotSet;
    }
}
