using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// The options a command accepts, for getopt_long-style parsing: bundled short flags (<c>-ms /bin/bash</c>),
/// attached values (<c>-u1000</c>), <c>--long=value</c> and <c>--long value</c>, unique prefixes of long names
/// (<c>--sys</c>), <c>--</c>, and options after operands (GNU and musl permute).
/// </summary>
internal sealed class OptionSpec
{
    private readonly string _shortWithValue;
    private readonly Dictionary<string, LongOption> _long = new(StringComparer.Ordinal);

    /// <param name="shortWithValue">Short option letters that take a value.</param>
    /// <param name="longOptions">
    /// Long options as <c>name</c> (flag) or <c>name=</c> (takes a value), optionally followed by <c>:k</c> to report
    /// them under the short letter <c>k</c> (<c>"uid=:u"</c>); otherwise they are reported under their long name.
    /// </param>
    public OptionSpec(string shortWithValue, params string[] longOptions)
    {
        _shortWithValue = shortWithValue;
        foreach (var spec in longOptions)
        {
            var colon = spec.IndexOf(':');
            var head = colon < 0 ? spec : spec.Substring(0, colon);
            var takesValue = head.EndsWith("=", StringComparison.Ordinal);
            var name = takesValue ? head.Substring(0, head.Length - 1) : head;
            var key = colon < 0 ? name : spec.Substring(colon + 1);
            _long[name] = new LongOption(name, key, takesValue);
        }
    }

    public bool ShortTakesValue(char c) => _shortWithValue.IndexOf(c) >= 0;

    /// <summary>The long option named exactly <paramref name="name"/>, else the only one it is a prefix of.</summary>
    public LongOption? FindLong(string name)
    {
        if (_long.TryGetValue(name, out var exact))
        {
            return exact;
        }

        LongOption? found = null;
        foreach (var option in _long.Values)
        {
            if (option.Name.StartsWith(name, StringComparison.Ordinal))
            {
                if (found is not null && found.Key != option.Key)
                {
                    return null;
                }

                found = option;
            }
        }

        return found;
    }

    internal sealed record LongOption(string Name, string Key, bool TakesValue);
}

/// <summary>The result of parsing a command's arguments with an <see cref="OptionSpec"/>.</summary>
internal sealed class ParsedOptions
{
    private readonly List<KeyValuePair<string, string?>> _options = new();

    public List<string> Operands { get; } = new();

    /// <summary>Short option letters written as such (<c>-D</c>, <c>-S</c>): tells BusyBox syntax from Debian's.</summary>
    public HashSet<char> ShortLetters { get; } = new();

    /// <summary>Long option names as matched (full names, even when abbreviated on the command line).</summary>
    public HashSet<string> LongNames { get; } = new(StringComparer.Ordinal);

    public bool HasAnyOption => _options.Count > 0;

    public static ParsedOptions Parse(IReadOnlyList<string> args, int start, OptionSpec spec, bool stopAtFirstOperand = false)
    {
        var result = new ParsedOptions();
        var optionsEnded = false;
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-')
            {
                result.Operands.Add(arg);
                optionsEnded |= stopAtFirstOperand;
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
            }
            else if (arg[1] == '-')
            {
                i = result.ReadLong(args, i, spec);
            }
            else
            {
                i = result.ReadShortBundle(args, i, spec);
            }
        }

        return result;
    }

    public bool Has(string key)
    {
        foreach (var option in _options)
        {
            if (option.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of the last occurrence of <paramref name="key"/> (null when absent or valueless).</summary>
    public string? Value(string key)
    {
        for (var i = _options.Count - 1; i >= 0; i--)
        {
            if (_options[i].Key == key)
            {
                return _options[i].Value;
            }
        }

        return null;
    }

    private int ReadLong(IReadOnlyList<string> args, int i, OptionSpec spec)
    {
        var body = args[i].Substring(2);
        var equals = body.IndexOf('=');
        var name = equals < 0 ? body : body.Substring(0, equals);
        var value = equals < 0 ? null : body.Substring(equals + 1);
        var option = spec.FindLong(name);
        if (option is null)
        {
            LongNames.Add(name);
            _options.Add(new KeyValuePair<string, string?>(name, value));
            return i;
        }

        if (option.TakesValue && value is null && i + 1 < args.Count)
        {
            value = args[++i];
        }

        LongNames.Add(option.Name);
        _options.Add(new KeyValuePair<string, string?>(option.Key, value));
        return i;
    }

    private int ReadShortBundle(IReadOnlyList<string> args, int i, OptionSpec spec)
    {
        var arg = args[i];
        for (var j = 1; j < arg.Length; j++)
        {
            var letter = arg[j];
            ShortLetters.Add(letter);
            if (!spec.ShortTakesValue(letter))
            {
                _options.Add(new KeyValuePair<string, string?>(letter.ToString(), null));
                continue;
            }

            string? value = j + 1 < arg.Length ? arg.Substring(j + 1) : i + 1 < args.Count ? args[++i] : null;
            _options.Add(new KeyValuePair<string, string?>(letter.ToString(), value));
            break;
        }

        return i;
    }
}
