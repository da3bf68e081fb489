using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// Reads a RUN instruction the way its shell would and tells which users and groups it creates: <c>useradd</c>,
/// <c>groupadd</c>, Debian and BusyBox <c>adduser</c>/<c>addgroup</c>, <c>usermod -l</c>, lines written into
/// <c>/etc/passwd</c> and <c>/etc/group</c>, <c>net user /add</c>, <c>New-LocalUser</c>, and what it does to those files
/// that cannot be read. Never throws; time is linear in the input, and nesting and repetition are bounded.
/// </summary>
/// <example>
/// <code>
/// var changes = AccountCommandReader.ReadScript("groupadd -r app &amp;&amp; useradd -r -g app -u 1001 app", _ => null);
/// // changes.UsersCreated: app (1001); changes.GroupsCreated: app
/// </code>
/// </example>
public static class AccountCommandReader
{
    /// <summary>
    /// Reads a POSIX-sh script: a shell-form RUN command line (continuations joined) or a heredoc body.
    /// </summary>
    /// <param name="script">The script text.</param>
    /// <param name="variables">
    /// The value of an ARG or ENV variable in effect at this instruction, or null when it is unknown. An unknown
    /// variable with a default (<c>${UID:-1000}</c>) takes the default.
    /// </param>
    public static AccountChanges ReadScript(string script, Func<string, string?> variables)
    {
        var text = Unknown.Sanitize(script);
        return Read(text.Length, variables, (session, scope) => session.RunScript(text, scope));
    }

    /// <summary>
    /// Reads an exec-form RUN: <c>["useradd","-u","1000","app"]</c>, or a shell with its script
    /// (<c>["/bin/sh","-c","…"]</c>, <c>["cmd","/S","/C","…"]</c>, <c>["powershell","-Command","…"]</c>). The
    /// arguments themselves are not expanded (exec form has no shell); scripts handed to a shell are.
    /// </summary>
    public static AccountChanges ReadExec(IReadOnlyList<string> argv, Func<string, string?> variables)
    {
        var arguments = new List<string>();
        var length = 0;
        foreach (var argument in argv ?? Array.Empty<string>())
        {
            var text = Unknown.Sanitize(argument);
            arguments.Add(text);
            length += text.Length + 1;
        }

        return Read(length, variables, (session, scope) => session.RunArgv(arguments, scope, null, CommandFlavor.Posix));
    }

    /// <summary>
    /// Reads a shell-form RUN under the stage's SHELL: <paramref name="shell"/> is the SHELL instruction's argv
    /// (null or empty for the default <c>/bin/sh -c</c>); the command line becomes its last argument.
    /// </summary>
    public static AccountChanges ReadShellForm(string commandLine, IReadOnlyList<string>? shell, Func<string, string?> variables)
    {
        if (shell is null || shell.Count == 0)
        {
            return ReadScript(commandLine, variables);
        }

        var argv = new List<string>(shell) { commandLine ?? string.Empty };
        return ReadExec(argv, variables);
    }

    private static AccountChanges Read(int inputLength, Func<string, string?>? variables, Action<ShellSession, ShellScope> run)
    {
        var session = new ShellSession(inputLength);
        try
        {
            run(session, new ShellScope(variables));
        }
#pragma warning disable CA1031 // Public entry point: reading must never fail the build; what was found so far stands.
        catch (Exception)
#pragma warning restore CA1031
        {
            session.Changes.MarkUnresolved();
        }

        return session.Changes.Build();
    }
}
