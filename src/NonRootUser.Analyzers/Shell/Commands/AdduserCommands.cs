using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// <c>adduser</c> and <c>addgroup</c>, which mean different things on Debian/Ubuntu (a Perl front end with long
/// options) and on Alpine/BusyBox (short options; <c>-g</c> is the GECOS field there). The syntax is told apart by
/// the options used; when nothing tells, the reading that creates the named user wins. Short options only
/// <c>useradd</c> has (<c>-m</c>, <c>-r</c>, …) mean RHEL-family <c>adduser</c>, which is <c>useradd</c>.
/// </summary>
/// <remarks>
/// BusyBox (loginutils/adduser.c): without <c>-G</c> a system user (<c>-S</c>) joins <c>nogroup</c>, any other user
/// gets a new group of its own name whose gid equals its uid; two operands and no option add an existing user to an
/// existing group. Debian (adduser(8)): <c>--system</c> alone puts the user in <c>nogroup</c>, <c>--system --group</c>
/// creates a same-named group, a normal user gets a same-named group unless <c>--ingroup</c>/<c>--gid</c>;
/// <c>--group</c> without <c>--system</c> only creates a group; <c>adduser USER GROUP</c> adds membership.
/// </remarks>
internal static class AdduserCommands
{
    private static readonly OptionSpec AdduserOptions = new(
        "hgsGuk",
        "home=", "shell=", "ingroup=", "gid=", "uid=", "gecos=", "comment=", "firstuid=", "lastuid=", "firstgid=",
        "lastgid=", "conf=", "skel=", "stdoutmsglevel=", "stderrmsglevel=", "logmsglevel=", "add-extra-groups",
        "add_extra_groups", "extrausers", "system", "group", "disabled-password", "empty-password", "disabled-login",
        "no-create-home", "no-copy-skel", "force-home", "quiet", "verbose", "debug", "force-badname", "allow-badname",
        "allow-bad-names", "allow-all-names", "encrypt-home", "help", "version", "unlock");

    private static readonly OptionSpec AddgroupOptions = new(
        "g",
        "gid=", "conf=", "firstgid=", "lastgid=", "stdoutmsglevel=", "stderrmsglevel=", "logmsglevel=", "system",
        "quiet", "verbose", "debug", "force-badname", "allow-badname", "allow-bad-names", "allow-all-names", "help",
        "version");

    private static readonly OptionSpec DeluserOptions = new(
        string.Empty,
        "conf=", "backup-to=", "group", "system", "remove-home", "remove-all-files", "backup", "only-if-empty", "force",
        "quiet", "verbose", "debug", "help", "version");

    /// <summary>Short options only BusyBox's adduser has.</summary>
    private static readonly HashSet<char> BusyBoxLetters = new() { 'D', 'S', 'H', 'h', 'g', 's', 'G', 'u', 'k' };

    /// <summary>Short options only shadow's useradd has: on RHEL, CentOS and Fedora adduser is useradd.</summary>
    private static readonly HashSet<char> UseraddLetters = new() { 'm', 'M', 'r', 'N', 'U', 'c', 'd', 'p', 'e', 'f', 'o', 'l', 'b', 'K', 'Z', 'R', 'P' };

    /// <summary>Long options only Debian's adduser has.</summary>
    private static readonly HashSet<string> DebianOnlyOptions = new()
    {
        "group", "gid", "quiet", "disabled-login", "firstuid", "lastuid", "firstgid", "lastgid", "conf", "comment",
        "add-extra-groups", "add_extra_groups", "extrausers", "verbose", "debug", "force-badname", "allow-badname",
        "allow-bad-names", "allow-all-names", "encrypt-home", "stdoutmsglevel", "stderrmsglevel", "logmsglevel",
        "no-copy-skel", "force-home",
    };

