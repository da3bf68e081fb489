using System;
using System.Collections.Generic;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>A piece of the input between two positions.</summary>
internal readonly struct Lexeme
{
    public Lexeme(TextInput start, TextInput end)
    {
        Start = start;
        End = end;
    }

    public TextInput Start { get; }

    public TextInput End { get; }

    public int Length => End.Position - Start.Position;

    public bool IsEmpty => End.Position == Start.Position;

    public string Text => Start.TextTo(End);

    public SourceSpan Span => Start.SpanTo(End);

    public WordSyntax ToWord() => new(Text, Span);

    public override string ToString() => Text;
}

/// <summary>A parsed value with the positions it was read between.</summary>
internal readonly struct Located<T>
{
    public Located(T value, TextInput start, TextInput end)
    {
        Value = value;
        Start = start;
        End = end;
    }

    public T Value { get; }

    public TextInput Start { get; }

    public TextInput End { get; }

    public SourceSpan Span => Start.SpanTo(End);
}

/// <summary>A value, or what was expected and where: the result of checking what a parser read.</summary>
internal readonly struct Outcome<T>
{
    private Outcome(T value, TextInput? errorPosition, string? expectation)
    {
        Value = value;
        ErrorPosition = errorPosition;
        Expectation = expectation;
    }

    public T Value { get; }

    public TextInput? ErrorPosition { get; }

    public string? Expectation { get; }

    public static implicit operator Outcome<T>(T value) => new(value, null, null);

    public static Outcome<T> Expected(TextInput position, string expectation) => new(default!, position, expectation);
}

/// <summary>Pieces of text joined without copying when there is only one (most quoted strings have no escapes).</summary>
internal readonly struct TextParts
{
    private readonly string? first;
    private readonly System.Text.StringBuilder? builder;

    private TextParts(string? first, System.Text.StringBuilder? builder)
    {
        this.first = first;
        this.builder = builder;
    }

    public int Count { get; init; }

    public TextParts Append(string part)
    {
        if (first is null)
        {
            return new TextParts(part, null) { Count = 1 };
        }

        var joined = builder ?? new System.Text.StringBuilder(first);
        joined.Append(part);
        return new TextParts(first, joined) { Count = Count + 1 };
    }

    public override string ToString() => builder?.ToString() ?? first ?? string.Empty;
}

/// <summary>
/// Sprache building blocks the grammar is written with, on top of Sprache's own (<c>Parse.Char</c>, <c>Many</c>,
/// <c>Or</c>, ...). Runs of characters are consumed in one step, which keeps parsing linear and fast on large files;
/// repetition is always iterative so no input, however long or deep, can exhaust the stack.
/// </summary>
internal static class Lexical
{
    private static readonly string[] EndOfInputExpectation = { "the end of the input" };

    /// <summary>Succeeds with <paramref name="value"/>, consuming nothing (like <c>Parse.Return</c>).</summary>
    public static Parser<T> Return<T>(T value) => input => Results.Success(value, input);

    /// <summary>The current position, without consuming anything.</summary>
    public static readonly Parser<TextInput> Here = input => Results.Success((TextInput)input, input);

    /// <summary>Succeeds only at the end of the input.</summary>
    public static readonly Parser<Lexeme> EndOfInput = input => input.AtEnd
        ? Results.Success(new Lexeme((TextInput)input, (TextInput)input), input)
        : Results.Failure<Lexeme>(input, "unexpected character", EndOfInputExpectation);

    /// <summary>The character <paramref name="expected"/> (like <c>Parse.Char</c>, without building a message on failure).</summary>
    public static Parser<Lexeme> Char(char expected, string expectation)
    {
        var expectations = new[] { expectation };
        return input =>
        {
            var start = (TextInput)input;
            if (start.AtEnd || start.Current != expected)
            {
                return Results.Failure<Lexeme>(input, "unexpected character", expectations);
            }

            var next = start.At(start.Position + 1);
            return Results.Success(new Lexeme(start, next), next);
        };
    }

