using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>The nodes of a script, and whether reading stopped early (nesting deeper than the reader allows).</summary>
internal sealed record ParsedScript(IReadOnlyList<ShellNode> Nodes, bool Truncated);

/// <summary>
/// A small, permissive reader of POSIX <c>sh</c> (with the bash bits seen in Dockerfiles): words with quotes,
/// escapes and expansions, comments, separators, pipelines, compound commands, here-documents. It never reports
/// errors: unbalanced input is read as far as it makes sense. It runs in time linear in the input; nesting deeper
/// than <see cref="MaxDepth"/> stops the reading (the result says so) instead of exhausting the stack.
/// </summary>
internal sealed partial class PosixShellParser
{
    /// <summary>How deeply compound commands, substitutions and <c>${…}</c> may nest before reading stops.</summary>
    internal const int MaxDepth = 48;

    private static readonly string[] ReservedWords =
    {
        "!", "{", "}", "case", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in",
        "select", "then", "until", "while",
    };

    private static readonly HashSet<string> ListTerminators = new(StringComparer.Ordinal)
    {
        "}", "then", "elif", "else", "fi", "do", "done", "esac",
    };

    // Longest first, so that `:-` wins over `-` and `%%` over `%`.
    private static readonly string[] ParameterOperators =
    {
        ":-", ":=", ":+", ":?", "%%", "##", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "%", "#", "/", "^", ",", "@", ":",
    };

    private static readonly string[] InputOperators = { "<<<", "<<-", "<<", "<>", "<&" };

    private static readonly string[] OutputOperators = { ">>", ">&", ">|" };

    private readonly string _text;
    private readonly SharedState _shared;
    private readonly List<PendingHereDocument> _pendingHereDocuments = new();
    private int _pos;
    private int _depth;

    private PosixShellParser(string text, int depth, SharedState shared)
    {
        _text = text;
        _depth = depth;
        _shared = shared;
    }

    private enum WordMode
    {
        /// <summary>An ordinary word: ends at a blank or an operator character.</summary>
        Normal,

        /// <summary>The word after a <c>${NAME:-</c> operator: ends at the closing brace.</summary>
        BraceArgument,

        /// <summary>An unquoted here-document body: the whole text, with <c>$</c>, backquotes and a few escapes active.</summary>
        HereDocument,
    }

    private bool AtEnd => _pos >= _text.Length || _shared.Truncated;

    private char Current => _pos < _text.Length ? _text[_pos] : '\0';

    /// <summary>Reads a whole script.</summary>
    public static ParsedScript Parse(string script)
    {
        var shared = new SharedState();
        var parser = new PosixShellParser(script ?? string.Empty, 0, shared);
        var nodes = parser.ParseAll();
        return new ParsedScript(nodes, shared.Truncated);
    }

    private static bool IsBlank(char c) => c is ' ' or '\t' or '\r';

    private static bool IsMeta(char c) => c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>';

