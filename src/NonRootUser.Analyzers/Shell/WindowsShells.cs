using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// <c>cmd /S /C "…"</c> and <c>powershell -Command …</c>, the shells of Windows images. Their scripts are read
/// loosely — commands, quoting, <c>%VAR%</c> and <c>$env:VAR</c> — enough to find <c>net user … /add</c> and
/// <c>New-LocalUser</c>.
/// </summary>
internal static class WindowsShells
{
    /// <summary><c>cmd [/S] [/Q] … /C command line</c>.</summary>
    public static string? RunCmd(ShellSession session, IReadOnlyList<string> args, ShellScope scope)
    {
        var i = 1;
        for (; i < args.Count; i++)
        {
            var option = args[i].ToLowerInvariant();
            if (option is "/c" or "/k" or "/r")
            {
                i++;
                break;
            }

            if (!option.StartsWith("/", StringComparison.Ordinal))
            {
                // No /C: an interactive shell, nothing to read.
                return null;
            }
        }

        if (i > args.Count)
        {
            return null;
        }

        var line = string.Join(" ", Slice(args, i));
        if (line.Length >= 2 && line[0] == '"' && line[line.Length - 1] == '"')
        {
            // cmd /S strips the first and the last quote of the command line.
            line = line.Substring(1, line.Length - 2);
        }

        new CmdReader(session, scope).Run(line);
        return null;
    }

    /// <summary><c>powershell|pwsh [-NoProfile …] -Command …</c>, <c>-EncodedCommand</c>, <c>-File</c>.</summary>
    public static string? RunPowerShell(ShellSession session, IReadOnlyList<string> args, ShellScope scope)
    {
        var isPwsh = string.Equals(Path(args[0]), "pwsh", StringComparison.OrdinalIgnoreCase);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.Length < 2 || arg[0] is not ('-' or '/'))
            {
                // A bare first argument is a command for Windows PowerShell, a script file for pwsh.
                return isPwsh ? Opaque(session) : Run(session, scope, string.Join(" ", Slice(args, i)));
            }

            var name = arg.Substring(1).ToLowerInvariant();
            if (name is "c" or "command" || (name.Length >= 3 && "command".StartsWith(name, StringComparison.Ordinal)))
            {
                return Run(session, scope, string.Join(" ", Slice(args, i + 1)));
            }

            if (name is "e" or "ec" or "enc" || (name.Length >= 3 && "encodedcommand".StartsWith(name, StringComparison.Ordinal)))
            {
                return i + 1 < args.Count ? Run(session, scope, DecodeBase64Utf16(args[i + 1])) : null;
            }

            if (name is "f" or "file")
            {
                return Opaque(session);
            }

