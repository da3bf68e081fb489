using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>Words: quotes, backslashes, <c>$</c> expansions, backquotes, and the lists nested in them.</summary>
internal sealed partial class PosixShellParser
{
    private ShellWord? ParseWord(WordMode mode, bool quoted)
    {
        var start = _pos;
        var parts = new List<WordPart>();
        var literal = new LiteralRun();
        while (!AtEnd)
        {
            var c = Current;
            if (mode == WordMode.Normal && IsMeta(c))
            {
                if (c is '<' or '>' && Peek(1) == '(' && _pos == start)
                {
                    _pos += 2;
                    parts.Add(new CommandSubstitutionPart(ParseNestedList(), Quoted: false));
                    continue;
                }

                break;
            }

            if (mode == WordMode.BraceArgument && c == '}')
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    ReadBackslash(parts, literal, mode, quoted);
                    break;
                case '\'' when mode != WordMode.HereDocument && !quoted:
                    literal.Flush(parts);
                    ReadSingleQuoted(parts);
                    break;
                case '"' when mode != WordMode.HereDocument:
                    literal.Flush(parts);
                    _pos++;
                    ReadDoubleQuoted(parts);
                    break;
                case '$':
                    ReadDollar(parts, literal, quoted || mode == WordMode.HereDocument);
                    break;
                case '`':
                    literal.Flush(parts);
                    ReadBackquoted(parts, quoted || mode == WordMode.HereDocument);
                    break;
                default:
                    literal.Append(c, quoted || mode == WordMode.HereDocument, parts);
                    _pos++;
                    break;
            }
        }