    /// <summary>
    /// One or more characters that satisfy <paramref name="predicate"/>, then any that satisfy
    /// <paramref name="trailing"/>, which are skipped: like Sprache's <c>Token()</c>, in one step. The lexeme is the
    /// token without what follows it.
    /// </summary>
    public static Parser<Lexeme> Token(Func<char, bool> predicate, Func<char, bool> trailing, string expectation)
    {
        var expectations = new[] { expectation };
        return input =>
        {
            var start = (TextInput)input;
            var text = start.Source;
            var position = start.Position;
            var end = start.End;
            while (position < end && predicate(text[position]))
            {
                position++;
            }

            if (position == start.Position)
            {
                return Results.Failure<Lexeme>(input, "unexpected character", expectations);
            }

            var tokenEnd = start.At(position);
            while (position < end && trailing(text[position]))
            {
                position++;
            }

            return Results.Success(new Lexeme(start, tokenEnd), tokenEnd.At(position));
        };
    }

    /// <summary>The character <paramref name="expected"/>, then any characters that satisfy <paramref name="trailing"/> (skipped).</summary>
    public static Parser<Lexeme> Token(char expected, Func<char, bool> trailing, string expectation)
    {
        var expectations = new[] { expectation };
        return input =>
        {
            var start = (TextInput)input;
            if (start.AtEnd || start.Current != expected)
            {
                return Results.Failure<Lexeme>(input, "unexpected character", expectations);
            }

            var text = start.Source;
            var position = start.Position + 1;
            var tokenEnd = start.At(position);
            while (position < start.End && trailing(text[position]))
            {
                position++;
            }

            return Results.Success(new Lexeme(start, tokenEnd), tokenEnd.At(position));
        };
    }

    /// <summary>The text <paramref name="expected"/> (like <c>Parse.String</c>, in one step).</summary>
    public static Parser<Lexeme> String(string expected, string expectation)
    {
        var expectations = new[] { expectation };
        return input =>
        {
            var start = (TextInput)input;
            if (start.End - start.Position >= expected.Length
                && string.CompareOrdinal(start.Source, start.Position, expected, 0, expected.Length) == 0)
            {
                var stop = start.At(start.Position + expected.Length);
                return Results.Success(new Lexeme(start, stop), stop);
            }

            return Results.Failure<Lexeme>(input, "unexpected character", expectations);
        };
    }

    /// <summary>Everything up to the end of the input.</summary>
    public static readonly Parser<Lexeme> Rest = input =>
    {
        var start = (TextInput)input;
        var end = start.At(start.End);
        return Results.Success(new Lexeme(start, end), end);
    };

    /// <summary>Zero or more characters up to (not including) any of <paramref name="stops"/>, found with a vectorized search.</summary>
    public static Parser<Lexeme> RunUntil(params char[] stops) => input =>
    {
        var start = (TextInput)input;
        var position = start.Source.IndexOfAny(stops, start.Position, start.End - start.Position);
        var stop = start.At(position < 0 ? start.End : position);
        return Results.Success(new Lexeme(start, stop), stop);
    };

    /// <summary>Zero or more characters that satisfy <paramref name="predicate"/>.</summary>
    public static Parser<Lexeme> Run(Func<char, bool> predicate) => input =>
    {
        var start = (TextInput)input;
        var text = start.Source;
        var position = start.Position;
        var end = start.End;
        while (position < end && predicate(text[position]))
        {
            position++;
        }

        var stop = start.At(position);
        return Results.Success(new Lexeme(start, stop), stop);
    };

    /// <summary>One or more characters that satisfy <paramref name="predicate"/>.</summary>
    public static Parser<Lexeme> Run1(Func<char, bool> predicate, string expectation)
    {
        var expectations = new[] { expectation };
        var run = Run(predicate);
        return input =>
        {
            var result = run(input);
            return result.Value.IsEmpty
                ? Results.Failure<Lexeme>(input, "unexpected character", expectations)
                : result;
        };
    }

