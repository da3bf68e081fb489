using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// Expands shell words the way <c>sh</c> does before running a command: parameters (with the common <c>${…}</c>
/// operators), command substitutions, then field splitting of unquoted results. Whatever cannot be computed becomes
/// <see cref="Unknown.Marker"/>, so callers can tell a known name from a guessed one.
/// </summary>
internal sealed class WordExpander
{
    /// <summary>Longer values are treated as unknown: keeps hostile `A=$A$A` doubling bounded.</summary>
    internal const int MaxValueLength = 1 << 16;

    /// <summary>Pattern operators (<c>%</c>, <c>#</c>, <c>/</c>) are quadratic: beyond this length the result is unknown.</summary>
    private const int MaxPatternSubjectLength = 256;

    private readonly ShellScope _scope;
    private readonly Func<IReadOnlyList<ShellNode>, ShellScope, string?> _substitute;

    /// <param name="scope">Variables visible to the words.</param>
    /// <param name="substitute">Runs the body of a command substitution and returns what it prints, or null when unknown.</param>
    public WordExpander(ShellScope scope, Func<IReadOnlyList<ShellNode>, ShellScope, string?> substitute)
    {
        _scope = scope;
        _substitute = substitute;
    }

    /// <summary>The fields a word expands to as a command argument (zero for an unquoted empty expansion).</summary>
    public List<string> ExpandFields(ShellWord word)
    {
        if (word.Parts.Count == 1 && word.Parts[0] is LiteralPart only && IsSingleField(only))
        {
            // Most words are plain text: one field, as the loop below would build it character by character.
            return new List<string>(1) { only.Text };
        }

        var fields = new List<string>();
        var current = new StringBuilder();
        var started = false;
        AppendParts(word.Parts, fields, current, ref started);
        if (started || current.Length > 0)
        {
            fields.Add(current.ToString());
        }

        return fields;
    }

    /// <summary>A literal that expands to exactly itself as one field: quoted, or non-empty without blanks.</summary>
    private static bool IsSingleField(LiteralPart literal)
    {
        var text = literal.Text;
        if (text.Length > MaxValueLength)
        {
            return false;
        }

        return literal.Quoted || (text.Length > 0 && text.IndexOfAny(FieldSeparators) < 0);
    }

    private static readonly char[] FieldSeparators = { ' ', '\t', '\n' };

    private void AppendParts(IReadOnlyList<WordPart> parts, List<string> fields, StringBuilder current, ref bool started)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    // Unquoted literal text only holds blanks inside `${X:-a b}`, where they split like an expansion.
                    AppendExpansion(literal.Text, literal.Quoted, fields, current, ref started);
                    break;
                case ParameterPart { Name: "@", Operator: "", Quoted: true } when _scope.Positional is { } positional:
                    // "$@": one field per positional parameter.
                    for (var i = 0; i < positional.Count; i++)
                    {
                        if (i > 0)
                        {
                            fields.Add(current.ToString());
                            current.Clear();
                        }

                        current.Append(positional[i]);
                        started = true;
                    }

