using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// Sprache's query operators (<c>from … select</c>, <c>where</c>), <c>Or</c>, <c>Named</c>, <c>Return</c> and
/// <c>End</c>, with the same behaviour but without allocating closures on every call: Sprache's own versions build
/// several delegates each time a parser runs, which made them most of the parse time. Declared in the grammar's
/// namespace, these are the ones C# binds to in this folder (extension methods of an enclosing namespace win over
/// those of a <c>using</c>); code that imports both this namespace and Sprache's must qualify the call.
/// </summary>
internal static class QueryOperators
{
    public static Parser<U> Select<T, U>(this Parser<T> parser, Func<T, U> convert) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Results.Success(convert(result.Value), result.Remainder) : Fail<T, U>(result);
    };

    public static Parser<V> SelectMany<T, U, V>(this Parser<T> parser, Func<T, Parser<U>> selector, Func<T, U, V> projector) => input =>
    {
        var first = parser(input);
        if (!first.WasSuccessful)
        {
            return Fail<T, V>(first);
        }

        var second = selector(first.Value)(first.Remainder);
        return second.WasSuccessful ? Results.Success(projector(first.Value, second.Value), second.Remainder) : Fail<U, V>(second);
    };

    /// <summary>Like Sprache's <c>Where</c>: a value that does not satisfy the predicate fails where the parser started.</summary>
    public static Parser<T> Where<T>(this Parser<T> parser, Func<T, bool> predicate) => input =>
    {
        var result = parser(input);
        return !result.WasSuccessful || predicate(result.Value)
            ? result
            : Results.Failure<T>(input, "unexpected value", Array.Empty<string>());
    };

    /// <summary>Like Sprache's <c>Or</c>: the second alternative is tried from the same input if the first fails (or consumes nothing).</summary>
    public static Parser<T> Or<T>(this Parser<T> first, Parser<T> second) => input =>
    {
        var firstResult = first(input);
        if (firstResult.WasSuccessful && !firstResult.Remainder.Equals(input))
        {
            return firstResult;
        }

        var secondResult = second(input);
        if (secondResult.WasSuccessful)
        {
            return secondResult;
        }

        return firstResult.WasSuccessful ? firstResult : BestError(firstResult, secondResult);
    };

    /// <summary>Like Sprache's <c>Named</c>: a failure without progress says it expected <paramref name="name"/>.</summary>
    public static Parser<T> Named<T>(this Parser<T> parser, string name)
    {
        var expectations = new[] { name };
        return input =>
        {
            var result = parser(input);
            return !result.WasSuccessful && result.Remainder.Equals(input)
                ? Results.Failure<T>(result.Remainder, result.Message, expectations)
                : result;
        };
    }

    public static Parser<U> Return<T, U>(this Parser<T> parser, U value) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful ? Results.Success(value, result.Remainder) : Fail<T, U>(result);
    };

    /// <summary>Like Sprache's <c>End</c>: the parser must consume the whole input.</summary>
    public static Parser<T> End<T>(this Parser<T> parser) => input =>
    {
        var result = parser(input);
        return !result.WasSuccessful || result.Remainder.AtEnd
            ? result
            : Results.Failure<T>(result.Remainder, "unexpected character", EndExpectation);
    };

    private static readonly string[] EndExpectation = { "the end of the input" };

    private static IResult<U> Fail<T, U>(IResult<T> failure) =>
        Results.Failure<U>(failure.Remainder, failure.Message, failure.Expectations);

    /// <summary>The failure that got further; at the same place, both expectations.</summary>
    private static IResult<T> BestError<T>(IResult<T> first, IResult<T> second)
    {
        if (second.Remainder.Position > first.Remainder.Position)
        {
            return second;
        }

        return second.Remainder.Position == first.Remainder.Position
            ? Results.Failure<T>(first.Remainder, first.Message, first.Expectations.Union(second.Expectations))
            : first;
    }
}
