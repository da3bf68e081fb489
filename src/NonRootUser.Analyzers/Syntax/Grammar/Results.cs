using System;
using System.Collections.Generic;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// Sprache results made for this grammar: a success holds only its value and remainder (Sprache's <see cref="Result"/>
/// also carries a message and expectations), which halves the most frequent allocation of a parse. Behaviour is the
/// same as Sprache's: a failure has no value.
/// </summary>
internal static class Results
{
    public static IResult<T> Success<T>(T value, IInput remainder) => new Succeeded<T>(value, remainder);

    public static IResult<T> Failure<T>(IInput remainder, string message, IEnumerable<string> expectations) =>
        new Failed<T>(remainder, message, expectations);

    /// <summary>The same failure, for a parser of another type.</summary>
    public static IResult<U> Failure<T, U>(IResult<T> failure) => new Failed<U>(failure.Remainder, failure.Message, failure.Expectations);

    private sealed class Succeeded<T> : IResult<T>
    {
        public Succeeded(T value, IInput remainder)
        {
            Value = value;
            Remainder = remainder;
        }

        public T Value { get; }

        public bool WasSuccessful => true;

        public string Message => string.Empty;

        public IEnumerable<string> Expectations => Array.Empty<string>();

        public IInput Remainder { get; }

        public override string ToString() => $"Successful parsing of {Value}.";
    }

    private sealed class Failed<T> : IResult<T>
    {
        public Failed(IInput remainder, string message, IEnumerable<string> expectations)
        {
            Remainder = remainder;
            Message = message;
            Expectations = expectations;
        }

        public T Value => throw new InvalidOperationException("No value can be computed.");

        public bool WasSuccessful => false;

        public string Message { get; }

        public IEnumerable<string> Expectations { get; }

        public IInput Remainder { get; }

        public override string ToString() => $"Parsing failure: {Message}; expected {string.Join(" or ", Expectations)}.";
    }
}
