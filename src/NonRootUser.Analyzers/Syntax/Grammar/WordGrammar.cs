using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// A word of ENV, LABEL or ARG as BuildKit splits them: quotes and escapes are kept in <see cref="Value"/> (they are
/// removed only when the value is expanded); only an escape character at the very end of the instruction is dropped.
/// </summary>
internal sealed record ShellWord(string Value, TextInput Start, TextInput ValueEnd)
{
    public SourceSpan Span => Start.SpanTo(ValueEnd);

    public WordSyntax ToWord() => new(Value, Span);

    /// <summary>The word for characters [<paramref name="from"/>..<paramref name="to"/>) of <see cref="Value"/>.</summary>
    public WordSyntax Slice(int from, int to) =>
        new(Value.Substring(from, to - from), Start.At(Start.Position + from).SpanTo(Start.At(Start.Position + to)));
}

/// <summary>
/// Splits the arguments of ENV, LABEL and ARG into words the way BuildKit does before it looks for <c>=</c>:
/// white space separates words, except inside quotes or after the escape character.
/// </summary>
internal sealed class WordGrammar
{
    private static readonly Parser<Lexeme> Blanks = Lexical.Run(char.IsWhiteSpace);

    private static readonly Parser<IOption<char>> OptionalCharacter = Parse.AnyChar.Optional();

    private static readonly Parser<IOption<Lexeme>> OptionalDoubleQuote = Lexical.Char('"', "a double quote").Optional();

    private static readonly Parser<IOption<Lexeme>> OptionalSingleQuote = Lexical.Char('\'', "a single quote").Optional();

    private static readonly Parser<Lexeme> NotSingleQuotes = Lexical.Run(c => c != '\'');

    // 'a b \' — everything up to the next single quote, escape characters included.
    private static readonly Parser<bool> SingleQuoted =
        from open in Lexical.Char('\'', "a single quote")
        from text in NotSingleQuotes
        from close in OptionalSingleQuote
        select false;

    // Built last: their constructors use the static parsers above.
    public static readonly WordGrammar Backslash = new('\\');
    public static readonly WordGrammar Backtick = new('`');

    private WordGrammar(char escape)
    {
        // Each part of a word tells whether it ended with an escape character that had nothing left to escape.

        // \" — the escape character keeps the next character in the word, even a quote or a space.
        var escapedCharacter =
            from escapeCharacter in Lexical.Char(escape, "the escape character")
            from escaped in OptionalCharacter
            select !escaped.IsDefined;

        // abc
        var plainRun = Lexical.Run1(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'' && c != escape, "a word").Return(false);

        // "a b \" c" — white space does not split it; the escape character still escapes.
        var doubleQuotedParts = escapedCharacter
            .Or(Lexical.Run1(c => c != '"' && c != escape, "a character").Return(false))
            .RepeatUntil(c => c == '"');
        var doubleQuoted =
            from open in Lexical.Char('"', "a double quote")
            from parts in doubleQuotedParts
            from close in OptionalDoubleQuote
            select parts.Count > 0 && parts[parts.Count - 1];

        // How many parts a word has, and whether the last one ended with an escape character that escaped nothing.
        var wordParts = plainRun.Or(doubleQuoted).Or(escapedCharacter).Or(SingleQuoted)
            .RepeatUntil(char.IsWhiteSpace, (Count: 0, DanglingEscape: false), (word, dangling) => (word.Count + 1, dangling))
            .Where(word => word.Count > 0);

        // name="a b"
        Word =
            from parts in wordParts.Located()
            select ToShellWord(parts.Start, parts.End, parts.Value.DanglingEscape);

        var wordAndBlanks =
            from word in Word
            from blanks in Blanks
            select word;

        var wordsAndBlanks = wordAndBlanks.RepeatUntil(_ => false);

        // a=1 b="2 3"
        Words =
            from leading in Blanks
            from words in wordsAndBlanks
            select WithoutEmptyWords(words);
    }

    public Parser<ShellWord> Word { get; }

    public Parser<IReadOnlyList<ShellWord>> Words { get; }

    public static WordGrammar For(char escape) => escape == '`' ? Backtick : Backslash;

    private static ShellWord ToShellWord(TextInput start, TextInput end, bool danglingEscape)
    {
        var valueEnd = danglingEscape ? end.At(end.Position - 1) : end;
        return new ShellWord(start.TextTo(valueEnd), start, valueEnd);
    }

