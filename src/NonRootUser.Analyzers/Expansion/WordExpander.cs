using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// One expansion of one word: a cursor over the text that removes quotes and escapes and replaces <c>$VAR</c> and
/// <c>${VAR...}</c> forms, following BuildKit's shell lexer rule for rule. Single use, not thread-safe.
/// </summary>
/// <remarks>
/// Methods that can fail return null (or false) after recording <see cref="Error"/>; the first error ends the expansion.
/// Recursion happens only through nested <c>${...}</c>, and its depth is capped at <see cref="MaxNestingDepth"/>.
/// </remarks>
internal sealed class WordExpander
{
    /// <summary>Deepest <c>${a:-${b:-...}}</c> nesting accepted; far beyond any real Dockerfile, far below stack limits.</summary>
    public const int MaxNestingDepth = 200;

    private const int EndOfText = -1;
    private const char ByteOrderMark = '\uFEFF';

    private readonly string text;
    private readonly char escapeToken;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly ExpansionBudget budget = new();
    private readonly List<string> unsetVariables = new();
    private readonly HashSet<string> unsetSeen = new(System.StringComparer.Ordinal);
    private int position;
    private int depth;

    public WordExpander(string text, char escapeToken, IReadOnlyDictionary<string, string> environment)
    {
        this.text = text;
        this.escapeToken = escapeToken;
        this.environment = environment;
        // BuildKit reads the word with Go's text/scanner, which skips a byte order mark in first position.
        position = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
    }

    public string? Error { get; private set; }

    /// <summary>Referenced names the environment does not hold, in order of first reference.</summary>
    public IReadOnlyCollection<string> UnsetVariables => unsetVariables.AsReadOnly();

    /// <summary>Expands the whole word; <paramref name="words"/>, when given, also receives it split into words.</summary>
    public string? Expand(WordAccumulator? words) => ExpandUntil(EndOfText, keepEscapes: false, words);

    /// <summary>
    /// Expands up to <paramref name="stop"/> (consumed) or the end of the text. <paramref name="keepEscapes"/> keeps the
    /// escape token in the output, which patterns need so that <c>\*</c> stays a literal star.
    /// </summary>
    private string? ExpandUntil(int stop, bool keepEscapes, WordAccumulator? words)
    {
        var result = new StringBuilder();
        while (position < text.Length)
        {
            char ch = text[position];
            if (ch == stop)
            {
                position++;
                return result.ToString();
            }

            if (ch is '$' or '\'' or '"')
            {
                string? part = ch switch
                {
                    '$' => ExpandDollar(),
                    '\'' => ReadSingleQuoted(),
                    _ => ReadDoubleQuoted(keepEscapes),
                };
                if (part is null)
                {
                    return null;
                }

                result.Append(part);
                if (ch == '$')
                {
                    words?.AddSplittable(part);
                }
                else
                {
                    words?.AddLiteral(part);
                }

                continue;
            }

            position++;
            if (ch != escapeToken)
            {
                words?.AddSplittable(ch);
                result.Append(ch);
                continue;
            }

            if (keepEscapes)
            {
                words?.AddLiteral(ch);
                result.Append(ch);
            }

            if (position >= text.Length)
            {
                // An escape token at the very end escapes nothing and is dropped.
                break;
            }

            char escaped = text[position++];
            words?.AddLiteral(escaped);
            result.Append(escaped);
        }

        if (stop != EndOfText)
        {
            return Fail($"unexpected end of statement while looking for matching {(char)stop}");
        }

        return result.ToString();
    }

    /// <summary><c>'text'</c>: every character literal, including the escape token; a single quote cannot be escaped.</summary>
    private string? ReadSingleQuoted()
    {
        int start = position + 1;
        int end = text.IndexOf('\'', start);
        if (end < 0)
        {
            position = text.Length;
            return Fail("unexpected end of statement while looking for matching single-quote");
        }

        position = end + 1;
        return text.Substring(start, end - start);
    }