                    break;
                case ParameterPart { Quoted: false } parameter when StackGuard.HasRoom() && ChosenArgument(parameter) is { } argument:
                    // `${X:-"a b"}` unquoted: the default keeps its own quoting through field splitting.
                    AppendParts(argument.Parts, fields, current, ref started);
                    break;
                default:
                    AppendExpansion(Evaluate(part), part.Quoted, fields, current, ref started);
                    break;
            }

            if (current.Length > MaxValueLength)
            {
                current.Clear();
                current.Append(Unknown.Marker);
            }
        }
    }

    /// <summary>
    /// For <c>:-</c>, <c>-</c>, <c>:=</c>, <c>=</c>, <c>:+</c>, <c>+</c>: the argument word when the expansion yields it
    /// (assigning it for <c>=</c>); null when the expansion yields the variable's value or is unknown.
    /// </summary>
    private ShellWord? ChosenArgument(ParameterPart parameter)
    {
        var op = parameter.Operator;
        if (op is not (":-" or "-" or ":=" or "=" or ":+" or "+"))
        {
            return null;
        }

        var value = _scope.Lookup(parameter.Name);
        var known = value.Kind == VariableKind.Known;
        var argument = parameter.Argument ?? ShellWord.Empty;
        if (op is ":+" or "+")
        {
            return known && (op == "+" || value.Text.Length > 0) ? argument : null;
        }

        // An unknown value takes the default: `${UID:-1000}` with no ARG UID in sight is 1000 in practice.
        var useDefault = !known || (op[0] == ':' && value.Text.Length == 0);
        if (useDefault && op.EndsWith("=", StringComparison.Ordinal))
        {
            _scope.Set(parameter.Name, ExpandText(argument));
        }

        return useDefault ? argument : null;
    }

    /// <summary>The word as one string, without field splitting (assignments, redirection targets, here-documents).</summary>
    public string ExpandText(ShellWord word)
    {
        if (word.Parts.Count == 1 && word.Parts[0] is LiteralPart only)
        {
            return only.Text;
        }

        var text = new StringBuilder();
        foreach (var part in word.Parts)
        {
            text.Append(part is LiteralPart literal ? literal.Text : Evaluate(part));
            if (text.Length > MaxValueLength)
            {
                return Unknown.Text;
            }
        }

        return text.ToString();
    }

    private static void AppendExpansion(string value, bool quoted, List<string> fields, StringBuilder current, ref bool started)
    {
        if (quoted)
        {
            current.Append(value);
            started = true;
            return;
        }

        foreach (var c in value)
        {
            if (c is ' ' or '\t' or '\n')
            {
                if (started || current.Length > 0)
                {
                    fields.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }
    }

    private string Evaluate(WordPart part)
    {
        var value = part switch
        {
            ParameterPart parameter => EvaluateParameter(parameter),
            CommandSubstitutionPart substitution => TrimTrailingNewlines(_substitute(substitution.Body, _scope) ?? Unknown.Text),
            ArithmeticPart arithmetic => EvaluateArithmetic(arithmetic.Expression),
            LiteralPart literal => literal.Text,
            _ => Unknown.Text,
        };
        return value.Length > MaxValueLength ? Unknown.Text : value;
    }

    private static string TrimTrailingNewlines(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == '\n')
        {
            end--;
        }

        return end == text.Length ? text : text.Substring(0, end);
    }

    private string EvaluateParameter(ParameterPart parameter)
    {
        var value = _scope.Lookup(parameter.Name);
        var known = value.Kind == VariableKind.Known;
        var argument = parameter.Argument ?? ShellWord.Empty;
        switch (parameter.Operator)
        {
            case "":
                return known ? value.Text : value.Kind == VariableKind.Unset ? string.Empty : Unknown.Text;
            case "len":
                return known && Unknown.IsResolved(value.Text) ? value.Text.Length.ToString(CultureInfo.InvariantCulture) : Unknown.Text;
            case ":-":
            case "-":
            case ":=":
            case "=":
                // An unknown value takes the default: `${UID:-1000}` with no ARG UID in sight is 1000 in practice.
                var useDefault = !known || (parameter.Operator[0] == ':' && value.Text.Length == 0);
                if (!useDefault)
                {
                    return value.Text;
                }

                var fallback = ExpandText(argument);
                if (parameter.Operator.EndsWith("=", StringComparison.Ordinal))
                {
                    _scope.Set(parameter.Name, fallback);
                }

                return fallback;
            case ":+":
            case "+":
                if (value.Kind == VariableKind.Unknown)
                {
                    return Unknown.Text;
                }

                return known && (parameter.Operator == "+" || value.Text.Length > 0) ? ExpandText(argument) : string.Empty;
            case ":?":
            case "?":
                return known && (parameter.Operator == "?" || value.Text.Length > 0) ? value.Text : Unknown.Text;
            default:
                return known ? Transform(parameter.Operator, value.Text, argument) : Unknown.Text;
        }
    }

    /// <summary>The operators that change a known value: pattern removal and replacement, case, substrings.</summary>
    private string Transform(string op, string value, ShellWord argument)
    {
        switch (op)
        {
            case "^^":
                return value.ToUpperInvariant();
            case ",,":
                return value.ToLowerInvariant();
            case "^":
                return value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value.Substring(1);
            case ",":
                return value.Length == 0 ? value : char.ToLowerInvariant(value[0]) + value.Substring(1);
            case ":":
                return Substring(value, ExpandText(argument));
        }

        var pattern = ExpandText(argument);
        if (!Unknown.IsResolved(value) || !Unknown.IsResolved(pattern) || value.Length > MaxPatternSubjectLength)
        {
            return Unknown.Text;
        }

        switch (op)
        {
            case "#":
                return RemovePrefix(value, pattern, longest: false);
            case "##":
                return RemovePrefix(value, pattern, longest: true);
            case "%":
                return RemoveSuffix(value, pattern, longest: false);
            case "%%":
                return RemoveSuffix(value, pattern, longest: true);
            case "/":
            case "//":
            case "/#":
            case "/%":
                return Replace(op, value, pattern);
            default:
                return Unknown.Text;
        }
    }

    private static string Substring(string value, string argument)
    {
        var pieces = argument.Split(new[] { ':' }, 2);
        if (!TryParseInt(pieces[0], out var offset))
        {
            return Unknown.Text;
        }

        if (offset < 0)
        {
            offset = Math.Max(0, value.Length + offset);
        }

        offset = Math.Min(offset, value.Length);
        var length = value.Length - offset;
        if (pieces.Length == 2)
        {
            if (!TryParseInt(pieces[1], out var requested))
            {
                return Unknown.Text;
            }

            length = requested < 0 ? Math.Max(0, value.Length - offset + requested) : Math.Min(requested, length);
        }

        return value.Substring(offset, length);
    }

    private static bool TryParseInt(string text, out int value) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static string RemovePrefix(string value, string pattern, bool longest)
    {
        for (var n = 0; n <= value.Length; n++)
        {
            var length = longest ? value.Length - n : n;
            if (Glob.Matches(pattern, value, 0, length))
            {
                return value.Substring(length);
            }
        }

        return value;
    }

    private static string RemoveSuffix(string value, string pattern, bool longest)
    {
        for (var n = 0; n <= value.Length; n++)
        {
            var start = longest ? n : value.Length - n;
            if (Glob.Matches(pattern, value, start, value.Length - start))
            {
                return value.Substring(0, start);
            }
        }

        return value;
    }

    private static string Replace(string op, string value, string argument)
    {
        var slash = argument.IndexOf('/');
        var pattern = slash < 0 ? argument : argument.Substring(0, slash);
        var replacement = slash < 0 ? string.Empty : argument.Substring(slash + 1);
        if (pattern.Length == 0)
        {
            return value;
        }

        var result = new StringBuilder();
        var i = 0;
        while (i <= value.Length)
        {
            var anchoredStart = op == "/#";
            var anchoredEnd = op == "/%";
            var matchLength = -1;
            if (!anchoredStart || i == 0)
            {
                for (var end = value.Length; end >= i; end--)
                {
                    if ((!anchoredEnd || end == value.Length) && Glob.Matches(pattern, value, i, end - i))
                    {
                        matchLength = end - i;
                        break;
                    }
                }
            }

            if (matchLength > 0)
            {
                result.Append(replacement);
                i += matchLength;
                if (op != "//")
                {
                    result.Append(value, i, value.Length - i);
                    return result.ToString();
                }

                continue;
            }

            if (i < value.Length)
            {
                result.Append(value[i]);
            }

            i++;
        }

        return result.ToString();
    }

    /// <summary><c>$(( … ))</c>: a plain integer or one variable holding one; anything else is unknown.</summary>
    private string EvaluateArithmetic(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith("$", StringComparison.Ordinal))
        {
            text = text.Substring(1).Trim('{', '}');
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_'))
        {
            var value = _scope.Lookup(text);
            if (value.Kind == VariableKind.Known && long.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }
        }

        return Unknown.Text;
    }
}