        literal.Flush(parts);
        return _pos == start && parts.Count == 0 ? null : new ShellWord(parts);
    }

    private void ReadBackslash(List<WordPart> parts, LiteralRun literal, WordMode mode, bool quoted)
    {
        var next = Peek(1);
        if (next == '\n')
        {
            _pos += 2;
            return;
        }

        if (next == '\r' && Peek(2) == '\n')
        {
            _pos += 3;
            return;
        }

        if (_pos + 1 >= _text.Length)
        {
            literal.Append('\\', quoted || mode == WordMode.HereDocument, parts);
            _pos++;
            return;
        }

        // Unquoted, a backslash quotes any character; in quotes and here-documents only $ ` \ (and " in quotes).
        var escapes = (mode != WordMode.HereDocument && !quoted)
            || next is '$' or '`' or '\\'
            || (next == '"' && quoted && mode != WordMode.HereDocument)
            || (next == '}' && mode == WordMode.BraceArgument);
        if (!escapes)
        {
            literal.Append('\\', quoted || mode == WordMode.HereDocument, parts);
            _pos++;
            return;
        }

        literal.Append(next, true, parts);
        _pos += 2;
    }

    private void ReadSingleQuoted(List<WordPart> parts)
    {
        _pos++;
        var end = _text.IndexOf('\'', _pos);
        if (end < 0)
        {
            end = _text.Length;
        }

        parts.Add(new LiteralPart(_text.Substring(_pos, end - _pos), Quoted: true));
        _pos = Math.Min(end + 1, _text.Length);
    }

    private void ReadDoubleQuoted(List<WordPart> parts)
    {
        // An empty quoted literal first, so that "" still counts as a (quoted, empty) word.
        parts.Add(new LiteralPart(string.Empty, Quoted: true));
        var literal = new LiteralRun();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '"')
            {
                _pos++;
                break;
            }

            switch (c)
            {
                case '\\':
                    ReadBackslash(parts, literal, WordMode.Normal, quoted: true);
                    break;
                case '$':
                    ReadDollar(parts, literal, quoted: true);
                    break;
                case '`':
                    literal.Flush(parts);
                    ReadBackquoted(parts, quoted: true);
                    break;
                default:
                    literal.Append(c, true, parts);
                    _pos++;
                    break;
            }
        }

        literal.Flush(parts);
    }

    private void ReadDollar(List<WordPart> parts, LiteralRun literal, bool quoted)
    {
        var next = Peek(1);
        if (next == '(')
        {
            literal.Flush(parts);
            if (Peek(2) == '(' && TryReadArithmetic(parts, quoted))
            {
                return;
            }

            _pos += 2;
            parts.Add(new CommandSubstitutionPart(ParseNestedList(), quoted));
            return;
        }

        if (next == '{')
        {
            literal.Flush(parts);
            ReadBraceParameter(parts, quoted);
            return;
        }

        if (next == '\'' && !quoted)
        {
            literal.Flush(parts);
            _pos += 2;
            parts.Add(new LiteralPart(ReadAnsiCString(), Quoted: true));
            return;
        }

        if (next == '"' && !quoted)
        {
            literal.Flush(parts);
            _pos += 2;
            ReadDoubleQuoted(parts);
            return;
        }

        string? name = null;
        if (IsNameStart(next))
        {
            var end = _pos + 1;
            while (end < _text.Length && IsNameChar(_text[end]))
            {
                end++;
            }

            name = _text.Substring(_pos + 1, end - _pos - 1);
        }
        else if (IsDigit(next) || IsSpecialParameter(next))
        {
            name = next.ToString();
        }

        if (name is null)
        {
            literal.Append('$', quoted, parts);
            _pos++;
            return;
        }

        literal.Flush(parts);
        parts.Add(new ParameterPart(name, string.Empty, null, quoted));
        _pos += 1 + name.Length;
    }

    /// <summary><c>$(( … ))</c>: true when the parentheses close as arithmetic; otherwise the caller reads <c>$( ( … ) )</c>.</summary>
    private bool TryReadArithmetic(List<WordPart> parts, bool quoted)
    {
        var end = FindArithmeticEnd(_pos + 1);
        if (end < 0)
        {
            return false;
        }

        parts.Add(new ArithmeticPart(_text.Substring(_pos + 3, Math.Max(0, end - 1 - (_pos + 3))), quoted));
        _pos = end + 1;
        return true;
    }

    /// <summary>Index of the <c>)</c> that closes the <c>((</c> at <paramref name="open"/>, when it is preceded by another <c>)</c>; else -1.</summary>
    private int FindArithmeticEnd(int open)
    {
        var depth = 0;
        for (var i = open; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    return _text[i - 1] == ')' && i - 1 > open + 1 ? i : -1;
                }
            }
        }

        return -1;
    }

    private void SkipArithmetic(int open)
    {
        var end = FindArithmeticEnd(open);
        _pos = end < 0 ? _text.Length : end + 1;
    }

    private void ReadBraceParameter(List<WordPart> parts, bool quoted)
    {
        _depth++;
        try
        {
            if (_depth > MaxDepth || !StackGuard.HasRoom())
            {
                Truncate();
                return;
            }

            _pos += 2;
            var op = string.Empty;
            if (Current == '#' && Peek(1) != '}' && (IsNameChar(Peek(1)) || IsSpecialParameter(Peek(1))))
            {
                _pos++;
                op = "len";
            }
            else if (Current == '!' && Peek(1) != '}')
            {
                _pos++;
                op = "!";
            }

            var name = ReadParameterName();
            ShellWord? argument = null;
            if (op.Length == 0 && Current != '}')
            {
                op = ReadParameterOperator() ?? "invalid";
                argument = ParseWord(WordMode.BraceArgument, quoted) ?? ShellWord.Empty;
            }
            else if (Current != '}')
            {
                // `${!prefix*}`, `${#name[@]}` and other rarities: keep reading to the brace.
                op = "invalid";
                argument = ParseWord(WordMode.BraceArgument, quoted);
            }

            if (Current == '}')
            {
                _pos++;
            }

            parts.Add(new ParameterPart(name, op, argument, quoted));
        }
        finally
        {
            _depth--;
        }
    }

    private string ReadParameterName()
    {
        var start = _pos;
        if (IsNameStart(Current))
        {
            while (!AtEnd && IsNameChar(Current))
            {
                _pos++;
            }
        }
        else if (IsDigit(Current))
        {
            while (!AtEnd && IsDigit(Current))
            {
                _pos++;
            }
        }
        else if (IsSpecialParameter(Current))
        {
            _pos++;
        }

        return _text.Substring(start, _pos - start);
    }

    private string? ReadParameterOperator()
    {
        foreach (var op in ParameterOperators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _pos += op.Length;
                return op;
            }
        }

        return null;
    }

    private string ReadAnsiCString()
    {
        var text = new StringBuilder();
        while (!AtEnd && Current != '\'')
        {
            if (Current == '\\' && _pos + 1 < _text.Length)
            {
                _pos += EscapeSequences.Decode(_text, _pos + 1, text, allowOctalWithoutZero: true) + 1;
                continue;
            }

            text.Append(Current);
            _pos++;
        }

        _pos = Math.Min(_pos + 1, _text.Length);
        return text.ToString();
    }

    private void ReadBackquoted(List<WordPart> parts, bool quoted)
    {
        _pos++;
        var inner = new StringBuilder();
        while (!AtEnd)
        {
            var c = Current;
            if (c == '`')
            {
                _pos++;
                break;
            }

            if (c == '\\' && Peek(1) is '$' or '`' or '\\' || (c == '\\' && quoted && Peek(1) == '"'))
            {
                inner.Append(Peek(1));
                _pos += 2;
                continue;
            }

            inner.Append(c);
            _pos++;
        }

        var nested = new PosixShellParser(inner.ToString(), _depth + 1, _shared);
        if (nested._depth > MaxDepth || !StackGuard.HasRoom())
        {
            Truncate();
            return;
        }

        parts.Add(new CommandSubstitutionPart(nested.ParseAll(), quoted));
    }

    /// <summary>The list inside <c>$( … )</c> or <c>&lt;( … )</c>; consumes the closing parenthesis.</summary>
    private List<ShellNode> ParseNestedList()
    {
        _depth++;
        try
        {
            if (_depth > MaxDepth || !StackGuard.HasRoom())
            {
                Truncate();
                return new List<ShellNode>();
            }

            var body = ParseList();
            while (!AtEnd && Current != ')')
            {
                // A stray closer (`fi`, `;;`) inside the substitution: skip it and keep reading up to `)`.
                var reserved = PeekReservedWord();
                _pos += reserved is not null && ListTerminators.Contains(reserved) ? reserved.Length : 1;
                body.AddRange(ParseList());
            }

            if (Current == ')')
            {
                _pos++;
            }

            return body;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// Literal characters of a word, gathered into one part per run of equal quoting (never by appending to an
    /// earlier part, which would copy text again and again on escape-heavy input).
    /// </summary>
    private sealed class LiteralRun
    {
        private readonly StringBuilder _text = new();
        private bool _quoted;

        public void Append(char c, bool quoted, List<WordPart> parts)
        {
            if (_text.Length > 0 && quoted != _quoted)
            {
                Flush(parts);
            }

            _quoted = quoted;
            _text.Append(c);
        }

        public void Flush(List<WordPart> parts)
        {
            if (_text.Length == 0)
            {
                return;
            }

            parts.Add(new LiteralPart(_text.ToString(), _quoted));
            _text.Clear();
        }
    }
}