    /// <summary>
    /// <c>"text"</c>: expands <c>$</c>; the escape token escapes only <c>"</c>, <c>$</c> and itself and is kept before
    /// anything else. With <paramref name="keepEscapes"/> (inside patterns) the escape token is always kept, and kept
    /// twice before an ordinary character — a BuildKit quirk reproduced as is.
    /// </summary>
    private string? ReadDoubleQuoted(bool keepEscapes)
    {
        position++;
        var result = new StringBuilder();
        while (true)
        {
            if (position >= text.Length)
            {
                return Fail("unexpected end of statement while looking for matching double-quote");
            }

            char ch = text[position];
            if (ch == '"')
            {
                position++;
                return result.ToString();
            }

            if (ch == '$')
            {
                string? value = ExpandDollar();
                if (value is null)
                {
                    return null;
                }

                result.Append(value);
                continue;
            }

            position++;
            if (ch == escapeToken)
            {
                if (keepEscapes)
                {
                    result.Append(ch);
                }

                if (position >= text.Length)
                {
                    continue;
                }

                char next = text[position];
                if (next == '"' || next == '$' || next == escapeToken)
                {
                    ch = next;
                    position++;
                }
            }

            result.Append(ch);
        }
    }

    /// <summary>Expands <c>$NAME</c> or <c>${...}</c>; a <c>$</c> not followed by a name stays a <c>$</c>.</summary>
    private string? ExpandDollar()
    {
        if (depth >= MaxNestingDepth)
        {
            return Fail($"syntax error: ${{...}} nested deeper than {MaxNestingDepth} levels");
        }

        depth++;
        string? value = ExpandDollarAtCurrentDepth();
        depth--;
        return value;
    }

    private string? ExpandDollarAtCurrentDepth()
    {
        position++;
        if (Peek() != '{')
        {
            string name = ReadName();
            return name.Length == 0 ? "$" : Lookup(name, out _);
        }

        position++;
        int first = Peek();
        if (first == EndOfText)
        {
            return Fail("syntax error: missing '}'");
        }

        if (first is '{' or '}' or ':')
        {
            return Fail("syntax error: bad substitution");
        }

        string variable = ReadName();
        int modifier = Next();
        switch (modifier)
        {
            case '}':
                return Lookup(variable, out _);
            case ':':
                return ExpandModifier(variable, Next(), colon: true);
            case '+' or '-' or '?' or '#' or '%':
                return ExpandModifier(variable, modifier, colon: false);
            case '/':
                return ExpandReplacement(variable);
            default:
                return Fail($"unsupported modifier ({DescribeModifier(modifier, colon: false)}) in substitution");
        }
    }

    /// <summary>
    /// <c>${VAR-word}</c>, <c>${VAR+word}</c>, <c>${VAR?word}</c>, <c>${VAR#word}</c>, <c>${VAR%word}</c> and their
    /// <c>:</c> forms, where <paramref name="colon"/> makes an empty value count as unset. As in BuildKit, the word is
    /// expanded before the variable is looked at (so names in it are reported even when unused), and an unknown
    /// modifier such as <c>:=</c> is only rejected after that.
    /// </summary>
    private string? ExpandModifier(string variable, int modifier, bool colon)
    {
        bool isPattern = modifier is '#' or '%';
        string? word = ExpandNested('}', keepEscapes: isPattern, "syntax error: missing '}'");
        if (word is null)
        {
            return null;
        }

        string value = Lookup(variable, out bool isSet);
        bool isUnset = !isSet || (colon && value.Length == 0);
        switch (modifier)
        {
            case '-':
                return isUnset ? word : value;
            case '+':
                return isUnset ? string.Empty : word;
            case '?':
                if (isUnset)
                {
                    string reason = word.Length > 0 ? word : isSet ? "is not allowed to be empty" : "is not allowed to be unset";
                    return Fail($"{variable}: {reason}");
                }

                return value;
            case '#' or '%':
                return RemoveAffix(value, word, modifier);
            default:
                return Fail($"unsupported modifier ({DescribeModifier(modifier, colon)}) in substitution");
        }
    }

