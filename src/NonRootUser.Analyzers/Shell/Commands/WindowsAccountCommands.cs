using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>Windows local accounts: <c>net user NAME /add</c>, <c>net localgroup NAME /add</c>, <c>New-LocalUser</c>, <c>New-LocalGroup</c>.</summary>
internal static class WindowsAccountCommands
{
    private static readonly string[] LocalUserValueParameters =
    {
        "Name", "Password", "Description", "FullName", "AccountExpires", "ErrorAction", "WarningAction",
        "InformationAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer",
        "PipelineVariable",
    };

    private static readonly string[] LocalUserSwitchParameters =
    {
        "NoPassword", "Disabled", "AccountNeverExpires", "PasswordNeverExpires", "UserMayNotChangePassword", "WhatIf",
        "Confirm", "Verbose", "Debug",
    };

    /// <summary>
    /// <c>net user NAME [PASSWORD|*] /add [/options]</c> and <c>net localgroup NAME /add</c>. With a second operand,
    /// <c>net localgroup GROUP USER /add</c> only adds membership.
    /// </summary>
    public static void Net(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        if (args.Count < 3)
        {
            return;
        }

        var operands = new List<string>();
        var add = false;
        for (var i = 2; i < args.Count; i++)
        {
            if (args[i].StartsWith("/", StringComparison.Ordinal))
            {
                add |= string.Equals(args[i], "/add", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                operands.Add(args[i]);
            }
        }

        if (!add || operands.Count == 0)
        {
            return;
        }

        var subcommand = args[1].ToLowerInvariant();
        var name = operands[0];
        if (subcommand is "user" or "users")
        {
            if (IsUsable(name, changes))
            {
                changes.AddUser(new UserAccount(name));
            }
        }
        else if (subcommand == "localgroup" && operands.Count == 1 && IsUsable(name, changes))
        {
            changes.AddGroup(new GroupAccount(name));
        }
    }

    /// <summary><c>New-LocalUser [-Name] NAME …</c> / <c>New-LocalGroup [-Name] NAME …</c>, PowerShell parameter rules.</summary>
    public static void NewLocalAccount(IReadOnlyList<string> args, bool group, AccountChangesBuilder changes)
    {
        string? name = null;
        string? firstPositional = null;
        var whatIf = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] != '-' || !char.IsLetter(arg[1]))
            {
                firstPositional ??= arg;
                continue;
            }

            var colon = arg.IndexOf(':');
            var parameter = colon < 0 ? arg.Substring(1) : arg.Substring(1, colon - 1);
            string? inlineValue = colon < 0 ? null : arg.Substring(colon + 1);
            var resolved = ResolveParameter(parameter);
            if (resolved is null || Array.IndexOf(LocalUserSwitchParameters, resolved) >= 0)
            {
                whatIf |= resolved == "WhatIf" && inlineValue is null or "$true";
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (resolved == "Name")
            {
                name = value;
            }
        }

        name ??= firstPositional;
        if (whatIf || name is null || !IsUsable(name, changes))
        {
            return;
        }

        if (group)
        {
            changes.AddGroup(new GroupAccount(name));
        }
        else
        {
            changes.AddUser(new UserAccount(name));
        }
    }

    /// <summary>PowerShell matches parameter names case-insensitively and by unique prefix.</summary>
    private static string? ResolveParameter(string written)
    {
        string? found = null;
        foreach (var candidate in LocalUserValueParameters)
        {
            if (string.Equals(candidate, written, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (candidate.StartsWith(written, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? candidate : string.Empty;
            }
        }

        foreach (var candidate in LocalUserSwitchParameters)
        {
            if (string.Equals(candidate, written, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (candidate.StartsWith(written, StringComparison.OrdinalIgnoreCase))
            {
                found = found is null ? candidate : string.Empty;
            }
        }

        return string.IsNullOrEmpty(found) ? null : found;
    }

    private static bool IsUsable(string name, AccountChangesBuilder changes)
    {
        if (name.Length > 0 && Unknown.IsResolved(name))
        {
            return true;
        }

        changes.MarkUnresolved();
        return false;
    }
}
