using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// The shadow-utils tools every glibc distribution ships (and Alpine's <c>shadow</c> package): <c>useradd</c>,
/// <c>groupadd</c>, <c>usermod</c>, <c>groupmod</c>, <c>newusers</c>. Defaults are those of Debian, Ubuntu, RHEL and
/// Fedora: <c>USERGROUPS_ENAB yes</c>, so <c>useradd x</c> also creates group x.
/// </summary>
internal static class ShadowUtilsCommands
{
    private static readonly OptionSpec UseraddOptions = new(
        "bcdefgGkKpRPsuZ",
        "base-dir=:b", "btrfs-subvolume-home", "comment=:c", "home-dir=:d", "defaults:D", "expiredate=:e",
        "inactive=:f", "gid=:g", "groups=:G", "help:h", "skel=:k", "key=:K", "no-log-init:l", "create-home:m",
        "no-create-home:M", "no-user-group:N", "non-unique:o", "password=:p", "system:r", "root=:R", "prefix=:P",
        "shell=:s", "uid=:u", "user-group:U", "selinux-user=:Z", "selinux-range=", "add-subids-for-system:F");

    private static readonly OptionSpec GroupaddOptions = new(
        "gKpRPU",
        "gid=:g", "key=:K", "non-unique:o", "password=:p", "system:r", "root=:R", "prefix=:P", "users=:U",
        "force:f", "help:h");

    private static readonly OptionSpec UsermodOptions = new(
        "cdefgGlpRPsuZvVwW",
        "comment=:c", "home=:d", "expiredate=:e", "inactive=:f", "gid=:g", "groups=:G", "login=:l", "password=:p",
        "root=:R", "prefix=:P", "shell=:s", "uid=:u", "selinux-user=:Z", "selinux-range=", "add-subuids=:v",
        "del-subuids=:V", "add-subgids=:w", "del-subgids=:W", "append:a", "remove:r", "lock:L", "unlock:U",
        "move-home:m", "non-unique:o", "help:h");

    private static readonly OptionSpec GroupmodOptions = new(
        "gnpRPU",
        "gid=:g", "new-name=:n", "non-unique:o", "password=:p", "root=:R", "prefix=:P", "users=:U", "append:a",
        "help:h");

    /// <summary><c>useradd [options] NAME</c>.</summary>
    public static void Useradd(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, UseraddOptions);
        if (options.Has("h") || options.Has("D") || WritesAnotherRoot(options))
        {
            return;
        }

        // shadow's useradd takes exactly one operand; if a misread option left more, the name is written last.
        if (!TryGetName(options.Operands, changes, out var name))
        {
            return;
        }

