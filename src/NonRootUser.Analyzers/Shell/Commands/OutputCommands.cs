using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// What <c>echo</c>, <c>printf</c> and <c>cat</c> print, so that the content they write into <c>/etc/passwd</c> or
/// <c>/etc/group</c> can be read.
/// </summary>
internal static class OutputCommands
{
    private const int MaxOutput = 1 << 20;

    /// <summary>
    /// <c>echo [-neE] words…</c>. Escapes are interpreted unless <c>-E</c>: dash (Debian's /bin/sh) always does, and a
    /// passwd line reads the same either way.
    /// </summary>
    public static string Echo(IReadOnlyList<string> args)
    {
        var i = 1;
        var newline = true;
        var escapes = true;
        for (; i < args.Count && IsEchoOption(args[i]); i++)
        {
            foreach (var letter in args[i])
            {
                newline &= letter != 'n';
                escapes = letter switch
                {
                    'e' => true,
                    'E' => false,
                    _ => escapes,
                };
            }
        }

        var text = new StringBuilder();
        for (var first = i; i < args.Count; i++)
        {
            if (i > first)
            {
                text.Append(' ');
            }

            text.Append(args[i]);
        }

        if (!escapes)
        {
            return newline ? text.Append('\n').ToString() : text.ToString();
        }

        var decoded = new StringBuilder(text.Length + 1);
        var raw = text.ToString();
        for (var k = 0; k < raw.Length; k++)
        {
            if (raw[k] != '\\' || k + 1 >= raw.Length)
            {
                decoded.Append(raw[k]);
                continue;
            }

            if (raw[k + 1] == 'c')
            {
                // `\c`: nothing more is printed, not even the newline.
                return decoded.ToString();
            }

            k += EscapeSequences.Decode(raw, k + 1, decoded, allowOctalWithoutZero: false);
        }

        return newline ? decoded.Append('\n').ToString() : decoded.ToString();
    }

    /// <summary><c>printf FORMAT [args…]</c>: the format is reused while arguments remain, as POSIX says.</summary>
    public static string? Printf(IReadOnlyList<string> args)
    {
        var i = 1;
        if (i < args.Count && args[i] == "--")
        {
            i++;
        }

        if (i >= args.Count || args[i] == "-v")
        {
            return i >= args.Count ? string.Empty : null;
        }

        var format = args[i];
        var arguments = new List<string>();
        for (i++; i < args.Count; i++)
        {
            arguments.Add(args[i]);
        }

        var output = new StringBuilder();
        var next = 0;
        do
        {
            var used = next;
            next = FormatOnce(format, arguments, next, output);
            if (next == used || output.Length > MaxOutput)
            {
                break;
            }
        }
        while (next < arguments.Count);

        return output.Length > MaxOutput ? null : output.ToString();
    }

    /// <summary><c>cat</c> or <c>cat -</c> prints its input; files cannot be read here.</summary>
    public static string? Cat(IReadOnlyList<string> args, string? standardInput)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] != "-" && !(args[i].Length > 1 && args[i][0] == '-'))
            {
                return null;
            }
        }

        return standardInput;
    }

    private static bool IsEchoOption(string arg)
    {
        if (arg.Length < 2 || arg[0] != '-')
        {
            return false;
        }

        for (var i = 1; i < arg.Length; i++)
        {
            if (arg[i] is not ('n' or 'e' or 'E'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats once, consuming arguments from <paramref name="next"/>; returns the next unused argument.</summary>
    private static int FormatOnce(string format, List<string> arguments, int next, StringBuilder output)
    {
        for (var k = 0; k < format.Length; k++)
        {
            var c = format[k];
            if (c == '\\' && k + 1 < format.Length)
            {
                k += EscapeSequences.Decode(format, k + 1, output, allowOctalWithoutZero: true);
                continue;
            }

            if (c != '%' || k + 1 >= format.Length)
            {
                output.Append(c);
                continue;
            }

            if (format[k + 1] == '%')
            {
                output.Append('%');
                k++;
                continue;
            }

            // Flags, width and precision are skipped; `*` takes an argument.
            var j = k + 1;
            while (j < format.Length && (format[j] is '-' or '+' or ' ' or '#' or '0' or '.' or '*' || char.IsDigit(format[j])))
            {
                if (format[j] == '*')
                {
                    next++;
                }

                j++;
            }

            if (j >= format.Length)
            {
                output.Append(format, k, format.Length - k);
                return next;
            }

            var argument = next < arguments.Count ? arguments[next] : string.Empty;
            next++;
            switch (format[j])
            {
                case 'b':
                    for (var a = 0; a < argument.Length; a++)
                    {
                        if (argument[a] == '\\' && a + 1 < argument.Length)
                        {
                            a += EscapeSequences.Decode(argument, a + 1, output, allowOctalWithoutZero: false);
                        }
                        else
                        {
                            output.Append(argument[a]);
                        }
                    }

                    break;
                case 'c':
                    if (argument.Length > 0)
                    {
                        output.Append(argument[0]);
                    }

                    break;
                default:
                    output.Append(argument);
                    break;
            }

            k = j;
        }

        return next;
    }
}