            if (name is "executionpolicy" or "ep" or "ex" or "exec" or "inputformat" or "if" or "outputformat" or "of"
                or "windowstyle" or "w" or "version" or "v" or "psconsolefile" or "configurationname" or "config"
                or "workingdirectory" or "wd" or "settingsfile" or "custompipename")
            {
                i++;
            }
        }

        return null;
    }

    private static string? Run(ShellSession session, ShellScope scope, string script)
    {
        new PowerShellReader(session, scope).Run(script, depth: 0);
        return null;
    }

    private static string? Opaque(ShellSession session)
    {
        session.Changes.MarkOpaqueScript();
        return null;
    }

    private static string Path(string head)
    {
        var name = head.Substring(head.LastIndexOfAny(new[] { '/', '\\' }) + 1);
        return name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
    }

    private static string DecodeBase64Utf16(string text)
    {
        try
        {
            return Encoding.Unicode.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return Unknown.Text;
        }
    }

    private static List<string> Slice(IReadOnlyList<string> list, int start)
    {
        var slice = new List<string>();
        for (var i = start; i < list.Count; i++)
        {
            slice.Add(list[i]);
        }

        return slice;
    }

    /// <summary>cmd.exe: <c>%VAR%</c>, <c>&amp;</c>/<c>&amp;&amp;</c>/<c>||</c>/<c>|</c>, <c>^</c> escapes, double quotes, <c>set</c>, <c>if</c>, <c>for</c>.</summary>
    private sealed class CmdReader
    {
        private readonly ShellSession _session;
        private readonly ShellScope _scope;

        public CmdReader(ShellSession session, ShellScope scope)
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
                    _session.RunArgv(words.GetRange(SkipCondition(words), words.Count - SkipCondition(words)), _scope, null, CommandFlavor.Windows);
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

    /// <summary>
    /// PowerShell: statements split on newlines, <c>;</c>, pipes and braces; quoted strings with <c>$env:X</c> and
    /// <c>$x</c> expansion; parenthesised expressions read (their commands run) and treated as unknown values.
    /// </summary>
    private sealed class PowerShellReader
    {
        private const int MaxDepth = 8;

        private readonly ShellSession _session;
        private readonly ShellScope _scope;
        private readonly Dictionary<string, string?> _variables = new(StringComparer.OrdinalIgnoreCase);

        public PowerShellReader(ShellSession session, ShellScope scope)
        {
            _session = session;
            _scope = scope;
        }

        private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
        {
            "if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch", "try", "catch", "finally",
            "trap", "return", "throw", "function", "filter", "param", "begin", "process", "end", "exit",
        };

        public void Run(string script, int depth)
        {
            if (depth > MaxDepth || !StackGuard.HasRoom())
            {
                _session.Changes.MarkUnresolved();
                return;
            }

            if (script.IndexOf("[adsi]", StringComparison.OrdinalIgnoreCase) >= 0
                || script.IndexOf("WinNT://", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // ADSI creates accounts through an object model this reader does not follow.
                _session.Changes.MarkDatabaseReplaced();
            }

            var statement = new List<Token>();
            var i = 0;
            while (i < script.Length)
            {
                var c = script[i];
                if (c is ' ' or '\t' or '\r')
                {
                    i++;
                }
                else if (c == '`' && i + 1 < script.Length && script[i + 1] is '\n' or '\r')
                {
                    i += script[i + 1] == '\r' && i + 2 < script.Length && script[i + 2] == '\n' ? 3 : 2;
                }
                else if (c == '<' && i + 1 < script.Length && script[i + 1] == '#')
                {
                    var end = script.IndexOf("#>", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? script.Length : end + 2;
                }
                else if (c == '#')
                {
                    var end = script.IndexOf('\n', i);
                    i = end < 0 ? script.Length : end;
                }
                else if (c is '\n' or ';' or '{' or '}' or '|' || (c == '&' && i + 1 < script.Length && script[i + 1] == '&'))
                {
                    RunStatement(statement);
                    statement.Clear();
                    i += c is '&' || (c == '|' && i + 1 < script.Length && script[i + 1] == '|') ? 2 : 1;
                }
                else if (c == '&' && statement.Count == 0)
                {
                    i++;
                }
                else if (c == '(' || (c is '$' or '@' && i + 1 < script.Length && script[i + 1] == '('))
                {
                    var open = c == '(' ? i : i + 1;
                    var close = FindClose(script, open, '(', ')');
                    Run(script.Substring(open + 1, Math.Max(0, close - open - 1)), depth + 1);
                    statement.Add(new Token(Unknown.Text, Unknown.Text, Bare: false));
                    i = Math.Min(close + 1, script.Length);
                }
                else if (c == '@' && i + 1 < script.Length && script[i + 1] == '{')
                {
                    var close = FindClose(script, i + 1, '{', '}');
                    statement.Add(new Token(Unknown.Text, Unknown.Text, Bare: false));
                    i = Math.Min(close + 1, script.Length);
                }
                else if (c == '@' && i + 1 < script.Length && script[i + 1] is '"' or '\'')
                {
                    var quote = script[i + 1];
                    var end = script.IndexOf("\n" + quote + "@", i + 2, StringComparison.Ordinal);
                    var bodyStart = script.IndexOf('\n', i + 2);
                    var body = bodyStart < 0 || end < 0 || end < bodyStart ? string.Empty : script.Substring(bodyStart + 1, end - bodyStart - 1);
                    statement.Add(new Token(quote == '"' ? ExpandString(body, depth) : body, body, Bare: false));
                    i = end < 0 ? script.Length : end + 3;
                }
                else if (c == '\'')
                {
                    i = ReadSingleQuoted(script, i, statement);
                }
                else if (c == '"')
                {
                    i = ReadDoubleQuoted(script, i, statement, depth);
                }
                else
                {
                    i = ReadBare(script, i, statement);
                }
            }

            RunStatement(statement);
        }

        private static int ReadSingleQuoted(string script, int i, List<Token> statement)
        {
            var text = new StringBuilder();
            for (i++; i < script.Length; i++)
            {
                if (script[i] == '\'')
                {
                    if (i + 1 < script.Length && script[i + 1] == '\'')
                    {
                        text.Append('\'');
                        i++;
                        continue;
                    }

                    i++;
                    break;
                }

                text.Append(script[i]);
            }

            statement.Add(new Token(text.ToString(), text.ToString(), Bare: false));
            return i;
        }

        private int ReadDoubleQuoted(string script, int i, List<Token> statement, int depth)
        {
            var start = ++i;
            var raw = new StringBuilder();
            for (; i < script.Length; i++)
            {
                var c = script[i];
                if (c == '`' && i + 1 < script.Length)
                {
                    raw.Append(c).Append(script[++i]);
                    continue;
                }

                if (c == '"')
                {
                    if (i + 1 < script.Length && script[i + 1] == '"')
                    {
                        raw.Append("`\"");
                        i++;
                        continue;
                    }

                    i++;
                    break;
                }

                if (c == '$' && i + 1 < script.Length && script[i + 1] == '(')
                {
                    var close = FindClose(script, i + 1, '(', ')');
                    raw.Append(script, i, Math.Min(close + 1, script.Length) - i);
                    i = Math.Min(close, script.Length - 1);
                    continue;
                }

                raw.Append(c);
            }

            _ = start;
            statement.Add(new Token(ExpandString(raw.ToString(), depth), raw.ToString(), Bare: false));
            return i;
        }

        private int ReadBare(string script, int i, List<Token> statement)
        {
            var start = i;
            var text = new StringBuilder();
            for (; i < script.Length; i++)
            {
                var c = script[i];
                if (c is ' ' or '\t' or '\r' or '\n' or ';' or '|' or '{' or '}' or '(' or ')' || (c == '&' && i > start))
                {
                    break;
                }

                if (c == '`' && i + 1 < script.Length)
                {
                    text.Append(script[++i]);
                    continue;
                }

                text.Append(c);
            }

            if (i == start)
            {
                // A lone closing parenthesis or similar: step over it.
                return i + 1;
            }

            var raw = text.ToString();
            var value = raw.StartsWith("$", StringComparison.Ordinal) ? ExpandVariable(raw.Substring(1)) : raw;
            statement.Add(new Token(value, raw, Bare: true));
            return i;
        }

        private void RunStatement(List<Token> tokens)
        {
            if (tokens.Count == 0)
            {
                return;
            }

            if (tokens[0].Bare && tokens[0].Raw.StartsWith("$", StringComparison.Ordinal) && tokens.Count >= 2
                && tokens[1].Bare && tokens[1].Raw is "=" or "+=" or "-=")
            {
                Assign(tokens[0].Raw.Substring(1), tokens.Count == 3 && tokens[1].Raw == "=" ? tokens[2].Text : null);
                return;
            }

            var i = 0;
            while (i < tokens.Count && ((tokens[i].Bare && Keywords.Contains(tokens[i].Raw)) || tokens[i].Raw == Unknown.Text))
            {
                i++;
            }

            if (i > 0 && i < tokens.Count && string.Equals(tokens[i - 1].Raw, "function", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var argv = new List<string>();
            for (; i < tokens.Count; i++)
            {
                argv.Add(tokens[i].Text);
            }

            if (argv.Count > 0)
            {
                _session.RunArgv(argv, _scope, null, CommandFlavor.Windows);
            }
        }

        private void Assign(string variable, string? value)
        {
            variable = variable.Trim('{', '}');
            if (variable.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
            {
                _scope.Set(variable.Substring(4), value);
            }
            else
            {
                _variables[variable] = value;
            }
        }

        /// <summary><c>$env:NAME</c>, <c>${env:NAME}</c>, <c>$name</c>; anything else is unknown.</summary>
        private string ExpandVariable(string reference)
        {
            var name = reference.Length > 1 && reference[0] == '{' && reference[reference.Length - 1] == '}'
                ? reference.Substring(1, reference.Length - 2)
                : reference;
            if (name.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
            {
                var value = _scope.Lookup(name.Substring(4));
                return value.Kind == VariableKind.Known ? value.Text : Unknown.Text;
            }

            if (name is "true" or "false" or "null")
            {
                return "$" + name;
            }

            return _variables.TryGetValue(name, out var known) && known is not null ? known : Unknown.Text;
        }

        private string ExpandString(string raw, int depth)
        {
            var text = new StringBuilder(raw.Length);
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '`' && i + 1 < raw.Length)
                {
                    var escaped = raw[++i];
                    text.Append(escaped switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        '0' => '\0',
                        _ => escaped,
                    });
                    continue;
                }

                if (c != '$' || i + 1 >= raw.Length)
                {
                    text.Append(c);
                    continue;
                }

                var next = raw[i + 1];
                if (next == '(')
                {
                    var close = FindClose(raw, i + 1, '(', ')');
                    Run(raw.Substring(i + 2, Math.Max(0, close - i - 2)), depth + 1);
                    text.Append(Unknown.Marker);
                    i = Math.Min(close, raw.Length - 1);
                    continue;
                }

                var end = i + 1;
                if (next == '{')
                {
                    end = raw.IndexOf('}', i + 1);
                    end = end < 0 ? raw.Length : end + 1;
                }
                else
                {
                    while (end < raw.Length && (char.IsLetterOrDigit(raw[end]) || raw[end] is '_' or ':'))
                    {
                        end++;
                    }
                }

                if (end == i + 1)
                {
                    text.Append(c);
                    continue;
                }

                text.Append(ExpandVariable(raw.Substring(i + 1, end - i - 1)));
                i = end - 1;
            }

            return text.ToString();
        }

        /// <summary>Index of the bracket closing the one at <paramref name="open"/> (quotes respected), or the text's end.</summary>
        private static int FindClose(string text, int open, char opening, char closing)
        {
            var depth = 0;
            char? quote = null;
            for (var i = open; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == opening)
                {
                    depth++;
                }
                else if (c == closing && --depth == 0)
                {
                    return i;
                }
            }

            return text.Length;
        }

        private sealed record Token(string Text, string Raw, bool Bare);
    }
}
