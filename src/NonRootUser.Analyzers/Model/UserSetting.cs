using System;
using System.Collections.Generic;
using System.Linq;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>
/// A USER instruction as the build sees it: its value after ARG/ENV expansion, split into user and group, and the
/// accounts that exist at that point of its stage.
/// </summary>
public sealed class UserSetting
{
    internal UserSetting(UserInstruction instruction, StageModel stage, string? resolvedValue, IReadOnlyList<string> unresolvedVariables, AccountSet accounts, bool isWindows, string? expansionError = null)
    {
        ExpansionError = expansionError;
        Instruction = instruction;
        Stage = stage;
        ResolvedValue = resolvedValue;
        UnresolvedVariables = unresolvedVariables;
        Accounts = accounts;
        IsWindows = isWindows;
        if (resolvedValue is not null)
        {
            var colon = resolvedValue.IndexOf(':');
            User = colon < 0 ? resolvedValue : resolvedValue.Substring(0, colon);
            Group = colon < 0 ? null : resolvedValue.Substring(colon + 1);
        }
    }

    public UserInstruction Instruction { get; }

    /// <summary>The stage the instruction is written in (an ancestor of the analysed stage, possibly).</summary>
    public StageModel Stage { get; }

    /// <summary>The value after expansion; null when it cannot be resolved.</summary>
    public string? ResolvedValue { get; }

    /// <summary>Variables the value uses that have no value and no default.</summary>
    public IReadOnlyList<string> UnresolvedVariables { get; }

    public bool IsResolved => ResolvedValue is not null;

    /// <summary>Why BuildKit would fail to expand the value (e.g. <c>${UID?must be set}</c> on an unset UID), or null.</summary>
    public string? ExpansionError { get; }

    /// <summary>The user part (before <c>:</c>).</summary>
    public string? User { get; }

    /// <summary>The group part (after <c>:</c>), or null.</summary>
    public string? Group { get; }

    public AccountSet Accounts { get; }

    public bool IsWindows { get; }

    /// <summary>Whether this USER makes the container run as root (root, a zero uid, ContainerAdministrator, or an account whose uid is 0).</summary>
    public bool IsRoot => User is not null && UserNames.IsRoot(User, IsWindows, Accounts);

    public override string ToString() => $"{Instruction.Value.Value} => {ResolvedValue ?? "(unresolved: " + string.Join(", ", UnresolvedVariables) + ")"}";
}

/// <summary>Small facts about user names and ids.</summary>
public static class UserNames
{
    /// <summary>True for a numeric id such as <c>1654</c> (optionally signed, as Docker's strconv accepts <c>+0</c>).</summary>
    public static bool IsNumeric(string value)
    {
        var start = value.Length > 1 && (value[0] == '+' || value[0] == '-') ? 1 : 0;
        if (value.Length == start)
        {
            return false;
        }

        for (var i = start; i < value.Length; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for <c>0</c>, <c>00</c>, <c>+0</c>: numeric forms of uid 0.</summary>
    public static bool IsZero(string value) =>
        IsNumeric(value) && value.TrimStart('+', '-').All(c => c == '0');

    /// <summary>Whether <paramref name="user"/> (the part before the colon) is root.</summary>
    public static bool IsRoot(string user, bool isWindows, AccountSet? accounts)
    {
        if (isWindows)
        {
            return string.Equals(user, "ContainerAdministrator", StringComparison.OrdinalIgnoreCase)
                || string.Equals(user, "Administrator", StringComparison.OrdinalIgnoreCase);
        }

        if (user == "root" || IsZero(user))
        {
            return true;
        }

        return accounts?.FindUser(user) is { Uid: 0 };
    }
}
