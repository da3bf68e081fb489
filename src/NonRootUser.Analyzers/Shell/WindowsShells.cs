using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// <c>cmd /S /C "…"</c> and <c>powershell -Command …</c>, the shells of Windows images. Their scripts are read
/// loosely — commands, quoting, <c>%VAR%</c> and <c>$env:VAR</c> — enough to find <c>net user … /add</c> and
/// <c>New-LocalUser</c>.
/// </summary>
internal static class WindowsShells
{
    /// <summary><c>cmd [/S] [/Q] … /C command line</c>.</summary>
    public static string? RunCmd(ShellSession session, IReadOnlyList<string> args, ShellScope scope)
    {
        var i = 1;
        for (; i < args.Count; i++)
        {
            var option = args[i].ToLowerInvariant();
            if (option is "/c" or "/k" or "/r")
            {
                i++;
                break;
            }

            if (!option.StartsWith("/", StringComparison.Ordinal))
            {
                // No /C: an interactive shell, nothing to read.
                return null;
            }
        }

        var line = string.Join(" ", Slice(args, i));
        if (line.Length >= 2 && line[0] == '"' && line[line.Length - 1] == '"')
        {
            // cmd /S strips the first and the last quote of the command line.
            line = line.Substring(1, line.Length - 2);
        }

        new CmdScriptReader(session, scope).Run(line);
        return null;
    }

    /// <summary><c>powershell|pwsh [-NoProfile …] -Command …</c>, <c>-EncodedCommand</c>, <c>-File</c>.</summary>
    public static string? RunPowerShell(ShellSession session, IReadOnlyList<string> args, ShellScope scope)
    {
        var isPwsh = string.Equals(ProgramName(args[0]), "pwsh", StringComparison.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] is not ('-' or '/'))
            {
                // A bare first argument is a command for Windows PowerShell, a script file for pwsh.
                return isPwsh ? Opaque(session) : Run(session, scope, string.Join(" ", Slice(args, i)));
            }

            var name = arg.Substring(1).ToLowerInvariant();
            if (name is "c" or "command" || (name.Length >= 3 && "command".StartsWith(name, StringComparison.Ordinal)))
            {
                return Run(session, scope, string.Join(" ", Slice(args, i + 1)));
            }

            if (name is "e" or "ec" or "enc" || (name.Length >= 3 && "encodedcommand".StartsWith(name, StringComparison.Ordinal)))
            {
                return i + 1 < args.Count ? Run(session, scope, DecodeBase64Utf16(args[i + 1])) : null;
            }

            if (name is "f" or "file")
            {
                return Opaque(session);
            }

            if (name is "executionpolicy" or "ep" or "ex" or "exec" or "inputformat" or "if" or "outputformat" or "of"
                or "windowstyle" or "w" or "version" or "v" or "psconsolefile" or "configurationname" or "config"
                or "workingdirectory" or "wd" or "settingsfile" or "custompipename")
            {
                i++;
            }
        }

        return null;
    }

    private static string? Run(ShellSession session, ShellScope scope, string script)
    {
        new PowerShellScriptReader(session, scope).Run(script, depth: 0);
        return null;
    }

    private static string? Opaque(ShellSession session)
    {
        session.Changes.MarkOpaqueScript();
        return null;
    }

    private static string ProgramName(string head)
    {
        var name = head.Substring(head.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
    }

    private static string DecodeBase64Utf16(string text)
    {
        try
        {
            return Encoding.Unicode.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return Unknown.Text;
        }
    }

    private static List<string> Slice(IReadOnlyList<string> list, int start)
    {
        var slice = new List<string>();
        for (var i = start; i < list.Count; i++)
        {
            slice.Add(list[i]);
        }

        return slice;
    }
}
