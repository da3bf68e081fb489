using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>One element of an exec-form array: a string, or (<see cref="Value"/> null) any other JSON value.</summary>
internal sealed record JsonElement(string? Value, TextInput Start, TextInput End)
{
    public WordSyntax ToWord() => new(Value ?? string.Empty, Start.SpanTo(End));
}

/// <summary>An exec-form array: its elements, and where it starts and ends.</summary>
internal sealed record JsonArray(IReadOnlyList<JsonElement> Elements, TextInput Start, TextInput End);

/// <summary>
/// The exec form: <c>["executable", "param"]</c>. BuildKit decodes the arguments as a JSON array (strictly: a trailing
/// comma or single quotes make it shell form instead) and rejects a valid array holding anything but strings.
/// </summary>
internal static class JsonGrammar
{
    /// <summary>BuildKit nests JSON values at most this deep (Go's encoding/json limit); deeper is not JSON.</summary>
    private const int MaxDepth = 10000;

    private static readonly string[] ValueExpectation = { "a JSON value" };

    // Space, tab, line feed and carriage return: the only white space JSON allows.
    private static readonly Parser<Lexeme> Whitespace = Lexical.Run(IsJsonWhitespace);

    // abc — characters that stand for themselves inside a string (no quote, backslash or control character).
    private static readonly Parser<string> UnescapedRun =
        Lexical.Run1(c => c != '"' && c != '\\' && c >= ' ', "a string character").Select(run => run.Text);

    // \n — one of JSON's single-character escapes.
    private static readonly Parser<string> SimpleEscape =
        Parse.Chars("\"\\/bfnrt").Select(Unescape).Named("an escape character");

    private static readonly Parser<string> HexDigits = Parse.Chars("0123456789abcdefABCDEF").Repeat(4).Text();