    /// <summary>A word that was only a dangling escape character is no word (BuildKit keeps only non-empty ones).</summary>
    private static IReadOnlyList<ShellWord> WithoutEmptyWords(IReadOnlyList<ShellWord> words)
    {
        foreach (var word in words)
        {
            if (word.Value.Length == 0)
            {
                return words.Where(nonEmpty => nonEmpty.Value.Length > 0).ToList();
            }
        }

        return words;
    }
}

/// <summary>
/// <c>--from=build</c>, <c>--link</c>, <c>--chown="app:app"</c>: the flags after an instruction keyword. Like BuildKit,
/// quotes are removed and a backslash escapes the next character; a bare <c>--</c> ends the flags.
/// </summary>
internal static class FlagGrammar
{
    private static readonly Parser<Lexeme> Blanks = Lexical.Run(char.IsWhiteSpace);

    private static readonly Parser<IOption<char>> OptionalCharacter = Parse.AnyChar.Optional();

    // \x
    private static readonly Parser<string> EscapedCharacter =
        from backslash in Lexical.Char('\\', "a backslash")
        from escaped in OptionalCharacter
        select escaped.IsDefined ? escaped.Get().ToString() : string.Empty;

    // abc
    private static readonly Parser<string> PlainRun =
        Lexical.Run1(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'' && c != '\\', "a flag").Select(run => run.Text);

    // "a b"
    private static readonly Parser<string> DoubleQuoted = Quoted('"');

    // 'a b'
    private static readonly Parser<string> SingleQuoted = Quoted('\'');

    private static readonly Parser<TextParts> FlagWordParts =
        PlainRun.Or(DoubleQuoted).Or(EscapedCharacter).Or(SingleQuoted).RepeatUntil(char.IsWhiteSpace, default(TextParts), (text, part) => text.Append(part));

    // --chown="app:app", or -- alone, after which arguments may start with -- too. The value is the word without
    // its leading dashes, quotes removed.
    private static readonly Parser<Located<string>> FlagWordText =
        (from dashes in Lexical.String("--", "a flag")
         from parts in FlagWordParts
         select parts.ToString())
        .Located();

    private static readonly Parser<Located<string>> FlagWord =
        from word in FlagWordText
        from blanks in Blanks
        select word;

    private static readonly IReadOnlyList<FlagSyntax> NoFlags = System.Array.Empty<FlagSyntax>();

    private static readonly Parser<IReadOnlyList<FlagSyntax>> FlagWords =
        from words in FlagWord.RepeatWhile(word => word.Value.Length != 0)
        select ToFlags(words);

    private static readonly Parser<IReadOnlyList<FlagSyntax>> OptionalFlagWords = Lexical.IfNext(c => c == '-', FlagWords, NoFlags);

    private static readonly Parser<IReadOnlyList<FlagSyntax>> BlanksAndFlags =
        from leading in Blanks
        from flags in OptionalFlagWords
        select flags;

    /// <summary>The flags, with the white space around them (most instructions have none: one look at the next character says so).</summary>
    public static readonly Parser<IReadOnlyList<FlagSyntax>> Flags =
        Lexical.IfNext(c => c == '-' || char.IsWhiteSpace(c), BlanksAndFlags, NoFlags);

    private static Parser<string> Quoted(char quote)
    {
        var parts = EscapedCharacter.Or(Lexical.Run1(c => c != quote && c != '\\', "a character").Select(run => run.Text)).RepeatUntil(c => c == quote);
        var optionalClose = Lexical.Char(quote, "a quote").Optional();
        return
            from open in Lexical.Char(quote, "a quote")
            from text in parts
            from close in optionalClose
            select string.Concat(text);
    }

    private static IReadOnlyList<FlagSyntax> ToFlags(IReadOnlyList<Located<string>> words)
    {
        var flags = new List<FlagSyntax>(words.Count);
        foreach (var word in words)
        {
            // A bare -- ends the flags and is not one.
            if (word.Value.Length != 0)
            {
                flags.Add(ToFlag(word));
            }
        }

        return flags.Count == 0 ? NoFlags : flags;
    }

    private static FlagSyntax ToFlag(Located<string> word)
    {
        var text = word.Value;
        var equals = text.IndexOf('=');
        var span = word.Start.SpanTo(word.End);
        return equals < 0
            ? new FlagSyntax(text, null, span)
            : new FlagSyntax(text.Substring(0, equals), text.Substring(equals + 1), span);
    }
}
