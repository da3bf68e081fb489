using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>cmd.exe: <c>%VAR%</c>, <c>&amp;</c>/<c>&amp;&amp;</c>/<c>||</c>/<c>|</c>, <c>^</c> escapes, double quotes, <c>set</c>, <c>if</c>, <c>for</c>.</summary>
internal sealed class CmdScriptReader
{
    private readonly ShellSession _session;
    private readonly ShellScope _scope;

    public CmdScriptReader(ShellSession session, ShellScope scope)
    {
        _session = session;
        _scope = scope;
    }

    public void Run(string line)
    {
        foreach (var segment in SplitCommands(Expand(line)))
        {
            RunSegment(segment);
        }
    }

    private static List<string> SplitCommands(string line)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '^' && !quoted && i + 1 < line.Length)
            {
                current.Append(c).Append(line[++i]);
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && c is '&' or '|' or '(' or ')' or '\n')
            {
                segments.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        segments.Add(current.ToString());
        return segments;
    }

    /// <summary><c>%NAME%</c> from the environment; <c>%%</c> is a percent sign; batch parameters are unknown.</summary>
    private string Expand(string line)
    {
        var text = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var close = c == '%' ? line.IndexOf('%', i + 1) : -1;
            if (close < 0)
            {
                text.Append(c);
                continue;
            }

            if (close == i + 1)
            {
                text.Append('%');
                i++;
                continue;
            }

            var name = line.Substring(i + 1, close - i - 1);
            if (name.IndexOf(' ') >= 0 || name.IndexOf('"') >= 0)
            {
                // `%i in (a b) do … %i`: a loop variable, not an environment variable.
                text.Append(Unknown.Marker);
                i++;
                while (i < line.Length && char.IsLetter(line[i]))
                {
                    i++;
                }

                i--;
                continue;
            }

            var value = _scope.Lookup(name);
            text.Append(value.Kind == VariableKind.Known ? value.Text : Unknown.Text);
            i = close;
        }

        return text.ToString();
    }

    private void RunSegment(string segment)
    {
        var trimmed = segment.Trim().TrimStart('@');
        var words = Tokenize(trimmed);
        for (var i = 0; i < words.Count; i++)
        {
            // A percent sign left after expansion is a loop variable or an undefined name: unknown.
            if (words[i].IndexOf('%') >= 0)
            {
                words[i] = Unknown.Text;
            }
        }

        if (words.Count == 0)
        {
            return;
        }

        var first = words[0].ToLowerInvariant();
        switch (first)
        {
            case "set":
                Set(trimmed.Substring(3).Trim());
                return;
            case "rem":
            case "::":
                return;
            case "if":
                var command = SkipCondition(words);
                _session.RunArgv(words.GetRange(command, words.Count - command), _scope, null, CommandFlavor.Windows);
                return;
            case "for":
                var doAt = words.FindIndex(w => string.Equals(w, "do", StringComparison.OrdinalIgnoreCase));
                if (doAt > 0)
                {
                    _session.RunArgv(words.GetRange(doAt + 1, words.Count - doAt - 1), _scope, null, CommandFlavor.Windows);
                }

                return;
            case "call":
                words.RemoveAt(0);
                break;
        }

        _session.RunArgv(words, _scope, null, CommandFlavor.Windows);
    }

    private void Set(string assignment)
    {
        if (assignment.StartsWith("/", StringComparison.Ordinal))
        {
            // `set /a` and `set /p` compute or prompt: unknown.
            var afterSwitch = assignment.Substring(Math.Min(2, assignment.Length)).Trim().Trim('"');
            var eq = afterSwitch.IndexOf('=');
            if (eq > 0)
            {
                _scope.Set(afterSwitch.Substring(0, eq).Trim(), null);
            }

            return;
        }

        var text = assignment.Length > 1 && assignment[0] == '"' && assignment.LastIndexOf('"') > 0
            ? assignment.Substring(1, assignment.LastIndexOf('"') - 1)
            : assignment;
        var equals = text.IndexOf('=');
        if (equals > 0)
        {
            _scope.Set(text.Substring(0, equals).Trim(), text.Substring(equals + 1));
        }
    }

    private static int SkipCondition(List<string> words)
    {
        var i = 1;
        if (i < words.Count && string.Equals(words[i], "/i", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }

        if (i < words.Count && string.Equals(words[i], "not", StringComparison.OrdinalIgnoreCase))
        {
            i++;
        }

        if (i >= words.Count)
        {
            return words.Count;
        }

        var keyword = words[i].ToLowerInvariant();
        if (keyword is "exist" or "defined" or "errorlevel" or "cmdextversion")
        {
            return Math.Min(i + 2, words.Count);
        }

        if (words[i].Contains("=="))
        {
            return Math.Min(i + 1, words.Count);
        }

        return Math.Min(i + 3, words.Count);
    }

    /// <summary>Words split on blanks outside quotes; quotes removed; redirections dropped.</summary>
    private static List<string> Tokenize(string command)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var inWord = false;
        var skipNext = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (!quoted && c == '^' && i + 1 < command.Length)
            {
                current.Append(command[++i]);
                inWord = true;
                continue;
            }

            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
                continue;
            }

            if (!quoted && c is '>' or '<')
            {
                if (current.Length == 1 && char.IsDigit(current[0]))
                {
                    current.Clear();
                    inWord = false;
                }

                EndWord(words, current, ref inWord, skip: false);
                while (i + 1 < command.Length && command[i + 1] is '>' or '&' or (>= '0' and <= '9'))
                {
                    i++;
                }

                skipNext = true;
                continue;
            }

            if (!quoted && c is ' ' or '\t' or '\r')
            {
                if (inWord)
                {
                    EndWord(words, current, ref inWord, skipNext);
                    skipNext = false;
                }

                continue;
            }

            current.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            EndWord(words, current, ref inWord, skipNext);
        }

        return words;
    }

    private static void EndWord(List<string> words, StringBuilder current, ref bool inWord, bool skip)
    {
        if (inWord && !skip)
        {
            words.Add(current.ToString());
        }

        current.Clear();
        inWord = false;
    }
}