        var uid = AccountFiles.ParseId(options.Value("u"));
        var primaryGroup = options.Value("g");
        int? primaryGid = primaryGroup is null ? null : AccountFiles.ParseId(primaryGroup) ?? changes.FindGroupId(primaryGroup);
        changes.AddUser(new UserAccount(name, uid, primaryGid));
        if (primaryGroup is null && !options.Has("N"))
        {
            changes.AddGroup(new GroupAccount(name));
        }
    }

    /// <summary><c>groupadd [options] NAME</c>.</summary>
    public static void Groupadd(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, GroupaddOptions);
        if (options.Has("h") || WritesAnotherRoot(options) || !TryGetName(options.Operands, changes, out var name))
        {
            return;
        }

        changes.AddGroup(new GroupAccount(name, AccountFiles.ParseId(options.Value("g"))));
    }

    /// <summary><c>usermod -l NEW OLD</c> renames a user: the new name exists afterwards.</summary>
    public static void Usermod(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, UsermodOptions);
        var newName = options.Value("l");
        if (options.Has("h") || WritesAnotherRoot(options) || newName is null)
        {
            return;
        }

        if (!IsUsableName(newName))
        {
            changes.MarkUnresolved();
            return;
        }

        changes.AddUser(new UserAccount(newName, AccountFiles.ParseId(options.Value("u")), AccountFiles.ParseId(options.Value("g"))));
    }

    /// <summary><c>groupmod -n NEW OLD</c> renames a group.</summary>
    public static void Groupmod(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, GroupmodOptions);
        var newName = options.Value("n");
        if (options.Has("h") || WritesAnotherRoot(options) || newName is null)
        {
            return;
        }

        if (!IsUsableName(newName))
        {
            changes.MarkUnresolved();
            return;
        }

        changes.AddGroup(new GroupAccount(newName, AccountFiles.ParseId(options.Value("g"))));
    }

    /// <summary>
    /// <c>newusers [FILE]</c>: passwd-format lines from standard input. A user whose group field is empty or a
    /// name also gets that group created.
    /// </summary>
    public static void Newusers(IReadOnlyList<string> args, string? standardInput, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, new OptionSpec("cCRs", "crypt-method=:c", "root=:R", "sha-rounds=:s", "badname:b", "system:r"));
        var reads = options.Operands.Count == 0 || options.Operands[0] == "-" ? standardInput : null;
        if (reads is null)
        {
            changes.MarkDatabaseReplaced();
            return;
        }

        AccountFiles.RecordEntries(AccountFile.Passwd, reads, changes);
        foreach (var line in reads.Split('\n'))
        {
            var fields = line.Trim().Split(':');
            if (fields.Length >= 4 && IsUsableName(fields[0]) && Unknown.IsResolved(fields[3]) && AccountFiles.ParseId(fields[3]) is null)
            {
                changes.AddGroup(new GroupAccount(fields[3].Trim().Length == 0 ? fields[0] : fields[3].Trim()));
            }
        }
    }

    /// <summary>
    /// <c>userdel [-r] [-f] NAME</c>. With <c>USERGROUPS_ENAB yes</c> the user's own group (same name) goes too.
    /// </summary>
    public static void Userdel(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, new OptionSpec("RPZ", "root=:R", "prefix=:P", "force:f", "remove:r", "help:h", "selinux-user:Z"));
        if (!options.Has("h") && !WritesAnotherRoot(options) && TryGetName(options.Operands, changes, out var name))
        {
            changes.DeleteUser(name);
            changes.DeleteGroup(name);
        }
    }

    /// <summary><c>groupdel [-f] NAME</c>.</summary>
    public static void Groupdel(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, new OptionSpec("RP", "root=:R", "prefix=:P", "force:f", "help:h"));
        if (!options.Has("h") && !WritesAnotherRoot(options) && TryGetName(options.Operands, changes, out var name))
        {
            changes.DeleteGroup(name);
        }
    }

    /// <summary>
    /// A name that can be recorded: known, non-empty, not an option, and free of what no account tool accepts
    /// (blanks, <c>:</c>, <c>/</c>, a <c>$</c> other than Samba's trailing one). A literal <c>$NAME</c> is a
    /// variable that was never expanded, not a user.
    /// </summary>
    internal static bool IsUsableName(string name)
    {
        if (name.Length == 0 || !Unknown.IsResolved(name) || name[0] == '-')
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c) || c is ':' or '/' or '\\' || (c == '$' && i != name.Length - 1) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name operand (the last one); an unknown name is flagged and not returned.</summary>
    internal static bool TryGetName(List<string> operands, AccountChangesBuilder changes, out string name)
    {
        name = operands.Count == 0 ? string.Empty : operands[operands.Count - 1];
        if (operands.Count == 0)
        {
            return false;
        }

        if (IsUsableName(name))
        {
            return true;
        }

        changes.MarkUnresolved();
        return false;
    }

    /// <summary><c>-R /mnt/x</c> or <c>-P /mnt/x</c>: the account goes into another root, not this image's files.</summary>
    private static bool WritesAnotherRoot(ParsedOptions options)
    {
        foreach (var key in new[] { "R", "P" })
        {
            var root = options.Value(key);
            if (root is not null && root.Trim('/').Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