    /// <summary><c>adduser</c>; <paramref name="busyBox"/> when invoked as <c>busybox adduser</c>.</summary>
    public static void Adduser(IReadOnlyList<string> args, AccountChangesBuilder changes, bool busyBox)
    {
        var options = ParsedOptions.Parse(args, 1, AdduserOptions);
        if (options.Has("help") || options.Has("version") || options.Has("unlock") || options.Operands.Count == 0)
        {
            return;
        }

        if (!busyBox && options.ShortLetters.Overlaps(UseraddLetters))
        {
            ShadowUtilsCommands.Useradd(args, changes);
            return;
        }

        busyBox |= options.ShortLetters.Overlaps(BusyBoxLetters);
        var debianOnly = !busyBox && (options.LongNames.Overlaps(DebianOnlyOptions) || options.ShortLetters.Contains('q'));
        if (options.Operands.Count >= 2 && (!options.HasAnyOption || debianOnly))
        {
            // `adduser USER GROUP`: membership of an existing user in an existing group; nothing is created.
            return;
        }

        var name = options.Operands[0];
        if (!ShadowUtilsCommands.IsUsableName(name))
        {
            changes.MarkUnresolved();
            return;
        }

        var system = options.Has("system") || options.Has("S");
        var sameNamedGroup = !busyBox && options.Has("group");
        var gidOption = busyBox ? null : options.Value("gid");
        if (sameNamedGroup && !system)
        {
            changes.AddGroup(new GroupAccount(name, AccountFiles.ParseId(gidOption)));
            return;
        }

        var uid = AccountFiles.ParseId(options.Value("uid") ?? options.Value("u"));
        var existingGroup = options.Value("ingroup") ?? options.Value("G");
        if (existingGroup is not null)
        {
            changes.AddUser(new UserAccount(name, uid, AccountFiles.ParseId(existingGroup) ?? changes.FindGroupId(existingGroup)));
        }
        else if (sameNamedGroup)
        {
            var gid = AccountFiles.ParseId(gidOption);
            changes.AddUser(new UserAccount(name, uid, gid));
            changes.AddGroup(new GroupAccount(name, gid));
        }
        else if (gidOption is not null)
        {
            changes.AddUser(new UserAccount(name, uid, AccountFiles.ParseId(gidOption)));
        }
        else if (system)
        {
            // The primary group is nogroup, which already exists.
            changes.AddUser(new UserAccount(name, uid));
        }
        else if (busyBox)
        {
            changes.AddUser(new UserAccount(name, uid, uid));
            changes.AddGroup(new GroupAccount(name, uid));
        }
        else
        {
            changes.AddUser(new UserAccount(name, uid));
            changes.AddGroup(new GroupAccount(name));
        }
    }

    /// <summary>
    /// <c>deluser [--remove-home] USER</c>, <c>deluser --group GROUP</c>, <c>delgroup GROUP</c> (Debian and BusyBox);
    /// with two operands (<c>deluser USER GROUP</c>) only a membership is removed.
    /// </summary>
    public static void Deluser(IReadOnlyList<string> args, bool group, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, DeluserOptions);
        if (options.Has("help") || options.Has("version") || options.Operands.Count != 1)
        {
            return;
        }

        var name = options.Operands[0];
        if (!ShadowUtilsCommands.IsUsableName(name))
        {
            changes.MarkUnresolved();
        }
        else if (group || options.Has("group"))
        {
            changes.DeleteGroup(name);
        }
        else
        {
            changes.DeleteUser(name);
        }
    }

    /// <summary><c>addgroup [--system] [--gid N | -g N] [-S] NAME</c>; <c>addgroup USER GROUP</c> only adds membership.</summary>
    public static void Addgroup(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, AddgroupOptions);
        if (options.Has("help") || options.Has("version") || options.Operands.Count != 1)
        {
            return;
        }

        var name = options.Operands[0];
        if (!ShadowUtilsCommands.IsUsableName(name))
        {
            changes.MarkUnresolved();
            return;
        }

        changes.AddGroup(new GroupAccount(name, AccountFiles.ParseId(options.Value("gid") ?? options.Value("g"))));
    }
}