    // \u00e9 — a UTF-16 code unit in hex.
    private static readonly Parser<string> UnicodeEscape =
        from u in Parse.Char('u')
        from digits in HexDigits
        select ((char)int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();

    private static readonly Parser<string> EscapedCharacter = SimpleEscape.Or(UnicodeEscape);

    // \" or \u0041
    private static readonly Parser<string> EscapeSequence =
        from backslash in Lexical.Char('\\', "a backslash")
        from character in EscapedCharacter
        select character;

    private static readonly Parser<Lexeme> ClosingQuote = Lexical.Char('"', "a closing quote");

    // "echo" — in one step when it has no escapes, the common case.
    private static readonly Parser<string> StringContent =
        UnescapedRun.Or(EscapeSequence)
            .RepeatUntil(c => c == '"', default(TextParts), (text, part) => text.Append(part))
            .Select(parts => DecodedString(parts.ToString()));

    // "echo"
    private static readonly Parser<JsonElement> StringElement =
        from open in Lexical.Char('"', "a string")
        from content in StringContent
        from close in ClosingQuote
        select new JsonElement(content, open.Start, close.End);

    // 1, true, null, {"a": [1]} — valid JSON that is not a string, which BuildKit rejects in an exec-form array.
    private static readonly Parser<JsonElement> NonStringElement = ScanNonStringValue;

    private static readonly Parser<JsonElement> Element = StringElement.Or(NonStringElement);

    // [ , ] — punctuation with the white space after it, read as one token.
    private static readonly Parser<Lexeme> OpenBracket = Token('[');
    private static readonly Parser<Lexeme> Comma = Token(',');
    private static readonly Parser<Lexeme> CloseBracket = Token(']');

    // , "next"
    private static readonly Parser<JsonElement> FollowingElement =
        from comma in Comma
        from element in Element
        select element;

    private static readonly Parser<IEnumerable<JsonElement>> FollowingElements =
        (from element in FollowingElement
         from after in Whitespace
         select element).Many();

    // "a" , "b" — the white space after each element belongs to it.
    private static readonly Parser<IReadOnlyList<JsonElement>> Elements =
        from first in Element
        from whitespace in Whitespace
        from rest in FollowingElements
        select Prepend(first, rest);

    private static readonly IReadOnlyList<JsonElement> NoElements = System.Array.Empty<JsonElement>();

    private static readonly Parser<IReadOnlyList<JsonElement>> ArrayContent = Lexical.IfNext(c => c != ']', Elements, NoElements);

    /// <summary><c>[ "a", "b" ]</c> filling the whole input (white space may follow it).</summary>
    public static readonly Parser<JsonArray> Array =
        (from open in OpenBracket
         from elements in ArrayContent
         from close in CloseBracket
         select new JsonArray(elements, open.Start, close.End))
        .End();

    private static Parser<Lexeme> Token(char punctuation) => Lexical.Token(punctuation, IsJsonWhitespace, punctuation.ToString());

    private static IReadOnlyList<JsonElement> Prepend(JsonElement first, IEnumerable<JsonElement> rest)
    {
        var elements = new List<JsonElement> { first };
        elements.AddRange(rest);
        return elements;
    }

    private static bool HasSurrogate(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJsonWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

    private static string Unescape(char escape) => escape switch
    {
        'b' => "\b",
        'f' => "\f",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        _ => escape.ToString(),
    };

    /// <summary>Like Go, a surrogate that is not part of a pair (from a \\u escape) becomes U+FFFD.</summary>
    private static string DecodedString(string text)
    {
        if (!HasSurrogate(text))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            if (char.IsHighSurrogate(c) && i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder[i] = '\uFFFD';
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Validates one JSON value that is not a string. Written as a loop with an explicit stack rather than recursive
    /// Sprache rules, because the nesting depth comes from the input and must never exhaust the call stack.
    /// </summary>
    private static IResult<JsonElement> ScanNonStringValue(IInput input)
    {
        var start = (TextInput)input;
        var end = ScanValue(start.Source, start.Position, start.End);
        if (end < 0)
        {
            return Results.Failure<JsonElement>(input, "invalid JSON value", ValueExpectation);
        }

        var stop = start.At(end);
        return Results.Success(new JsonElement(null, start, stop), stop);
    }

    private static int ScanValue(string text, int position, int end)
    {
        // The open containers ('[' or '{'); the exec-form array around this value is one more level.
        var containers = new Stack<char>();
        while (true)
        {
            // Here a value is expected.
            if (position >= end)
            {
                return -1;
            }

            var c = text[position];
            if (c == '[' || c == '{')
            {
                containers.Push(c);
                if (containers.Count + 1 > MaxDepth)
                {
                    return -1;
                }

                position = SkipWhitespace(text, position + 1, end);
                if (position < end && text[position] == Closer(c))
                {
                    containers.Pop();
                    position++;
                }
                else
                {
                    if (c == '{' && (position = ScanMemberName(text, position, end)) < 0)
                    {
                        return -1;
                    }

                    continue;
                }
            }
            else if ((position = ScanScalar(text, position, end)) < 0)
            {
                return -1;
            }

            // Here a value has ended: close containers until one continues with a comma.
            while (true)
            {
                if (containers.Count == 0)
                {
                    return position;
                }

                position = SkipWhitespace(text, position, end);
                if (position >= end)
                {
                    return -1;
                }

                var open = containers.Peek();
                if (text[position] == Closer(open))
                {
                    containers.Pop();
                    position++;
                    continue;
                }

                if (text[position] != ',')
                {
                    return -1;
                }

                position = SkipWhitespace(text, position + 1, end);
                if (open == '{' && (position = ScanMemberName(text, position, end)) < 0)
                {
                    return -1;
                }

                break;
            }
        }
    }

    private static char Closer(char open) => open == '[' ? ']' : '}';

    /// <summary>Scans <c>"name" :</c> and the white space after it; -1 if it is not there.</summary>
    private static int ScanMemberName(string text, int position, int end)
    {
        if (position >= end || text[position] != '"')
        {
            return -1;
        }

        position = ScanString(text, position, end);
        if (position < 0)
        {
            return -1;
        }

        position = SkipWhitespace(text, position, end);
        if (position >= end || text[position] != ':')
        {
            return -1;
        }

        return SkipWhitespace(text, position + 1, end);
    }

    /// <summary>Scans a string, number, <c>true</c>, <c>false</c> or <c>null</c>; -1 if invalid.</summary>
    private static int ScanScalar(string text, int position, int end) => text[position] switch
    {
        '"' => ScanString(text, position, end),
        't' => ScanLiteral(text, position, end, "true"),
        'f' => ScanLiteral(text, position, end, "false"),
        'n' => ScanLiteral(text, position, end, "null"),
        var c when c == '-' || IsDigit(c) => ScanNumber(text, position, end),
        _ => -1,
    };

    private static int ScanLiteral(string text, int position, int end, string literal) =>
        end - position >= literal.Length && string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0
            ? position + literal.Length
            : -1;

    private static int ScanNumber(string text, int position, int end)
    {
        if (text[position] == '-')
        {
            position++;
        }

        if (position >= end || !IsDigit(text[position]))
        {
            return -1;
        }

        position = text[position] == '0' ? position + 1 : SkipDigits(text, position, end);
        if (position < end && text[position] == '.')
        {
            if (position + 1 >= end || !IsDigit(text[position + 1]))
            {
                return -1;
            }

            position = SkipDigits(text, position + 1, end);
        }

        if (position < end && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            if (position < end && (text[position] == '+' || text[position] == '-'))
            {
                position++;
            }

            if (position >= end || !IsDigit(text[position]))
            {
                return -1;
            }

            position = SkipDigits(text, position, end);
        }

        return position;
    }

    private static int ScanString(string text, int position, int end)
    {
        position++;
        while (position < end)
        {
            var c = text[position];
            if (c == '"')
            {
                return position + 1;
            }

            if (c < ' ')
            {
                return -1;
            }

            if (c == '\\')
            {
                position++;
                if (position >= end)
                {
                    return -1;
                }

                if (text[position] == 'u')
                {
                    if (end - position < 5)
                    {
                        return -1;
                    }

                    for (var i = 1; i <= 4; i++)
                    {
                        if (!Uri.IsHexDigit(text[position + i]))
                        {
                            return -1;
                        }
                    }

                    position += 4;
                }
                else if ("\"\\/bfnrt".IndexOf(text[position]) < 0)
                {
                    return -1;
                }
            }

            position++;
        }

        return -1;
    }

    private static int SkipDigits(string text, int position, int end)
    {
        while (position < end && IsDigit(text[position]))
        {
            position++;
        }

        return position;
    }

    private static int SkipWhitespace(string text, int position, int end)
    {
        while (position < end && IsJsonWhitespace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