    /// <summary>The text <paramref name="parser"/> consumed, as a lexeme.</summary>
    public static Parser<Lexeme> Capture<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful
            ? Results.Success(new Lexeme((TextInput)input, (TextInput)result.Remainder), result.Remainder)
            : Results.Failure<Lexeme>(result.Remainder, result.Message, result.Expectations);
    };

    /// <summary>The value of <paramref name="parser"/> with the positions it was read between.</summary>
    public static Parser<Located<T>> Located<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful
            ? Results.Success(new Located<T>(result.Value, (TextInput)input, (TextInput)result.Remainder), result.Remainder)
            : Results.Failure<Located<T>>(result.Remainder, result.Message, result.Expectations);
    };

    /// <summary>
    /// <paramref name="parser"/> if the next character satisfies <paramref name="test"/>, otherwise
    /// <paramref name="otherwise"/> without consuming anything: a one-character look-ahead that saves trying (and
    /// failing) a parser that cannot match.
    /// </summary>
    public static Parser<T> IfNext<T>(Func<char, bool> test, Parser<T> parser, T otherwise) => input =>
        !input.AtEnd && test(input.Current) ? parser(input) : Results.Success(otherwise, input);

    /// <summary><paramref name="parser"/> if the next character satisfies <paramref name="test"/>, otherwise <paramref name="otherwise"/>.</summary>
    public static Parser<T> IfNext<T>(Func<char, bool> test, Parser<T> parser, Parser<T> otherwise) => input =>
        !input.AtEnd && test(input.Current) ? parser(input) : otherwise(input);

    /// <summary>
    /// Like <c>Select</c>, but the conversion may reject what was read (an image name missing after FROM, a word
    /// without <c>=</c> in ENV): the parser then fails where the outcome says, expecting what it says.
    /// </summary>
    public static Parser<U> SelectChecked<T, U>(this Parser<T> parser, Func<T, Outcome<U>> check) => input =>
    {
        var result = parser(input);
        if (!result.WasSuccessful)
        {
            return Results.Failure<U>(result.Remainder, result.Message, result.Expectations);
        }

        var outcome = check(result.Value);
        return outcome.ErrorPosition is null
            ? Results.Success(outcome.Value, result.Remainder)
            : Results.Failure<U>(outcome.ErrorPosition, "expected " + outcome.Expectation, new[] { outcome.Expectation! });
    };

    /// <summary><paramref name="then"/> where <paramref name="test"/> holds for the input (a look-ahead), otherwise <paramref name="otherwise"/>.</summary>
    public static Parser<T> If<T>(Func<TextInput, bool> test, Parser<T> then, Parser<T> otherwise) => input =>
        (test((TextInput)input) ? then : otherwise)(input);

    /// <summary>
    /// Looks ahead with <paramref name="preview"/> (consuming nothing) and continues with <paramref name="ifTrue"/> or
    /// <paramref name="ifFalse"/> depending on what it saw — e.g. ENV's first word decides between its two forms.
    /// </summary>
    public static Parser<U> Choose<T, U>(Parser<T> preview, Func<T, bool> test, Parser<U> ifTrue, Parser<U> ifFalse) => input =>
    {
        var seen = preview(input);
        return (seen.WasSuccessful && test(seen.Value) ? ifTrue : ifFalse)(input);
    };

    /// <summary>Fails here, saying what was expected.</summary>
    public static Parser<T> Expected<T>(string expectation) => input =>
        Results.Failure<T>(input, "expected " + expectation, new[] { expectation });

    /// <summary>Fails at <paramref name="position"/>, saying what was expected there.</summary>
    public static Parser<T> ExpectedAt<T>(TextInput position, string expectation) => _ =>
        Results.Failure<T>(position, "expected " + expectation, new[] { expectation });

    /// <summary>
    /// Repeats <paramref name="parser"/> while the last value says to go on (like <c>Many</c>, but the stop condition
    /// is a property of what was parsed: a continuation line that does not end with the escape character).
    /// </summary>
    public static Parser<IReadOnlyList<T>> RepeatWhile<T>(this Parser<T> parser, Func<T, bool> goOn) => input =>
    {
        var values = new List<T>();
        var remainder = input;
        while (true)
        {
            var result = parser(remainder);
            if (!result.WasSuccessful || result.Remainder.Equals(remainder))
            {
                break;
            }

            values.Add(result.Value);
            remainder = result.Remainder;
            if (!goOn(result.Value))
            {
                break;
            }
        }

        return Results.Success<IReadOnlyList<T>>(values, remainder);
    };

    /// <summary>
    /// Repeats <paramref name="part"/> until the end of the input or a character that satisfies
    /// <paramref name="stop"/> (like <c>Many</c>, but the end is seen by looking at the next character instead of
    /// trying every alternative of <paramref name="part"/> and failing). Fails if a part fails.
    /// </summary>
    public static Parser<IReadOnlyList<T>> RepeatUntil<T>(this Parser<T> part, Func<char, bool> stop) => input =>
    {
        var values = new List<T>();
        var remainder = input;
        while (!remainder.AtEnd && !stop(remainder.Current))
        {
            var result = part(remainder);
            if (!result.WasSuccessful)
            {
                return Results.Failure<IReadOnlyList<T>>(result.Remainder, result.Message, result.Expectations);
            }

            if (result.Remainder.Equals(remainder))
            {
                break;
            }

            values.Add(result.Value);
            remainder = result.Remainder;
        }

        return Results.Success<IReadOnlyList<T>>(values, remainder);
    };

    /// <summary>
    /// Like <see cref="RepeatUntil{T}"/>, but folds the parts into <paramref name="seed"/> with
    /// <paramref name="accumulate"/> instead of collecting them (a word needs only whether its last part was an escape).
    /// </summary>
    public static Parser<TAccumulate> RepeatUntil<T, TAccumulate>(
        this Parser<T> part, Func<char, bool> stop, TAccumulate seed, Func<TAccumulate, T, TAccumulate> accumulate) => input =>
    {
        var accumulated = seed;
        var remainder = input;
        while (!remainder.AtEnd && !stop(remainder.Current))
        {
            var result = part(remainder);
            if (!result.WasSuccessful)
            {
                return Results.Failure<T, TAccumulate>(result);
            }

            if (result.Remainder.Equals(remainder))
            {
                break;
            }

            accumulated = accumulate(accumulated, result.Value);
            remainder = result.Remainder;
        }

        return Results.Success(accumulated, remainder);
    };

    /// <summary>Runs <paramref name="parsers"/> one after the other (iteratively: their number is unbounded).</summary>
    public static Parser<IReadOnlyList<T>> Sequence<T>(IReadOnlyList<Parser<T>> parsers) => input =>
    {
        var values = new T[parsers.Count];
        var remainder = input;
        for (var i = 0; i < parsers.Count; i++)
        {
            var result = parsers[i](remainder);
            if (!result.WasSuccessful)
            {
                return Results.Failure<IReadOnlyList<T>>(result.Remainder, result.Message, result.Expectations);
            }

            values[i] = result.Value;
            remainder = result.Remainder;
        }

        return Results.Success<IReadOnlyList<T>>(values, remainder);
    };

    /// <summary>
    /// Reads a key with <paramref name="key"/> (without consuming it) and continues with the parser
    /// <paramref name="find"/> gives for it, or <paramref name="fallback"/>: a keyword chooses the instruction's
    /// grammar in one step.
    /// </summary>
    public static Parser<T> Dispatch<TKey, T>(Parser<TKey> key, Func<TKey, Parser<T>?> find, Parser<T> fallback) => input =>
    {
        var keyResult = key(input);
        if (!keyResult.WasSuccessful)
        {
            return Results.Failure<T>(keyResult.Remainder, keyResult.Message, keyResult.Expectations);
        }

        return (find(keyResult.Value) ?? fallback)(input);
    };

    /// <summary>
    /// Like Sprache's <c>XMany</c> (repeat until <paramref name="parser"/> fails without consuming anything; a failure
    /// after consuming input is the result), collecting into a list created once with a capacity guessed from the input.
    /// </summary>
    public static Parser<IReadOnlyList<T>> XMany<T>(this Parser<T> parser, Func<TextInput, int> capacity) => input =>
    {
        var values = new List<T>(capacity((TextInput)input));
        var remainder = input;
        while (true)
        {
            var result = parser(remainder);
            if (!result.WasSuccessful)
            {
                return result.Remainder.Equals(remainder)
                    ? Results.Success<IReadOnlyList<T>>(values, remainder)
                    : Results.Failure<T, IReadOnlyList<T>>(result);
            }

            if (result.Remainder.Equals(remainder))
            {
                return Results.Success<IReadOnlyList<T>>(values, remainder);
            }

            values.Add(result.Value);
            remainder = result.Remainder;
        }
    };

    /// <summary>
    /// Parses <paramref name="first"/>, then <paramref name="next"/> again and again while the last value says the
    /// sequence goes on: an instruction line, then continuation lines while each ends with the escape character.
    /// </summary>
    public static Parser<(T First, IReadOnlyList<U> Following)> Chain<T, U>(Parser<T> first, Func<T, bool> firstGoesOn, Parser<U> next, Func<U, bool> nextGoesOn) => input =>
    {
        var head = first(input);
        if (!head.WasSuccessful)
        {
            return Results.Failure<(T, IReadOnlyList<U>)>(head.Remainder, head.Message, head.Expectations);
        }

        if (!firstGoesOn(head.Value))
        {
            return Results.Success<(T, IReadOnlyList<U>)>((head.Value, Array.Empty<U>()), head.Remainder);
        }

        var rest = next.RepeatWhile(nextGoesOn)(head.Remainder);
        return Results.Success<(T, IReadOnlyList<U>)>((head.Value, rest.Value), rest.Remainder);
    };
}
