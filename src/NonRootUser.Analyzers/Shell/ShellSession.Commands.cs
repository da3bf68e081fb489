using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Shell.Commands;

namespace NonRootUser.Analyzers.Shell;

/// <summary>Running one command: wrappers are peeled off, then the command goes to the reader that knows it.</summary>
internal sealed partial class ShellSession
{
    private static readonly OptionSpec SudoOptions = new(
        "ugpChrtDTU",
        "user=:u", "group=:g", "prompt=:p", "close-from=:C", "host=:h", "role=:r", "type=:t", "chdir=:D",
        "command-timeout=:T", "other-user=:U", "preserve-env", "login:i", "shell:s", "list:l", "validate:v");

    private static readonly OptionSpec EnvOptions = new(
        "uCS",
        "unset=:u", "chdir=:C", "split-string=:S", "ignore-environment:i", "null:0", "debug:v", "block-signal=",
        "default-signal=", "ignore-signal=", "list-signal-handling");

    private static readonly OptionSpec XargsOptions = new(
        "adEILnPs",
        "arg-file=:a", "delimiter=:d", "eof=:E", "replace=:I", "max-lines=:L", "max-args=:n", "max-procs=:P",
        "max-chars=:s", "process-slot-var=", "null:0", "no-run-if-empty:r", "interactive:p", "verbose:t", "exit:x",
        "open-tty:o");

    private static readonly OptionSpec SuOptions = new(
        "csgGwu",
        "command=:c", "session-command=:c", "shell=:s", "group=:g", "supp-group=:G", "whitelist-environment=:w",
        "user=:u", "login:l", "preserve-environment:p", "pty:P");

    private static readonly OptionSpec SetprivOptions = new(
        string.Empty,
        "ruid=", "euid=", "reuid=", "rgid=", "egid=", "regid=", "groups=", "inh-caps=", "ambient-caps=",
        "bounding-set=", "securebits=", "pdeathsig=", "selinux-label=", "apparmor-profile=", "landlock-access=",
        "landlock-rule=", "seccomp-filter=", "clear-groups", "keep-groups", "init-groups", "nnp", "no-new-privs",
        "reset-env", "dump");

