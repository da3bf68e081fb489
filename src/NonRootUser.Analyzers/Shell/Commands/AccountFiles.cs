using System;
using System.Globalization;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>Which account file a path names.</summary>
internal enum AccountFile
{
    None,

    /// <summary><c>/etc/passwd</c>.</summary>
    Passwd,

    /// <summary><c>/etc/group</c>.</summary>
    Group,
}

/// <summary>Recognises <c>/etc/passwd</c> and <c>/etc/group</c> and reads lines written into them.</summary>
internal static class AccountFiles
{
    /// <summary>Which account file <paramref name="path"/> is (<c>//etc/./passwd</c> counts; a relative path does not).</summary>
    public static AccountFile Classify(string path)
    {
        if (path.Length == 0 || path[0] != '/' || !Unknown.IsResolved(path))
        {
            return AccountFile.None;
        }

        switch (Normalize(path))
        {
            case "/etc/passwd":
                return AccountFile.Passwd;
            case "/etc/group":
                return AccountFile.Group;
            default:
                return AccountFile.None;
        }
    }

    /// <summary>True for <c>/etc</c> or <c>/etc/</c>: a copy into it with a source named passwd or group replaces that file.</summary>
    public static bool IsEtcDirectory(string path) => path.Length > 0 && path[0] == '/' && Normalize(path) == "/etc";

    /// <summary>The account file a source path would become when copied into <c>/etc/</c>.</summary>
    public static AccountFile ClassifyByFileName(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        return name switch
        {
            "passwd" => AccountFile.Passwd,
            "group" => AccountFile.Group,
            _ => AccountFile.None,
        };
    }

    /// <summary>
    /// Records the entries of <paramref name="content"/> written to <paramref name="file"/>. Lines whose name is
    /// unknown make the result unresolved; an unknown id is recorded as null.
    /// </summary>
    public static void RecordEntries(AccountFile file, string content, AccountChangesBuilder changes)
    {
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] is '#' or '+' or '-')
            {
                continue;
            }

            var fields = line.Split(':');
            if (fields.Length < 3)
            {
                // Not an account line; if it may be one we cannot read, say so.
                if (!Unknown.IsResolved(line))
                {
                    changes.MarkUnresolved();
                }

                continue;
            }

            var name = fields[0];
            if (!Unknown.IsResolved(name) || name.Length == 0)
            {
                changes.MarkUnresolved();
                continue;
            }

            if (file == AccountFile.Passwd)
            {
                changes.AddUser(new UserAccount(name, ParseId(fields[2]), fields.Length > 3 ? ParseId(fields[3]) : null));
            }
            else
            {
                changes.AddGroup(new GroupAccount(name, ParseId(fields[2])));
            }
        }
    }

    /// <summary>A uid or gid as written, or null when it is not a plain non-negative number.</summary>
    public static int? ParseId(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        return text.Length > 0 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>An absolute path without <c>.</c>, <c>..</c>, doubled or trailing slashes.</summary>
    private static string Normalize(string path)
    {
        var normalized = UnixPath.Normalize(path);
        return normalized.Length > 1 ? normalized.TrimEnd('/') : normalized;
    }
}
