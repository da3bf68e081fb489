using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell.Commands;

/// <summary>
/// Commands that rewrite a file in ways that cannot be read here: when the file is <c>/etc/passwd</c> or
/// <c>/etc/group</c>, the account database is marked as replaced.
/// </summary>
internal static class FileWriteCommands
{
    private static readonly OptionSpec CopyOptions = new(
        "tS",
        "target-directory=:t", "suffix=:S", "no-preserve=", "preserve", "backup", "reflink", "sparse=", "context");

    private static readonly OptionSpec InstallOptions = new(
        "gmotS",
        "group=:g", "mode=:m", "owner=:o", "target-directory=:t", "suffix=:S", "strip-program=", "directory:d");

    private static readonly OptionSpec RsyncOptions = new(
        "efBMT",
        "rsh=:e", "filter=:f", "block-size=:B", "remote-option=:M", "temp-dir=:T", "exclude=", "include=",
        "exclude-from=", "include-from=", "files-from=", "chown=", "chmod=", "rsync-path=", "log-file=",
        "partial-dir=", "backup-dir=", "suffix=", "compare-dest=", "copy-dest=", "link-dest=", "password-file=");

    private static readonly OptionSpec TruncateOptions = new("rs", "reference=:r", "size=:s");

    /// <summary><c>cp</c>, <c>mv</c>, <c>ln</c>, <c>install</c>, <c>rsync</c>: the destination is the last operand or <c>-t DIR</c>.</summary>
    public static void CopyLike(string command, IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var spec = command switch
        {
            "install" => InstallOptions,
            "rsync" => RsyncOptions,
            _ => CopyOptions,
        };
        var options = ParsedOptions.Parse(args, 1, spec);
        if (command == "install" && options.Has("d"))
        {
            return;
        }

        var operands = options.Operands;
        var target = options.Value("t");
        var sourceCount = operands.Count;
        if (target is null)
        {
            if (operands.Count < 2)
            {
                return;
            }

            target = operands[operands.Count - 1];
            sourceCount--;
        }

        if (AccountFiles.Classify(target) != AccountFile.None)
        {
            changes.MarkDatabaseReplaced();
            return;
        }

        if (!AccountFiles.IsEtcDirectory(target))
        {
            return;
        }

        for (var i = 0; i < sourceCount; i++)
        {
            if (AccountFiles.ClassifyByFileName(operands[i].TrimEnd('/')) != AccountFile.None)
            {
                changes.MarkDatabaseReplaced();
                return;
            }
        }
    }

    /// <summary><c>sed -i</c>, <c>perl -i</c>, <c>awk -i inplace</c> editing an account file.</summary>
    public static void InPlaceEditor(string command, IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var inPlace = false;
        var scriptGiven = false;
        var operands = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                for (i++; i < args.Count; i++)
                {
                    operands.Add(args[i]);
                }

                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                operands.Add(arg);
                continue;
            }

            if (arg.StartsWith("--", System.StringComparison.Ordinal))
            {
                inPlace |= arg.StartsWith("--in-place", System.StringComparison.Ordinal) || arg is "--include=inplace";
                var takesValue = arg is "--expression" or "--file" or "--include" or "--assign" or "--field-separator";
                scriptGiven |= arg.StartsWith("--expression", System.StringComparison.Ordinal) || arg.StartsWith("--file", System.StringComparison.Ordinal);
                if (takesValue && i + 1 < args.Count)
                {
                    inPlace |= arg == "--include" && args[i + 1] == "inplace";
                    i++;
                }

                continue;
            }

            i = ReadEditorBundle(command, args, i, ref inPlace, ref scriptGiven);
        }

        if (!inPlace)
        {
            return;
        }

        for (var i = scriptGiven ? 0 : 1; i < operands.Count; i++)
        {
            if (AccountFiles.Classify(operands[i]) != AccountFile.None)
            {
                changes.MarkDatabaseReplaced();
                return;
            }
        }
    }

    /// <summary><c>dd of=/etc/passwd</c>.</summary>
    public static void Dd(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i].StartsWith("of=", System.StringComparison.Ordinal) && AccountFiles.Classify(args[i].Substring(3)) != AccountFile.None)
            {
                changes.MarkDatabaseReplaced();
            }
        }
    }

    /// <summary><c>rm</c>, <c>truncate</c>, <c>shred</c>, editors, <c>patch</c>: any account file operand is rewritten.</summary>
    public static void RewritesOperands(IReadOnlyList<string> args, AccountChangesBuilder changes)
    {
        var options = ParsedOptions.Parse(args, 1, TruncateOptions);
        foreach (var operand in options.Operands)
        {
            if (AccountFiles.Classify(operand) != AccountFile.None)
            {
                changes.MarkDatabaseReplaced();
                return;
            }
        }
    }

    private static int ReadEditorBundle(string command, IReadOnlyList<string> args, int i, ref bool inPlace, ref bool scriptGiven)
    {
        var arg = args[i];
        for (var j = 1; j < arg.Length; j++)
        {
            var letter = arg[j];
            var rest = arg.Substring(j + 1);
            var takesValue = command switch
            {
                "awk" or "gawk" => letter is 'f' or 'v' or 'F' or 'i',
                "perl" => letter is 'e' or 'E',
                _ => letter is 'e' or 'f' or 'l',
            };
            if (letter == 'i' && command is "sed" or "perl")
            {
                // `-i`, `-i.bak`, `-ie`, `-pi`: whatever follows the i is a backup suffix.
                inPlace = true;
                return i;
            }

            if (!takesValue)
            {
                if (command == "perl" && letter is 'M' or 'm' or 'I' or 'x' or 'C' or 'd' or 'D' or 'l' or '0')
                {
                    return i;
                }

                continue;
            }

            var value = rest.Length > 0 ? rest : i + 1 < args.Count ? args[++i] : string.Empty;
            scriptGiven |= letter is 'e' or 'E' || (letter == 'f' && command != "perl");
            inPlace |= letter == 'i' && value == "inplace";
            return i;
        }

        return i;
    }
}
