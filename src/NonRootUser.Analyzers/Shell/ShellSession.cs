using System;
using System.Collections.Generic;
using System.Text;
using NonRootUser.Analyzers.Shell.Commands;

namespace NonRootUser.Analyzers.Shell;

/// <summary>Which family of tools a command line belongs to, when it matters for reading it.</summary>
internal enum CommandFlavor
{
    /// <summary>A POSIX shell with GNU/Debian tools (the default).</summary>
    Posix,

    /// <summary>Run as <c>busybox APPLET</c>: BusyBox option syntax is certain.</summary>
    BusyBox,

    /// <summary>From cmd.exe or PowerShell: command names are case-insensitive.</summary>
    Windows,
}

/// <summary>
/// Walks a parsed script as the shell would run it — expanding words, following pipelines, functions, loops,
/// <c>sh -c</c> and <c>eval</c> — and hands every command to the readers that know what it does to accounts.
/// Work is bounded: loops, function calls and <c>eval</c> stop repeating once a budget proportional to the input
/// is spent, and nesting is capped; what is skipped is reported as unresolved.
/// </summary>
internal sealed partial class ShellSession
{
    /// <summary>How deeply <c>sh -c</c>, <c>eval</c>, function calls and nested shells may nest.</summary>
    internal const int MaxNesting = 8;

    /// <summary>How deeply nodes may nest while running, across all scripts, functions and substitutions.</summary>
    private const int MaxRunDepth = 200;

    private const int MaxCapturedOutput = 1 << 20;

    private readonly Dictionary<string, ShellNode> _functions = new(StringComparer.Ordinal);
    private readonly long _workLimit;
    private long _work;
    private int _nesting;
    private int _runDepth;

    /// <param name="inputLength">Size of the text being read: sets the work budget.</param>
    public ShellSession(int inputLength)
    {
        _workLimit = 20_000 + (4L * inputLength);
    }

    public AccountChangesBuilder Changes { get; } = new();

    private bool OverBudget => _work > _workLimit;

    /// <summary>Reads and runs a POSIX-sh script; returns what it prints when <paramref name="capture"/>, if known.</summary>
    public string? RunScript(string script, ShellScope scope, bool capture = false)
    {
        if (!TryEnter())
        {
            return null;
        }

        try
        {
            var parsed = PosixShellParser.Parse(script);
            if (parsed.Truncated)
            {
                Changes.MarkUnresolved();
            }

            return RunList(parsed.Nodes, scope, capture);
        }
        finally
        {
            _nesting--;
        }
    }

    private bool TryEnter()
    {
        if (_nesting >= MaxNesting || (_nesting > 0 && OverBudget))
        {
            Changes.MarkUnresolved();
            return false;
        }

        _nesting++;
        return true;
    }

    private string? RunList(IReadOnlyList<ShellNode> nodes, ShellScope scope, bool capture)
    {
        var output = capture ? new StringBuilder() : null;
        var known = true;
        foreach (var node in nodes)
        {
            var printed = RunNode(node, scope, standardInput: null, capture);
            if (output is null)
            {
                continue;
            }

            if (printed is null || output.Length + printed.Length > MaxCapturedOutput)
            {
                known = false;
            }
            else
            {
                output.Append(printed);
            }
        }

        return output is not null && known ? output.ToString() : null;
    }

    private string? RunNode(ShellNode node, ShellScope scope, string? standardInput, bool capture)
    {
        if (_runDepth >= MaxRunDepth || !StackGuard.HasRoom())
        {
            Changes.MarkUnresolved();
            return null;
        }

        _runDepth++;
        try
        {
            return RunNodeCore(node, scope, standardInput, capture);
        }
        finally
        {
            _runDepth--;
        }
    }

    private string? RunNodeCore(ShellNode node, ShellScope scope, string? standardInput, bool capture)
    {
        switch (node)
        {
            case SimpleCommandNode command:
                return RunSimpleCommand(command, scope, standardInput);
            case PipelineNode pipeline:
                var data = standardInput;
                foreach (var stage in pipeline.Commands)
                {
                    data = RunNode(stage, scope, data, capture: true);
                }

                return data;
            case BlockNode block:
                return RunBlock(block, scope, capture);
            case ForNode loop:
                return RunFor(loop, scope, capture);
            case FunctionNode function:
                _functions[function.Name] = function.Body;
                return string.Empty;
            case WordsNode words:
                var expander = CreateExpander(scope);
                foreach (var word in words.Words)
                {
                    expander.ExpandText(word);
                }

                return string.Empty;
            default:
                return null;
        }
    }

    private string? RunBlock(BlockNode block, ShellScope scope, bool capture)
    {
        var expander = CreateExpander(scope);
        var output = RunList(block.Body, scope, capture || block.Redirections.Count > 0);
        return ApplyOutputRedirections(block.Redirections, expander, output);
    }

    private string? RunFor(ForNode loop, ShellScope scope, bool capture)
    {
        List<string>? values = null;
        if (loop.Items is not null)
        {
            var expander = CreateExpander(scope);
            values = new List<string>();
            foreach (var item in loop.Items)
            {
                values.AddRange(expander.ExpandFields(item));
            }
        }
        else if (scope.Positional is { } positional)
        {
            values = new List<string>(positional);
        }

        if (loop.Variable.Length == 0 || values is null)
        {
            // `for ((…))` or `for x` over unknown parameters: one pass with the variable unknown.
            if (loop.Variable.Length > 0)
            {
                scope.Set(loop.Variable, null);
            }

            return RunBlock(loop.Body, scope, capture);
        }

        var output = capture ? new StringBuilder() : null;
        var known = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0 && OverBudget)
            {
                // Out of budget: one last pass stands for all remaining items.
                scope.Set(loop.Variable, null);
                RunBlock(loop.Body, scope, capture: false);
                Changes.MarkUnresolved();
                return null;
            }