    private static readonly OptionSpec ReadOptions = new("adinNptu");

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "yash", "posh", "hush",
    };

    /// <summary>Runs one command given as expanded arguments; returns what it prints, if known.</summary>
    public string? RunArgv(IReadOnlyList<string> argv, ShellScope scope, string? standardInput, CommandFlavor flavor)
    {
        var args = argv;
        for (var peeled = 0; peeled < 32; peeled++)
        {
            if (args.Count == 0)
            {
                return string.Empty;
            }

            var head = args[0];
            var name = CommandName(head);
            if (!Unknown.IsResolved(name) || name.Length == 0)
            {
                // `$CMD app`: whatever runs here cannot be told.
                Changes.MarkUnresolved();
                return null;
            }

            if (flavor != CommandFlavor.Windows && _functions.TryGetValue(head, out var function))
            {
                return CallFunction(function, args, scope, standardInput);
            }

            var wrapped = PeelWrapper(name, args, ref scope, ref flavor);
            if (wrapped is null)
            {
                return RunCommand(name, args, scope, standardInput, flavor);
            }

            if (wrapped.Count == 0)
            {
                return null;
            }

            args = wrapped;
        }

        return null;
    }

    /// <summary>The program's name: the last path segment, without <c>.exe</c>.</summary>
    private static string CommandName(string head)
    {
        var slash = head.LastIndexOfAny(new[] { '/', '\\' });
        var name = slash < 0 ? head : head.Substring(slash + 1);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
    }

    /// <summary>
    /// For commands that run another command (<c>sudo</c>, <c>env</c>, <c>exec</c>, <c>busybox</c>, …), the inner
    /// command line; an empty list when the wrapper runs nothing readable; null when <paramref name="name"/> is not
    /// a wrapper.
    /// </summary>
    private List<string>? PeelWrapper(string name, IReadOnlyList<string> args, ref ShellScope scope, ref CommandFlavor flavor)
    {
        switch (name)
        {
            case "sudo":
            case "doas":
                var sudo = ParsedOptions.Parse(args, 1, name == "sudo" ? SudoOptions : new OptionSpec("uC"), stopAtFirstOperand: true);
                return WithEnvironmentAssignments(sudo.Operands, ref scope);
            case "env":
                var env = ParsedOptions.Parse(args, 1, EnvOptions, stopAtFirstOperand: true);
                var inner = env.Value("S") is { } split ? SplitOnBlanks(split) : new List<string>();
                inner.AddRange(env.Operands);
                return WithEnvironmentAssignments(inner, ref scope);
            case "exec":
                return ParsedOptions.Parse(args, 1, new OptionSpec("a"), stopAtFirstOperand: true).Operands;
            case "command":
                var command = ParsedOptions.Parse(args, 1, new OptionSpec(string.Empty), stopAtFirstOperand: true);
                return command.Has("v") || command.Has("V") ? new List<string>() : command.Operands;
            case "builtin":
            case "nohup":
            case "eatmydata":
            case "chronic":
            case "unbuffer":
            case "catchsegv":
                return ParsedOptions.Parse(args, 1, new OptionSpec(string.Empty), stopAtFirstOperand: true).Operands;
            case "time":
                return ParsedOptions.Parse(args, 1, new OptionSpec("fo", "format=:f", "output=:o"), stopAtFirstOperand: true).Operands;
            case "nice":
                return ParsedOptions.Parse(args, 1, new OptionSpec("n", "adjustment=:n"), stopAtFirstOperand: true).Operands;
            case "ionice":
                return ParsedOptions.Parse(args, 1, new OptionSpec("cnp", "class=:c", "classdata=:n", "pid=:p"), stopAtFirstOperand: true).Operands;
            case "stdbuf":
                return ParsedOptions.Parse(args, 1, new OptionSpec("ioe", "input=:i", "output=:o", "error=:e"), stopAtFirstOperand: true).Operands;
            case "fakeroot":
                return ParsedOptions.Parse(args, 1, new OptionSpec("lsib", "lib=:l", "faked="), stopAtFirstOperand: true).Operands;
            case "setpriv":
                return ParsedOptions.Parse(args, 1, SetprivOptions, stopAtFirstOperand: true).Operands;
            case "timeout":
                var timeout = ParsedOptions.Parse(args, 1, new OptionSpec("sk", "signal=:s", "kill-after=:k"), stopAtFirstOperand: true).Operands;
                return timeout.Count > 0 ? timeout.GetRange(1, timeout.Count - 1) : timeout;
            case "gosu":
            case "su-exec":
                return args.Count > 2 ? Slice(args, 2) : new List<string>();
            case "busybox":
            case "toybox":
                flavor = CommandFlavor.BusyBox;
                return Slice(args, 1);
            case "chroot":
                var chroot = ParsedOptions.Parse(args, 1, new OptionSpec(string.Empty, "userspec=", "groups="), stopAtFirstOperand: true).Operands;
                // Accounts created under another root are not this image's accounts.
                return chroot.Count > 1 && chroot[0].Trim('/').Length == 0 ? chroot.GetRange(1, chroot.Count - 1) : new List<string>();
            default:
                return null;
        }
    }

    /// <summary>Leading <c>NAME=value</c> words of <c>env</c>/<c>sudo</c> go into a child scope; the rest is the command.</summary>
    private static List<string> WithEnvironmentAssignments(List<string> words, ref ShellScope scope)
    {
        var i = 0;
        ShellScope? child = null;
        for (; i < words.Count; i++)
        {
            var equals = words[i].IndexOf('=');
            if (equals <= 0 || !IsName(words[i].Substring(0, equals)))
            {
                break;
            }

            child ??= scope.CreateChild();
            child.Set(words[i].Substring(0, equals), words[i].Substring(equals + 1));
        }

        scope = child ?? scope;
        return words.GetRange(i, words.Count - i);
    }

    private string? RunCommand(string name, IReadOnlyList<string> args, ShellScope scope, string? standardInput, CommandFlavor flavor)
    {
        if (Shells.Contains(name))
        {
            return RunShell(args, scope, standardInput);
        }

        switch (name)
        {
            case "useradd":
                ShadowUtilsCommands.Useradd(args, Changes);
                return null;
            case "groupadd":
                ShadowUtilsCommands.Groupadd(args, Changes);
                return null;
            case "usermod":
                ShadowUtilsCommands.Usermod(args, Changes);
                return null;
            case "groupmod":
                ShadowUtilsCommands.Groupmod(args, Changes);
                return null;
            case "newusers":
                ShadowUtilsCommands.Newusers(args, standardInput, Changes);
                return null;
            case "adduser":
                AdduserCommands.Adduser(args, Changes, flavor == CommandFlavor.BusyBox);
                return null;
            case "addgroup":
                AdduserCommands.Addgroup(args, Changes);
                return null;
            case "userdel":
                ShadowUtilsCommands.Userdel(args, Changes);
                return null;
            case "groupdel":
                ShadowUtilsCommands.Groupdel(args, Changes);
                return null;
            case "deluser":
            case "delgroup":
                AdduserCommands.Deluser(args, group: name == "delgroup", Changes);
                return null;
            case "luseradd":
            case "lgroupadd":
            case "lusermod":
            case "lgroupmod":
            case "systemd-sysusers":
            case "vipw":
            case "vigr":
                // Tools whose effect on the files cannot be read from their arguments.
                Changes.MarkDatabaseReplaced();
                return null;
            case "cp":
            case "mv":
            case "ln":
            case "install":
            case "rsync":
                FileWriteCommands.CopyLike(name, args, Changes);
                return null;
            case "sed":
            case "perl":
            case "awk":
            case "gawk":
                FileWriteCommands.InPlaceEditor(name, args, Changes);
                return null;
            case "dd":
                FileWriteCommands.Dd(args, Changes);
                return null;
            case "rm":
            case "truncate":
            case "shred":
            case "ed":
            case "ex":
            case "vi":
            case "vim":
            case "nano":
            case "patch":
                FileWriteCommands.RewritesOperands(args, Changes);
                return null;
            case "tee":
            case "sponge":
                return Tee(name, args, standardInput);
            case "echo":
                return OutputCommands.Echo(args);
            case "printf":
                return OutputCommands.Printf(args);
            case "cat":
                return OutputCommands.Cat(args, standardInput);
            case "xargs":
                return Xargs(args, scope, standardInput, flavor);
            case "su":
            case "runuser":
                return RunAsUser(args, scope);
            case "eval":
                return RunScript(string.Join(" ", Slice(args, 1)), scope, capture: true);
            case "source":
            case ".":
                Changes.MarkOpaqueScript();
                return null;
            case "export":
            case "readonly":
            case "local":
            case "declare":
            case "typeset":
                Declare(args, scope);
                return string.Empty;
            case "unset":
                foreach (var variable in ParsedOptions.Parse(args, 1, new OptionSpec(string.Empty)).Operands)
                {
                    scope.Unset(variable);
                }

                return string.Empty;
            case "read":
                Read(args, scope);
                return string.Empty;
            case "true":
            case ":":
            case "set":
            case "cd":
            case "umask":
            case "shopt":
                return string.Empty;
            case "apt-get":
            case "apt":
            case "aptitude":
            case "apk":
            case "dnf":
            case "yum":
            case "microdnf":
            case "tdnf":
            case "zypper":
                PackageCommands.Install(name, args, Changes);
                return null;
        }

        return RunOtherCommand(name, args, scope);
    }

    /// <summary>Windows tools (any case) and scripts run by path.</summary>
    private string? RunOtherCommand(string name, IReadOnlyList<string> args, ShellScope scope)
    {
        switch (name.ToLowerInvariant())
        {
            case "net":
            case "net1":
                WindowsAccountCommands.Net(args, Changes);
                return null;
            case "new-localuser":
                WindowsAccountCommands.NewLocalAccount(args, group: false, Changes);
                return null;
            case "new-localgroup":
                WindowsAccountCommands.NewLocalAccount(args, group: true, Changes);
                return null;
            case "cmd":
                return WindowsShells.RunCmd(this, args, scope);
            case "powershell":
            case "pwsh":
                return WindowsShells.RunPowerShell(this, args, scope);
        }

        var head = args[0];
        if (head.StartsWith("./", StringComparison.Ordinal) || head.StartsWith("../", StringComparison.Ordinal)
            || HasScriptExtension(head))
        {
            Changes.MarkOpaqueScript();
        }

        return null;
    }

    private static bool HasScriptExtension(string path)
    {
        foreach (var extension in new[] { ".sh", ".bash", ".ps1", ".bat", ".cmd" })
        {
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>sh -c 'script' [$0 [args…]]</c>, <c>bash -s &lt;&lt;EOF</c>, <c>bash script.sh</c>.</summary>
    private string? RunShell(IReadOnlyList<string> args, ShellScope scope, string? standardInput)
    {
        var commandMode = false;
        var readsInput = false;
        var i = 1;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--" or "-")
            {
                i++;
                break;
            }

            if (arg is "-o" or "+o" or "-O" or "+O" or "--rcfile" or "--init-file")
            {
                i++;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            if (arg.Length < 2 || arg[0] is not ('-' or '+'))
            {
                break;
            }

            commandMode |= arg.IndexOf('c') > 0;
            readsInput |= arg.IndexOf('s') > 0;
        }

        if (commandMode)
        {
            if (i >= args.Count)
            {
                return null;
            }

            if (args[i].Trim() == Unknown.Text)
            {
                // `sh -c "$(curl …)"`: a whole script we cannot see.
                Changes.MarkOpaqueScript();
                return null;
            }

            var scriptName = i + 1 < args.Count ? args[i + 1] : null;
            var positional = i + 2 < args.Count ? Slice(args, i + 2) : new List<string>();
            return RunScript(args[i], scope.CreateChild(positional, scriptName), capture: true);
        }

        if (i < args.Count && !readsInput)
        {
            Changes.MarkOpaqueScript();
            return null;
        }

        if (standardInput is null)
        {
            // `curl … | sh`: a script we cannot see.
            Changes.MarkOpaqueScript();
            return null;
        }

        return RunScript(standardInput, scope.CreateChild(Slice(args, Math.Min(i, args.Count))), capture: true);
    }

    /// <summary><c>su [-] [user] -c 'script'</c>, <c>runuser -u user -- cmd</c>.</summary>
    private string? RunAsUser(IReadOnlyList<string> args, ShellScope scope)
    {
        var options = ParsedOptions.Parse(args, 1, SuOptions);
        if (options.Value("c") is { } script)
        {
            return RunScript(script, scope.CreateChild(), capture: true);
        }

        if (options.Has("u") && options.Operands.Count > 0 && CommandName(args[0]) == "runuser")
        {
            return RunArgv(options.Operands, scope, null, CommandFlavor.Posix);
        }

        return null;
    }

    /// <summary><c>xargs cmd</c>: the items come from standard input, known or not; <c>-I R</c> runs once per item.</summary>
    private string? Xargs(IReadOnlyList<string> args, ShellScope scope, string? standardInput, CommandFlavor flavor)
    {
        var options = ParsedOptions.Parse(args, 1, XargsOptions, stopAtFirstOperand: true);
        var command = options.Operands.Count == 0 ? new List<string> { "echo" } : options.Operands;
        var items = standardInput is null || options.Has("a") ? new List<string> { Unknown.Text } : SplitOnBlanks(standardInput);
        if (items.Count > 64)
        {
            items = new List<string> { Unknown.Text };
        }

        if (options.Value("I") is { Length: > 0 } placeholder)
        {
            foreach (var item in items)
            {
                var replaced = new List<string>(command.Count);
                foreach (var word in command)
                {
                    replaced.Add(word.Replace(placeholder, item));
                }

                RunArgv(replaced, scope, null, flavor);
            }

            return null;
        }

        var full = new List<string>(command);
        full.AddRange(items);
        return RunArgv(full, scope, null, flavor);
    }

    private string? Tee(string name, IReadOnlyList<string> args, string? standardInput)
    {
        var options = ParsedOptions.Parse(args, 1, new OptionSpec(string.Empty, "append:a", "ignore-interrupts:i", "output-error="));
        foreach (var operand in options.Operands)
        {
            var file = AccountFiles.Classify(operand);
            if (file != AccountFile.None)
            {
                WriteAccountFile(file, standardInput, options.Has("a"));
            }
        }

        return name == "tee" ? standardInput : string.Empty;
    }

    /// <summary><c>export NAME=value</c> and friends assign; options and bare names are ignored.</summary>
    private static void Declare(IReadOnlyList<string> args, ShellScope scope)
    {
        for (var i = 1; i < args.Count; i++)
        {
            var equals = args[i].IndexOf('=');
            if (equals > 0 && IsName(args[i].Substring(0, equals)))
            {
                scope.Set(args[i].Substring(0, equals), args[i].Substring(equals + 1));
            }
        }
    }

    /// <summary><c>read NAME…</c>: the names get values that cannot be known here.</summary>
    private static void Read(IReadOnlyList<string> args, ShellScope scope)
    {
        var options = ParsedOptions.Parse(args, 1, ReadOptions);
        if (options.Value("a") is { } array)
        {
            scope.Set(array, null);
        }

        if (options.Operands.Count == 0)
        {
            scope.Set("REPLY", null);
        }

        foreach (var variable in options.Operands)
        {
            if (IsName(variable))
            {
                scope.Set(variable, null);
            }
        }
    }

    private static bool IsName(string text)
    {
        if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c == '_' || (c < 128 && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> SplitOnBlanks(string text) =>
        new(text.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));

    private static List<string> Slice(IReadOnlyList<string> list, int start)
    {
        var slice = new List<string>(Math.Max(0, list.Count - start));
        for (var i = start; i < list.Count; i++)
        {
            slice.Add(list[i]);
        }

        return slice;
    }
}
