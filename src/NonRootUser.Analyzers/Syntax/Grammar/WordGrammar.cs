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

    // Built last: their constructors use the static parsers above.
    public static readonly WordGrammar Backslash = new('\\');
    public static readonly WordGrammar Backtick = new('`');

    // Each part of a word tells whether it ended with an escape character that had nothing left to escape.
    private readonly Parser<bool> escapedCharacter;
    private readonly Parser<bool> plainRun;
    private readonly Parser<bool> doubleQuoted;
    private readonly Parser<bool> singleQuoted;
    private readonly Parser<bool> wordPart;

    private WordGrammar(char escape)
    {
        // \" — the escape character keeps the next character in the word, even a quote or a space.
        escapedCharacter =
            from escapeCharacter in Parse.Char(escape)
            from escaped in Parse.AnyChar.Optional()
            select escaped.IsEmpty;

        // abc
        plainRun = Lexical.Run1(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'' && c != escape, "a word").Return(false);

        // "a b \" c" — white space does not split it; the escape character still escapes.
        doubleQuoted =
            from open in Lexical.Char('"', "a double quote")
            from parts in escapedCharacter.Or(Lexical.Run1(c => c != '"' && c != escape, "a character").Return(false)).RepeatUntil(c => c == '"')
            from close in Lexical.Char('"', "a double quote").Optional()
            select parts.LastOrDefault();

        // 'a b \' — everything up to the next single quote, escape characters included.
        singleQuoted =
            from open in Lexical.Char('\'', "a single quote")
            from text in Lexical.Run(c => c != '\'')
            from close in Lexical.Char('\'', "a single quote").Optional()
            select false;

        wordPart = plainRun.Or(doubleQuoted).Or(escapedCharacter).Or(singleQuoted);

        // name="a b"
        Word =
            from parts in wordPart.RepeatUntil(char.IsWhiteSpace).Where(parts => parts.Count > 0).Located()
            select ToShellWord(parts);

        // a=1 b="2 3"
        Words =
            from leading in Blanks
            from words in (from word in Word from blanks in Blanks select word).RepeatUntil(_ => false)
            select (IReadOnlyList<ShellWord>)words.Where(word => word.Value.Length > 0).ToList();
    }

    public Parser<ShellWord> Word { get; }

    public Parser<IReadOnlyList<ShellWord>> Words { get; }

    public static WordGrammar For(char escape) => escape == '`' ? Backtick : Backslash;

    private static ShellWord ToShellWord(Located<IReadOnlyList<bool>> parts)
    {
        var danglingEscape = parts.Value[parts.Value.Count - 1];
        var valueEnd = danglingEscape ? parts.End.At(parts.End.Position - 1) : parts.End;
        return new ShellWord(parts.Start.TextTo(valueEnd), parts.Start, valueEnd);
    }
}

/// <summary>
/// <c>--from=build</c>, <c>--link</c>, <c>--chown="app:app"</c>: the flags after an instruction keyword. Like BuildKit,
/// quotes are removed and a backslash escapes the next character; a bare <c>--</c> ends the flags.
/// </summary>
internal static class FlagGrammar
{
    private static readonly Parser<Lexeme> Blanks = Lexical.Run(char.IsWhiteSpace);

    // \x
    private static readonly Parser<string> EscapedCharacter =
        from backslash in Parse.Char('\\')
        from escaped in Parse.AnyChar.Optional()
        select escaped.IsDefined ? escaped.Get().ToString() : string.Empty;

    // abc
    private static readonly Parser<string> PlainRun =
        Lexical.Run1(c => !char.IsWhiteSpace(c) && c != '"' && c != '\'' && c != '\\', "a flag").Select(run => run.Text);

    // "a b"
    private static readonly Parser<string> DoubleQuoted = Quoted('"');

    // 'a b'
    private static readonly Parser<string> SingleQuoted = Quoted('\'');

    // --chown="app:app", or -- alone, after which arguments may start with -- too. The value is the word without
    // its leading dashes, quotes removed.
    private static readonly Parser<Located<string>> FlagWord =
        from word in (from dashes in Lexical.String("--", "a flag")
                      from parts in PlainRun.Or(DoubleQuoted).Or(EscapedCharacter).Or(SingleQuoted).RepeatUntil(char.IsWhiteSpace)
                      select parts.Count == 1 ? parts[0] : string.Concat(parts)).Located()
        from blanks in Blanks
        select word;

    private static readonly IReadOnlyList<FlagSyntax> NoFlags = System.Array.Empty<FlagSyntax>();

    private static readonly Parser<IReadOnlyList<FlagSyntax>> FlagWords =
        from words in FlagWord.RepeatWhile(word => word.Value.Length != 0)
        select ToFlags(words);

    /// <summary>The flags, with the white space around them (most instructions have none: one look at '-' says so).</summary>
    public static readonly Parser<IReadOnlyList<FlagSyntax>> Flags =
        from leading in Blanks
        from flags in Lexical.IfNext(c => c == '-', FlagWords, NoFlags)
        select flags;

    private static Parser<string> Quoted(char quote) =>
        from open in Lexical.Char(quote, "a quote")
        from parts in EscapedCharacter.Or(Lexical.Run1(c => c != quote && c != '\\', "a character").Select(run => run.Text)).RepeatUntil(c => c == quote)
        from close in Lexical.Char(quote, "a quote").Optional()
        select string.Concat(parts);

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