            scope.Set(loop.Variable, values[i]);
            var printed = RunBlock(loop.Body, scope, capture);
            if (printed is null || output is null)
            {
                known = false;
            }
            else if (output.Length + printed.Length <= MaxCapturedOutput)
            {
                output.Append(printed);
            }
        }

        return known && output is not null ? output.ToString() : null;
    }

    private string? RunSimpleCommand(SimpleCommandNode command, ShellScope scope, string? standardInput)
    {
        _work++;
        var expander = CreateExpander(scope);
        var argv = new List<string>();
        foreach (var word in command.Words)
        {
            argv.AddRange(expander.ExpandFields(word));
        }

        if (argv.Count == 0)
        {
            foreach (var assignment in command.Assignments)
            {
                Assign(assignment, scope, expander);
            }

            return ApplyOutputRedirections(command.Redirections, expander, string.Empty);
        }

        var commandScope = scope;
        if (command.Assignments.Count > 0)
        {
            // `VAR=x cmd`: the variable is in cmd's environment only.
            commandScope = scope.CreateChild();
            foreach (var assignment in command.Assignments)
            {
                Assign(assignment, commandScope, expander);
            }
        }

        var input = ReadStandardInput(command.Redirections, expander, standardInput);
        var output = RunArgv(argv, commandScope, input, CommandFlavor.Posix);
        return ApplyOutputRedirections(command.Redirections, expander, output);
    }

    private static void Assign(AssignmentNode assignment, ShellScope scope, WordExpander expander)
    {
        var value = expander.ExpandText(assignment.Value);
        if (assignment.Append)
        {
            var previous = scope.Lookup(assignment.Name);
            value = previous.Kind == VariableKind.Unknown ? Unknown.Text : previous.Text + value;
        }

        scope.Set(assignment.Name, value.Length > WordExpander.MaxValueLength ? Unknown.Text : value);
    }

    /// <summary>Standard input from here-documents, here-strings and <c>&lt; /dev/null</c>; other files are unknown.</summary>
    private static string? ReadStandardInput(IReadOnlyList<RedirectionNode> redirections, WordExpander expander, string? piped)
    {
        var input = piped;
        foreach (var redirection in redirections)
        {
            if (redirection.FileDescriptor is not (null or 0))
            {
                continue;
            }

            switch (redirection.Operator)
            {
                case "<<":
                case "<<-":
                    input = expander.ExpandText(redirection.HereDocument?.Body ?? ShellWord.Empty);
                    break;
                case "<<<":
                    input = expander.ExpandText(redirection.Target) + "\n";
                    break;
                case "<":
                    input = expander.ExpandText(redirection.Target) == "/dev/null" ? string.Empty : null;
                    break;
            }
        }

        return input;
    }

    /// <summary>
    /// Follows output redirections: a write into an account file records its entries when the content is known,
    /// and marks the database replaced otherwise. Returns what is left on standard output.
    /// </summary>
    private string? ApplyOutputRedirections(IReadOnlyList<RedirectionNode> redirections, WordExpander expander, string? output)
    {
        foreach (var redirection in redirections)
        {
            if (!redirection.WritesFile)
            {
                continue;
            }

            var file = AccountFiles.Classify(expander.ExpandText(redirection.Target));
            if (redirection.WritesStandardOutput)
            {
                if (file != AccountFile.None)
                {
                    WriteAccountFile(file, output, redirection.Appends);
                }

                output = string.Empty;
            }
            else if (file != AccountFile.None)
            {
                Changes.MarkDatabaseReplaced();
            }
        }

        return output;
    }

    /// <summary>
    /// Known content written to an account file becomes accounts. Unknown content, or an overwrite that leaves no
    /// account line, replaces the file in a way that cannot be read.
    /// </summary>
    internal void WriteAccountFile(AccountFile file, string? content, bool append)
    {
        if (content is null || (!append && content.IndexOf(':') < 0))
        {
            Changes.MarkDatabaseReplaced();
            return;
        }

        AccountFiles.RecordEntries(file, content, Changes);
    }

    private WordExpander CreateExpander(ShellScope scope) => new(scope, RunSubstitution);

    /// <summary>A command substitution runs in a subshell: its assignments do not leak; its output is captured.</summary>
    private string? RunSubstitution(IReadOnlyList<ShellNode> body, ShellScope scope) =>
        RunList(body, scope.CreateChild(), capture: true);

    private string? CallFunction(ShellNode body, IReadOnlyList<string> argv, ShellScope scope, string? standardInput)
    {
        if (!TryEnter())
        {
            return null;
        }

        try
        {
            var arguments = new List<string>(argv.Count);
            for (var i = 1; i < argv.Count; i++)
            {
                arguments.Add(argv[i]);
            }

            return RunNode(body, scope.CreateChild(arguments), standardInput, capture: true);
        }
        finally
        {
            _nesting--;
        }
    }
}