    /// <summary>
    /// <c>${VAR#p}</c>, <c>${VAR##p}</c>, <c>${VAR%p}</c>, <c>${VAR%%p}</c>. The doubled form is recognised on the
    /// expanded pattern, as BuildKit does, so <c>${VAR#"#x"}</c> is the longest form of pattern <c>x</c>.
    /// </summary>
    private string? RemoveAffix(string value, string pattern, int modifier)
    {
        bool longest = pattern.Length > 0 && pattern[0] == modifier;
        if (longest)
        {
            pattern = pattern.Substring(1);
        }

        string? error;
        string? result = modifier == '%'
            ? PatternSubstitution.RemoveSuffix(value, pattern, longest, budget, out error)
            : PatternSubstitution.RemovePrefix(value, pattern, longest, budget, out error);
        return result ?? Fail(error!);
    }

    /// <summary><c>${VAR/pattern/replacement}</c> and <c>${VAR//pattern/replacement}</c>.</summary>
    private string? ExpandReplacement(string variable)
    {
        bool all = Peek() == '/';
        if (all)
        {
            position++;
        }

        string? pattern = ExpandNested('/', keepEscapes: true, "syntax error: missing '/' in ${}");
        if (pattern is null)
        {
            return null;
        }

        string? replacement = ExpandNested('}', keepEscapes: true, "syntax error: missing '}'");
        if (replacement is null)
        {
            return null;
        }

        string value = Lookup(variable, out _);
        return PatternSubstitution.Replace(value, pattern, replacement, all, budget, out string? error) ?? Fail(error!);
    }

    /// <summary>
    /// Expands the word inside <c>${...}</c> up to <paramref name="stop"/>. A failure that ran off the end of the text
    /// is reported as <paramref name="unterminatedError"/>, the message BuildKit gives for the missing delimiter.
    /// </summary>
    private string? ExpandNested(int stop, bool keepEscapes, string unterminatedError)
    {
        string? word = ExpandUntil(stop, keepEscapes, words: null);
        if (word is null && position >= text.Length)
        {
            Error = unterminatedError;
        }

        return word;
    }

    /// <summary>
    /// Reads a parameter name: a run of digits (positional), one special character (<c>@*#?-$!</c>), or letters,
    /// digits and underscores. Returns an empty string when none is there.
    /// </summary>
    private string ReadName()
    {
        int start = position;
        if (position >= text.Length)
        {
            return string.Empty;
        }

        if (char.IsDigit(text, position))
        {
            while (position < text.Length && char.IsDigit(text, position))
            {
                position += RuneWidth(position);
            }

            return text.Substring(start, position - start);
        }

        if (IsSpecialParameter(text[position]))
        {
            position++;
            return text.Substring(start, 1);
        }

        while (position < text.Length && (text[position] == '_' || char.IsLetterOrDigit(text, position)))
        {
            position += RuneWidth(position);
        }

        return text.Substring(start, position - start);
    }

    private static bool IsSpecialParameter(char ch) => ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    /// <summary>The variable's value, or an empty string after recording it as unset.</summary>
    private string Lookup(string name, out bool isSet)
    {
        if (environment.TryGetValue(name, out string? value))
        {
            isSet = true;
            return value ?? string.Empty;
        }

        if (unsetSeen.Add(name))
        {
            unsetVariables.Add(name);
        }

        isSet = false;
        return string.Empty;
    }

    private int Peek() => position < text.Length ? text[position] : EndOfText;

    private int Next() => position < text.Length ? text[position++] : EndOfText;

    private int RuneWidth(int index) => char.IsSurrogatePair(text, index) ? 2 : 1;

    private static string DescribeModifier(int modifier, bool colon) =>
        (colon ? ":" : string.Empty) + (modifier == EndOfText ? string.Empty : ((char)modifier).ToString());

    private string? Fail(string message)
    {
        Error = message;
        return null;
    }
}
