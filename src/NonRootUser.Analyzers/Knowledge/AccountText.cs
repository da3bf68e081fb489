using System;
using System.Collections.Generic;
using System.Globalization;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>
/// The text forms of accounts used by the data file and by declared base images: a user is <c>name[:uid[:gid]]</c>
/// (e.g. <c>app:1654:1654</c>, <c>node:1000</c>, <c>ContainerUser</c>), a group is <c>name[:gid]</c>.
/// </summary>
internal static class AccountText
{
    public static bool TryParseUser(string text, out UserAccount? user, out string? error)
    {
        user = null;
        var fields = text.Split(':');
        if (fields.Length > 3 || !IsValidName(fields[0]))
        {
            error = $"user \"{text}\" is not name[:uid[:gid]]";
            return false;
        }

        if (!TryParseId(fields, 1, out var uid) || !TryParseId(fields, 2, out var gid))
        {
            error = $"user \"{text}\" has an id that is not a non-negative number";
            return false;
        }

        user = new UserAccount(fields[0], uid, gid);
        error = null;
        return true;
    }

    public static bool TryParseGroup(string text, out GroupAccount? group, out string? error)
    {
        group = null;
        var fields = text.Split(':');
        if (fields.Length > 2 || !IsValidName(fields[0]))
        {
            error = $"group \"{text}\" is not name[:gid]";
            return false;
        }

        if (!TryParseId(fields, 1, out var gid))
        {
            error = $"group \"{text}\" has an id that is not a non-negative number";
            return false;
        }

        group = new GroupAccount(fields[0], gid);
        error = null;
        return true;
    }

    /// <summary>Lenient form for declared images: a malformed id is dropped rather than the account.</summary>
    public static UserAccount? ParseUserLeniently(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (TryParseUser(trimmed!, out var user, out _))
        {
            return user;
        }

        var name = trimmed!.Split(':')[0].Trim();
        return name.Length == 0 ? null : new UserAccount(name);
    }

    /// <summary>Lenient form for declared images: a malformed id is dropped rather than the group.</summary>
    public static GroupAccount? ParseGroupLeniently(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (TryParseGroup(trimmed!, out var group, out _))
        {
            return group;
        }

        var name = trimmed!.Split(':')[0].Trim();
        return name.Length == 0 ? null : new GroupAccount(name);
    }

    /// <summary>
    /// Adds <paramref name="additions"/> to <paramref name="accounts"/>; an account whose name is already there
    /// replaces it in place (later facts win, order stays stable).
    /// </summary>
    public static void Merge<T>(List<T> accounts, IEnumerable<T> additions, Func<T, string> nameOf)
    {
        foreach (var addition in additions)
        {
            var index = accounts.FindIndex(a => string.Equals(nameOf(a), nameOf(addition), StringComparison.Ordinal));
            if (index >= 0)
            {
                accounts[index] = addition;
            }
            else
            {
                accounts.Add(addition);
            }
        }
    }

    private static bool IsValidName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c is ',' or '=' or ':' or '#')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseId(string[] fields, int index, out int? id)
    {
        id = null;
        if (fields.Length <= index || fields[index].Length == 0)
        {
            return true;
        }

        if (int.TryParse(fields[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            id = value;
            return true;
        }

        return false;
    }
}
