using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// PowerShell: statements split on newlines, <c>;</c>, pipes and braces; quoted strings with <c>$env:X</c> and
/// <c>$x</c> expansion; parenthesised expressions read (their commands run) and treated as unknown values.
/// </summary>
internal sealed class PowerShellScriptReader
{
    private const int MaxDepth = 8;

    private readonly ShellSession _session;
    private readonly ShellScope _scope;
    private readonly Dictionary<string, string?> _variables = new(StringComparer.OrdinalIgnoreCase);

    public PowerShellScriptReader(ShellSession session, ShellScope scope)
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
        var raw = new StringBuilder();
        for (i++; i < script.Length; i++)
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