    private static bool IsNameStart(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool IsNameChar(char c) => IsNameStart(c) || c is >= '0' and <= '9';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsSpecialParameter(char c) => c is '@' or '*' or '#' or '?' or '-' or '$' or '!';

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    /// <summary>Top level: like a list, but stray closers (<c>fi</c>, <c>)</c>, <c>;;</c>) are skipped instead of ending the script.</summary>
    private List<ShellNode> ParseAll()
    {
        var nodes = new List<ShellNode>();
        while (!AtEnd)
        {
            nodes.AddRange(ParseList());
            if (AtEnd)
            {
                break;
            }

            var reserved = PeekReservedWord();
            _pos += reserved is not null && ListTerminators.Contains(reserved) ? reserved.Length : 1;
        }

        return nodes;
    }

    /// <summary>Commands separated by <c>;</c>, <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c> and newlines, up to a closer of an enclosing construct.</summary>
    private List<ShellNode> ParseList()
    {
        var nodes = new List<ShellNode>();
        while (true)
        {
            SkipSeparators();
            if (AtEnd || AtListTerminator())
            {
                break;
            }

            var before = _pos;
            var node = ParsePipeline();
            if (node is not null)
            {
                nodes.Add(node);
            }

            if (_pos == before)
            {
                // Nothing could be read here (a stray operator): step over it so reading always advances.
                _pos++;
            }
        }

        return nodes;
    }

    private bool AtListTerminator()
    {
        var c = Current;
        if (c == ')' || (c == ';' && Peek(1) is ';' or '&'))
        {
            return true;
        }

        var reserved = PeekReservedWord();
        return reserved is not null && ListTerminators.Contains(reserved);
    }

    private ShellNode? ParsePipeline()
    {
        var first = ParseCommand();
        List<ShellNode>? commands = null;
        while (true)
        {
            SkipBlanks();
            if (Current != '|' || Peek(1) == '|' || AtEnd)
            {
                break;
            }

            _pos += Peek(1) == '&' ? 2 : 1;
            SkipLinebreaks();
            var next = ParseCommand();
            if (next is null)
            {
                continue;
            }

            commands ??= first is null ? new List<ShellNode>() : new List<ShellNode> { first };
            commands.Add(next);
        }

        return commands is null ? first : commands.Count == 1 ? commands[0] : new PipelineNode(commands);
    }

    private ShellNode? ParseCommand()
    {
        SkipBlanks();
        if (AtEnd)
        {
            return null;
        }

        _depth++;
        try
        {
            if (_depth > MaxDepth || !StackGuard.HasRoom())
            {
                Truncate();
                return null;
            }

            if (Current == '(')
            {
                if (Peek(1) == '(')
                {
                    // `(( i++ ))`: bash arithmetic, no commands inside worth reading.
                    SkipArithmetic(_pos);
                    return null;
                }

                _pos++;
                var body = ParseList();
                if (Current == ')')
                {
                    _pos++;
                }

                return new BlockNode(body, ParseTrailingRedirections());
            }

            switch (PeekReservedWord())
            {
                case "!":
                    _pos++;
                    return ParseCommand();
                case "{":
                    _pos++;
                    return ParseBraceGroup();
                case "if":
                    _pos += 2;
                    return ParseIf();
                case "while":
                case "until":
                    _pos += 5;
                    return ParseLoop();
                case "for":
                    _pos += 3;
                    return ParseFor();
                case "select":
                    _pos += 6;
                    return ParseFor();
                case "case":
                    _pos += 4;
                    return ParseCase();
                case "function":
                    _pos += 8;
                    return ParseFunctionKeyword();
                default:
                    return ParseSimpleCommand();
            }
        }
        finally
        {
            _depth--;
        }
    }

    private BlockNode ParseBraceGroup()
    {
        var body = ParseList();
        if (PeekReservedWord() == "}")
        {
            _pos++;
        }

        return new BlockNode(body, ParseTrailingRedirections());
    }

    private BlockNode ParseIf()
    {
        var body = new List<ShellNode>();
        while (true)
        {
            body.AddRange(ParseList());
            var reserved = PeekReservedWord();
            if (reserved is "then" or "elif" or "else")
            {
                _pos += reserved.Length;
                continue;
            }

            if (reserved == "fi")
            {
                _pos += 2;
            }

            break;
        }

        return new BlockNode(body, ParseTrailingRedirections());
    }

    private BlockNode ParseLoop()
    {
        var body = ParseList();
        body.AddRange(ParseDoGroup());
        return new BlockNode(body, ParseTrailingRedirections());
    }

    private List<ShellNode> ParseDoGroup()
    {
        SkipSeparators();
        if (PeekReservedWord() == "{")
        {
            // bash also accepts `for x in a; { …; }`.
            _pos++;
            var braced = ParseList();
            if (PeekReservedWord() == "}")
            {
                _pos++;
            }

            return braced;
        }

        if (PeekReservedWord() != "do")
        {
            return new List<ShellNode>();
        }

        _pos += 2;
        var body = ParseList();
        if (PeekReservedWord() == "done")
        {
            _pos += 4;
        }

        return body;
    }

    private ForNode ParseFor()
    {
        SkipBlanks();
        var variable = string.Empty;
        if (Current == '(' && Peek(1) == '(')
        {
            SkipArithmetic(_pos);
        }
        else
        {
            var start = _pos;
            while (!AtEnd && IsNameChar(Current))
            {
                _pos++;
            }

            variable = _text.Substring(start, _pos - start);
        }

        SkipLinebreaks();
        List<ShellWord>? items = null;
        if (PeekReservedWord() == "in")
        {
            _pos += 2;
            items = new List<ShellWord>();
            while (true)
            {
                SkipBlanks();
                if (AtEnd || IsMeta(Current))
                {
                    break;
                }

                var word = ParseWord(WordMode.Normal, quoted: false);
                if (word is null)
                {
                    break;
                }

                items.Add(word);
            }
        }

        var body = ParseDoGroup();
        return new ForNode(variable, items, new BlockNode(body, ParseTrailingRedirections()));
    }

    private BlockNode ParseCase()
    {
        SkipBlanks();
        var words = new List<ShellWord>();
        var subject = ParseWord(WordMode.Normal, quoted: false);
        if (subject is not null)
        {
            words.Add(subject);
        }

        SkipLinebreaks();
        if (PeekReservedWord() == "in")
        {
            _pos += 2;
        }

        var body = new List<ShellNode>();
        while (true)
        {
            SkipLinebreaks();
            if (AtEnd)
            {
                break;
            }

            if (PeekReservedWord() == "esac")
            {
                _pos += 4;
                break;
            }

            var start = _pos;
            if (Current == '(')
            {
                _pos++;
            }

            ReadCasePatterns(words);
            if (Current == ')')
            {
                _pos++;
            }
            else if (_pos == start)
            {
                break;
            }

            body.AddRange(ParseList());
            if (Current == ';' && Peek(1) is ';' or '&')
            {
                _pos += Peek(1) == ';' && Peek(2) == '&' ? 3 : 2;
            }
            else if (PeekReservedWord() != "esac")
            {
                break;
            }
        }

        var nodes = new List<ShellNode>(body.Count + 1) { new WordsNode(words) };
        nodes.AddRange(body);
        return new BlockNode(nodes, ParseTrailingRedirections());
    }

    private void ReadCasePatterns(List<ShellWord> words)
    {
        while (!AtEnd)
        {
            SkipBlanks();
            var pattern = ParseWord(WordMode.Normal, quoted: false);
            if (pattern is not null)
            {
                words.Add(pattern);
            }

            SkipBlanks();
            if (Current != '|' || pattern is null)
            {
                break;
            }

            _pos++;
        }
    }

    private ShellNode? ParseFunctionKeyword()
    {
        SkipBlanks();
        var name = ParseWord(WordMode.Normal, quoted: false)?.LiteralText ?? string.Empty;
        SkipBlanks();
        if (Current == '(' && PeekPastBlanks(_pos + 1) == ')')
        {
            _pos = SkipBlankIndex(_pos + 1) + 1;
        }

        return ParseFunctionBody(name);
    }

    private FunctionNode? ParseFunctionBody(string name)
    {
        SkipLinebreaks();
        var body = ParseCommand();
        return body is null ? null : new FunctionNode(name, body);
    }

    private ShellNode? ParseSimpleCommand()
    {
        var assignments = new List<AssignmentNode>();
        var words = new List<ShellWord>();
        var redirections = new List<RedirectionNode>();
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                break;
            }

            if (TryParseRedirection(redirections))
            {
                continue;
            }

            var c = Current;
            var processSubstitution = c is '<' or '>' && Peek(1) == '(';
            if (c == '(' && words.Count == 1 && assignments.Count == 0 && redirections.Count == 0
                && words[0].UnquotedLiteral is { } functionName && PeekPastBlanks(_pos + 1) == ')')
            {
                _pos = SkipBlankIndex(_pos + 1) + 1;
                return ParseFunctionBody(functionName);
            }

            if (IsMeta(c) && !processSubstitution)
            {
                break;
            }

            var word = ParseWord(WordMode.Normal, quoted: false);
            if (word is null)
            {
                break;
            }

            if (words.Count == 0 && TryReadAssignment(word, out var assignment))
            {
                assignments.Add(assignment);
                continue;
            }

            words.Add(word);
        }

