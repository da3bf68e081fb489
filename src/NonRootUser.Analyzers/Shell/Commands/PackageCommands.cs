using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// Package installs. Packages such as nginx or postgresql create system users from their install scripts, so the
/// analysis may want to know which were installed.
/// </summary>
internal static class PackageCommands
{
    private static readonly OptionSpec AptOptions = new("oct", "option=:o", "config-file=:c", "target-release=:t", "default-release=:t");

    private static readonly OptionSpec ApkOptions = new(
        "tXpU",
        "virtual=:t", "repository=:X", "root=:p", "arch=", "cache-dir=", "keys-dir=", "repositories-file=", "update-cache:U");

    private static readonly OptionSpec RpmFamilyOptions = new(
        "xRcde",
        "exclude=:x", "setopt=", "enablerepo=", "disablerepo=", "releasever=", "installroot=", "repo=", "repoid=",
        "config=:c", "debuglevel=:d", "errorlevel=:e", "nobest", "best");

    private static readonly OptionSpec ZypperOptions = new("trRDp", "type=:t", "repo=:r", "from=", "root=:R");

    /// <summary>Records the packages of an install command; other subcommands are ignored.</summary>
    public static void Install(string command, IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var (spec, verbs) = command switch
        {
            "apk" => (ApkOptions, new[] { "add" }),
            "apt-get" or "apt" or "aptitude" => (AptOptions, new[] { "install", "reinstall" }),
            "zypper" => (ZypperOptions, new[] { "install", "in" }),
            _ => (RpmFamilyOptions, new[] { "install", "in", "reinstall" }),
        };
        var options = ParsedOptions.Parse(args, 1, spec);
        var operands = options.Operands;
        var verbAt = -1;
        for (var i = 0; i < operands.Count && verbAt < 0; i++)
        {
            if (Array.IndexOf(verbs, operands[i]) >= 0)
            {
                verbAt = i;
            }
            else
            {
                // The first operand is the subcommand, and it is not an install.
                return;
            }
        }

        for (var i = verbAt + 1; verbAt >= 0 && i < operands.Count; i++)
        {
            var name = PackageName(operands[i]);
            if (name is not null)
            {
                changes.AddPackage(name);
            }
        }
    }

    /// <summary><c>nginx=1.2-3</c>, <c>curl~8</c>, <c>pkg@edge</c>, <c>bash&gt;5</c> → the name; local files and unknowns are skipped.</summary>
    private static string? PackageName(string operand)
    {
        if (!Unknown.IsResolved(operand) || operand.IndexOf('/') >= 0 || operand.EndsWith(".rpm", StringComparison.Ordinal)
            || operand.EndsWith(".deb", StringComparison.Ordinal) || operand.EndsWith(".apk", StringComparison.Ordinal))
        {
            return null;
        }

        var end = operand.IndexOfAny(new[] { '=', '~', '@', '>', '<' });
        var name = end < 0 ? operand : operand.Substring(0, end);
        return name.Length == 0 ? null : name;
    }
}