/// <summary>Shell glob matching (<c>*</c>, <c>?</c>, <c>[…]</c>, backslash) for the <c>${…}</c> pattern operators.</summary>
internal static class Glob
{
    /// <summary>True when <paramref name="pattern"/> matches the whole of <c>text[start..start+length)</c>.</summary>
    public static bool Matches(string pattern, string text, int start, int length)
    {
        // Iterative matcher with single-star backtracking: O(pattern × text) at worst.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
                continue;
            }

            if (p < pattern.Length && MatchOne(pattern, ref p, text[start + t]))
            {
                t++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>Matches one pattern element at <paramref name="p"/> against <paramref name="c"/>; advances past the element when it matches.</summary>
    private static bool MatchOne(string pattern, ref int p, char c)
    {
        var element = pattern[p];
        if (element == '?')
        {
            p++;
            return true;
        }

        if (element == '\\' && p + 1 < pattern.Length)
        {
            if (pattern[p + 1] != c)
            {
                return false;
            }

            p += 2;
            return true;
        }

        if (element == '[')
        {
            var close = pattern.IndexOf(']', p + 2);
            if (close > 0)
            {
                var negate = pattern[p + 1] is '!' or '^';
                var matched = false;
                for (var i = p + (negate ? 2 : 1); i < close; i++)
                {
                    if (i + 2 < close && pattern[i + 1] == '-')
                    {
                        matched |= c >= pattern[i] && c <= pattern[i + 2];
                        i += 2;
                    }
                    else
                    {
                        matched |= pattern[i] == c;
                    }
                }

                if (matched == negate)
                {
                    return false;
                }

                p = close + 1;
                return true;
            }
        }

        if (element != c)
        {
            return false;
        }

        p++;
        return true;
    }
}