        return assignments.Count == 0 && words.Count == 0 && redirections.Count == 0
            ? null
            : new SimpleCommandNode(assignments, words, redirections);
    }

    /// <summary><c>NAME=value</c>: an unquoted name and <c>=</c> at the start of the word. <c>NAME=( … )</c> arrays read as unknown.</summary>
    private bool TryReadAssignment(ShellWord word, out AssignmentNode assignment)
    {
        assignment = null!;
        if (word.Parts.Count == 0 || word.Parts[0] is not LiteralPart { Quoted: false } first || first.Text.Length == 0 || !IsNameStart(first.Text[0]))
        {
            return false;
        }

        var i = 1;
        while (i < first.Text.Length && IsNameChar(first.Text[i]))
        {
            i++;
        }

        var append = i < first.Text.Length - 1 && first.Text[i] == '+' && first.Text[i + 1] == '=';
        if (!append && (i >= first.Text.Length || first.Text[i] != '='))
        {
            return false;
        }

        var name = first.Text.Substring(0, i);
        var rest = first.Text.Substring(i + (append ? 2 : 1));
        var parts = new List<WordPart>(word.Parts.Count);
        if (rest.Length > 0)
        {
            parts.Add(new LiteralPart(rest, false));
        }

        for (var p = 1; p < word.Parts.Count; p++)
        {
            parts.Add(word.Parts[p]);
        }

        if (parts.Count == 0 && Current == '(')
        {
            // `NAME=(a b c)`: a bash array; its value is not needed, only its inner substitutions are.
            _pos++;
            var inner = new List<ShellNode>();
            var items = new List<ShellWord>();
            while (true)
            {
                SkipLinebreaks();
                if (AtEnd || Current == ')' || IsMeta(Current))
                {
                    break;
                }

                var item = ParseWord(WordMode.Normal, quoted: false);
                if (item is null)
                {
                    break;
                }

                items.Add(item);
            }

            if (Current == ')')
            {
                _pos++;
            }

            inner.Add(new WordsNode(items));
            parts.Add(new CommandSubstitutionPart(inner, Quoted: false));
        }

        assignment = new AssignmentNode(name, new ShellWord(parts), append);
        return true;
    }

    private List<RedirectionNode> ParseTrailingRedirections()
    {
        var redirections = new List<RedirectionNode>();
        while (true)
        {
            SkipBlanks();
            if (AtEnd || !TryParseRedirection(redirections))
            {
                return redirections;
            }
        }
    }

    private bool TryParseRedirection(List<RedirectionNode> redirections)
    {
        var i = _pos;
        while (i < _text.Length && IsDigit(_text[i]) && i - _pos < 4)
        {
            i++;
        }

        int? descriptor = null;
        if (i > _pos && i < _text.Length && _text[i] is '<' or '>')
        {
            descriptor = int.Parse(_text.Substring(_pos, i - _pos), System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            i = _pos;
        }

        var op = ReadRedirectionOperator(i);
        if (op is null)
        {
            return false;
        }

        _pos = i + op.Length;
        SkipBlanks();
        var targetStart = _pos;
        var target = ParseWord(WordMode.Normal, quoted: false) ?? ShellWord.Empty;
        HereDocumentSlot? slot = null;
        if (op is "<<" or "<<-")
        {
            slot = new HereDocumentSlot();
            var raw = _text.Substring(targetStart, _pos - targetStart);
            _pendingHereDocuments.Add(new PendingHereDocument(slot, RemoveQuotes(raw), op == "<<-", raw.IndexOfAny(new[] { '\'', '"', '\\' }) >= 0));
        }

        redirections.Add(new RedirectionNode(descriptor, op, target, slot));
        return true;
    }

    private string? ReadRedirectionOperator(int i)
    {
        if (i >= _text.Length)
        {
            return null;
        }

        var rest = _text.Length - i;
        bool StartsWith(string s) => rest >= s.Length && string.CompareOrdinal(_text, i, s, 0, s.Length) == 0;
        switch (_text[i])
        {
            case '&':
                return StartsWith("&>>") ? "&>>" : StartsWith("&>") ? "&>" : null;
            case '<':
                if (StartsWith("<("))
                {
                    return null;
                }

                foreach (var op in InputOperators)
                {
                    if (StartsWith(op))
                    {
                        return op;
                    }
                }

                return "<";
            case '>':
                if (StartsWith(">("))
                {
                    return null;
                }

                foreach (var op in OutputOperators)
                {
                    if (StartsWith(op))
                    {
                        return op;
                    }
                }

                return ">";
            default:
                return null;
        }
    }

    private static string RemoveQuotes(string raw)
    {
        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is '\'' or '"')
            {
                continue;
            }

            if (c == '\\' && i + 1 < raw.Length)
            {
                i++;
                c = raw[i];
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>The reserved word at the reading position, if one stands there as a whole word.</summary>
    private string? PeekReservedWord()
    {
        var end = _pos;
        while (end < _text.Length && end - _pos < 9)
        {
            var c = _text[end];
            if (IsMeta(c) || c is '\'' or '"' or '\\' or '$' or '`')
            {
                break;
            }

            end++;
        }

        var length = end - _pos;
        if (length == 0 || (end < _text.Length && !IsMeta(_text[end])))
        {
            return null;
        }

        foreach (var word in ReservedWords)
        {
            if (word.Length == length && string.CompareOrdinal(_text, _pos, word, 0, length) == 0)
            {
                return word;
            }
        }

        return null;
    }

    private int SkipBlankIndex(int i)
    {
        while (i < _text.Length && IsBlank(_text[i]))
        {
            i++;
        }

        return i;
    }

    private char PeekPastBlanks(int i)
    {
        i = SkipBlankIndex(i);
        return i < _text.Length ? _text[i] : '\0';
    }

    /// <summary>Blanks, line continuations and comments.</summary>
    private void SkipBlanks()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (IsBlank(c))
            {
                _pos++;
            }
            else if (c == '\\' && Peek(1) == '\n')
            {
                _pos += 2;
            }
            else if (c == '\\' && Peek(1) == '\r' && Peek(2) == '\n')
            {
                _pos += 3;
            }
            else if (c == '#')
            {
                var end = _text.IndexOf('\n', _pos);
                _pos = end < 0 ? _text.Length : end;
            }
            else
            {
                break;
            }
        }
    }

    private void SkipLinebreaks()
    {
        while (true)
        {
            SkipBlanks();
            if (AtEnd || Current != '\n')
            {
                return;
            }

            ConsumeNewline();
        }
    }

    /// <summary>Blanks, newlines and the separators <c>;</c> <c>&amp;</c> <c>&amp;&amp;</c> <c>||</c> (and a stray <c>|</c>).</summary>
    private void SkipSeparators()
    {
        while (true)
        {
            SkipBlanks();
            if (AtEnd)
            {
                return;
            }

            var c = Current;
            if (c == '\n')
            {
                ConsumeNewline();
            }
            else if ((c == ';' && Peek(1) is not ';' and not '&') || (c == '&' && Peek(1) != '>') || c == '|')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>A newline token: here-documents opened on the line now read their bodies.</summary>
    private void ConsumeNewline()
    {
        _pos++;
        if (_pendingHereDocuments.Count == 0)
        {
            return;
        }

        var pending = _pendingHereDocuments.ToArray();
        _pendingHereDocuments.Clear();
        foreach (var hereDocument in pending)
        {
            ReadHereDocumentBody(hereDocument);
        }
    }

    private void ReadHereDocumentBody(PendingHereDocument hereDocument)
    {
        var body = new StringBuilder();
        while (_pos < _text.Length)
        {
            var lineEnd = _text.IndexOf('\n', _pos);
            if (lineEnd < 0)
            {
                lineEnd = _text.Length;
            }

            var line = _text.Substring(_pos, lineEnd - _pos);
            _pos = Math.Min(lineEnd + 1, _text.Length);
            if (hereDocument.StripTabs)
            {
                line = line.TrimStart('\t');
            }

            var compared = line.Length > 0 && line[line.Length - 1] == '\r' ? line.Substring(0, line.Length - 1) : line;
            if (string.Equals(compared, hereDocument.Delimiter, StringComparison.Ordinal))
            {
                break;
            }

            body.Append(line).Append('\n');
        }

        if (hereDocument.Quoted)
        {
            hereDocument.Slot.Body = new ShellWord(new WordPart[] { new LiteralPart(body.ToString(), Quoted: true) });
            return;
        }

        var nested = new PosixShellParser(body.ToString(), _depth + 1, _shared);
        hereDocument.Slot.Body = nested._depth > MaxDepth || !StackGuard.HasRoom()
            ? ShellWord.Empty
            : nested.ParseWord(WordMode.HereDocument, quoted: true) ?? new ShellWord(new WordPart[] { new LiteralPart(string.Empty, Quoted: true) });
    }

    private void Truncate()
    {
        _shared.Truncated = true;
        _pos = _text.Length;
    }

    private sealed class SharedState
    {
        public bool Truncated { get; set; }
    }

    private sealed record PendingHereDocument(HereDocumentSlot Slot, string Delimiter, bool StripTabs, bool Quoted);
}
