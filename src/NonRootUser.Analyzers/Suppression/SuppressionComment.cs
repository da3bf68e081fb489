using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Suppression;

/// <summary>One rule id as written in a suppression comment; <see cref="Offset"/> indexes the comment's text.</summary>
internal readonly record struct SuppressionCode(string Text, int Offset);

/// <summary>
/// A comment addressed to this package: <c># nonroot-user ignore=NRU002,NRU003</c> or
/// <c># nonroot-user global ignore=NRU003</c>. When <see cref="Error"/> is set the comment is malformed and
/// suppresses nothing.
/// </summary>
internal sealed record SuppressionComment(CommentSyntax Comment, bool IsGlobal, IReadOnlyList<SuppressionCode> Codes, string? Error)
{
    private const string Keyword = "nonroot-user";
    private const int MaxQuotedLength = 64;

    public int Line => Comment.Span.Start.Line;

    public bool IsValid => Error is null;

    /// <summary>Reads a comment; null when it is an ordinary comment, not one starting with <c>nonroot-user</c>.</summary>
    public static SuppressionComment? TryParse(CommentSyntax comment)
    {
        var text = comment.Text ?? string.Empty;
        if (!StartsWithKeyword(text))
        {
            return null;
        }

        var reader = new Reader(text, Keyword.Length);
        var isGlobal = false;
        var afterKeyword = reader.SkipSpaces();
        var word = reader.ReadLetters();
        if (afterKeyword && string.Equals(word, "global", StringComparison.OrdinalIgnoreCase))
        {
            isGlobal = true;
            word = reader.SkipSpaces() ? reader.ReadLetters() : string.Empty;
        }

        if (!afterKeyword || !string.Equals(word, "ignore", StringComparison.OrdinalIgnoreCase))
        {
            return Malformed(comment, isGlobal ? "expected 'ignore=' after 'global'" : "expected 'ignore=' or 'global ignore=' after 'nonroot-user'");
        }

        reader.SkipSpaces();
        if (!reader.Eat('='))
        {
            return Malformed(comment, "expected '=' after 'ignore'");
        }

        var codes = new List<SuppressionCode>();
        var separator = "=";
        while (true)
        {
            reader.SkipSpaces();
            var start = reader.Position;
            var code = reader.ReadCode();
            if (code.Length == 0)
            {
                return Malformed(comment, $"expected a rule id after '{separator}'");
            }

            codes.Add(new SuppressionCode(code, start));
            reader.SkipSpaces();

            // As with hadolint's pragmas, a '#' ends the list and starts a remark: "ignore=NRU002 # legacy base".
            if (reader.AtEnd || reader.Peek == '#')
            {
                return new SuppressionComment(comment, isGlobal, codes, null);
            }

            if (!reader.Eat(','))
            {
                return Malformed(comment, $"expected ',' or the end of the comment after '{Quote(code)}'");
            }

            separator = ",";
        }
    }

    /// <summary>Shortens user text before it goes into a message, so a megabyte comment stays a one-line message.</summary>
    public static string Quote(string text) =>
        text.Length <= MaxQuotedLength ? text : text.Substring(0, MaxQuotedLength) + "\u2026";

    private static SuppressionComment Malformed(CommentSyntax comment, string error) =>
        new(comment, false, Array.Empty<SuppressionCode>(), error);

    /// <summary>
    /// <c>nonroot-user</c> followed by the end, a space or punctuation (<c>nonroot-user:</c> is a mistyped pragma),
    /// but not by more of a word (<c>nonroot-users need ...</c> is prose).
    /// </summary>
    private static bool StartsWithKeyword(string text)
    {
        if (!text.StartsWith(Keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Length == Keyword.Length)
        {
            return true;
        }

        var next = text[Keyword.Length];
        return !char.IsLetterOrDigit(next) && next != '-' && next != '_';
    }

    /// <summary>A cursor over the comment text.</summary>
    private sealed class Reader(string text, int position)
    {
        public int Position { get; private set; } = position;

        public bool AtEnd => Position >= text.Length;

        public char Peek => text[Position];

        /// <summary>Skips blanks; true when there was at least one.</summary>
        public bool SkipSpaces()
        {
            var start = Position;
            while (!AtEnd && char.IsWhiteSpace(Peek))
            {
                Position++;
            }

            return Position > start;
        }

        public bool Eat(char expected)
        {
            if (AtEnd || Peek != expected)
            {
                return false;
            }

            Position++;
            return true;
        }

        public string ReadLetters() => ReadWhile(char.IsLetter);

        /// <summary>A rule id: anything up to a blank, a comma or a remark, so typos are reported as written.</summary>
        public string ReadCode() => ReadWhile(c => !char.IsWhiteSpace(c) && c != ',' && c != '#');

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = Position;
            while (!AtEnd && accept(Peek))
            {
                Position++;
            }

            return text.Substring(start, Position - start);
        }
    }
}
