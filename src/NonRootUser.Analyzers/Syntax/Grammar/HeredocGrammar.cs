using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>A heredoc announced on an instruction line (<c>&lt;&lt;EOF</c>) whose body follows the instruction.</summary>
internal sealed record HeredocRequest(string Name, bool Expand, bool StripLeadingTabs);

/// <summary>
/// Finds the heredocs of a RUN, COPY or ADD line the way BuildKit does: the line is split into shell words (quotes and
/// escapes kept as written), and every word that is <c>[n]&lt;&lt;[-]delimiter</c> announces a body. If the line cannot
/// be split (an unterminated quote), BuildKit finds no heredocs, and neither does this grammar.
/// </summary>
internal static class HeredocGrammar
{
    private static readonly Parser<Lexeme> Blanks = Lexical.Run(char.IsWhiteSpace);

    private static readonly Parser<IOption<char>> OptionalCharacter = Parse.AnyChar.Optional();

    private static readonly Parser<Lexeme> SingleQuote = Lexical.Char('\'', "a single quote");

    private static readonly Parser<Lexeme> DoubleQuote = Lexical.Char('"', "a double quote");

    private static readonly Parser<Lexeme> Backslash = Lexical.Char('\\', "a backslash");

    private static readonly Parser<Lexeme> NotSingleQuotes = Lexical.Run(c => c != '\'');

    // \x — BuildKit looks for heredocs with a backslash escape whatever the escape directive says.
    private static readonly Parser<Unit> Escaped =
        from backslash in Backslash
        from escaped in OptionalCharacter
        select Unit.Value;

    // ${VAR:-default} — kept as written, but its braces must close.
    private static readonly Parser<Unit> BracedVariable = ScanBracedVariable;

    // $ not followed by {
    private static readonly Parser<Unit> Dollar = Lexical.Char('$', "$").Return(Unit.Value);

    // 'a b' — the closing quote is required: BuildKit finds no heredocs in a line it cannot split.
    private static readonly Parser<Unit> SingleQuoted =
        from open in SingleQuote
        from text in NotSingleQuotes
        from close in SingleQuote
        select Unit.Value;

    private static readonly Parser<IReadOnlyList<Unit>> DoubleQuotedParts =
        Lexical.Run1(c => c != '"' && c != '\\' && c != '$', "a character").Return(Unit.Value)
            .Or(Escaped)
            .Or(BracedVariable)
            .Or(Dollar)
            .RepeatUntil(c => c == '"');

    // "a $b"
    private static readonly Parser<Unit> DoubleQuoted =
        from open in DoubleQuote
        from parts in DoubleQuotedParts
        from close in DoubleQuote
        select Unit.Value;

    private static readonly Parser<Unit> PlainRun = Lexical.Run1(
        c => !char.IsWhiteSpace(c) && c != '\'' && c != '"' && c != '\\' && c != '$', "a word").Return(Unit.Value);

    // cat, <<EOF, "a b"c — a shell word, quotes and escapes kept as written.
    private static readonly Parser<Lexeme> ShellWord =
        PlainRun.Or(Escaped).Or(SingleQuoted).Or(DoubleQuoted).Or(BracedVariable).Or(Dollar)
            .RepeatUntil(char.IsWhiteSpace)
            .Capture();

    private static readonly Parser<Lexeme> ShellWordAndBlanks =
        from word in ShellWord
        from blanks in Blanks
        select word;

    private static readonly Parser<IReadOnlyList<Lexeme>> ShellWordsAndBlanks = ShellWordAndBlanks.RepeatUntil(_ => false);

    private static readonly Parser<IReadOnlyList<Lexeme>> ShellWords =
        (from leading in Blanks
         from words in ShellWordsAndBlanks
         select words)
        .End();

    private static readonly Parser<Lexeme> LessLess = Lexical.String("<<", "<<");

    private static readonly Parser<IOption<Lexeme>> OptionalDash = Lexical.Char('-', "-").Optional();

    private static readonly Parser<Lexeme> Delimiter = Lexical.Run1(c => c != '<', "a heredoc delimiter");

    // <<EOF, <<-EOF, 3<<"EOF": digits, <<, an optional dash, then a delimiter word without '<'.
    private static readonly Parser<(bool StripLeadingTabs, Lexeme Delimiter)> Operator =
        (from descriptor in Lexical.Run(c => c >= '0' && c <= '9')
         from lessLess in LessLess
         from dash in OptionalDash
         from delimiter in Delimiter
         select (dash.IsDefined, delimiter))
        .End();

    // The delimiter with its quotes removed: "EOF" -> EOF, 'E'OF -> EOF, \EOF -> EOF.
    private static readonly Parser<string> NameEscaped =
        from backslash in Backslash
        from escaped in OptionalCharacter
        select escaped.IsDefined ? escaped.Get().ToString() : string.Empty;

    // In double quotes a backslash only escapes ", $ and itself.
    private static readonly Parser<string> NameEscapedInDoubleQuotes =
        from backslash in Backslash
        from escaped in OptionalCharacter
        select !escaped.IsDefined ? string.Empty
            : escaped.Get() is '"' or '$' or '\\' ? escaped.Get().ToString()
            : "\\" + escaped.Get();

    private static readonly Parser<string> NameInSingleQuotes =
        from open in SingleQuote
        from text in NotSingleQuotes
        from close in SingleQuote
        select text.Text;

    private static readonly Parser<IEnumerable<string>> NameInDoubleQuotesParts =
        NameEscapedInDoubleQuotes.Or(Lexical.Run1(c => c != '"' && c != '\\', "a character").Select(run => run.Text)).Many();

    private static readonly Parser<string> NameInDoubleQuotes =
        from open in DoubleQuote
        from parts in NameInDoubleQuotesParts
        from close in DoubleQuote
        select string.Concat(parts);

    private static readonly Parser<string> NamePart =
        Lexical.Run1(c => c != '\'' && c != '"' && c != '\\', "a delimiter").Select(run => run.Text)
            .Or(NameEscaped)
            .Or(NameInSingleQuotes)
            .Or(NameInDoubleQuotes);

    private static readonly Parser<string> Name = NamePart.Many().Select(string.Concat).End();

    /// <summary>The heredocs announced in <paramref name="start"/>..<paramref name="end"/>, in order.</summary>
    public static IReadOnlyList<HeredocRequest> Find(TextInput start, TextInput end)
    {
        if (start.Source.IndexOf("<<", start.Position, end.Position - start.Position, System.StringComparison.Ordinal) < 0)
        {
            return System.Array.Empty<HeredocRequest>();
        }

        var words = ShellWords(start.Until(end));
        if (!words.WasSuccessful)
        {
            return System.Array.Empty<HeredocRequest>();
        }

        var requests = new List<HeredocRequest>();
        foreach (var word in words.Value)
        {
            if (word.Start.Source.IndexOf("<<", word.Start.Position, word.Length, System.StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var request = ToRequest(word);
            if (request is not null)
            {
                requests.Add(request);
            }
        }

        return requests;
    }

    private static HeredocRequest? ToRequest(Lexeme word)
    {
        var heredoc = Operator(word.Start.Until(word.End));
        if (!heredoc.WasSuccessful)
        {
            return null;
        }

        var delimiter = heredoc.Value.Delimiter;
        var name = Name(delimiter.Start.Until(delimiter.End));
        if (!name.WasSuccessful || name.Value.Length == 0)
        {
            return null;
        }

        // A quoted delimiter (any quote removed) turns variable expansion in the body off.
        var expand = CountQuotes(name.Value) == CountQuotes(delimiter.Text);
        return new HeredocRequest(name.Value, expand, heredoc.Value.StripLeadingTabs);
    }

    private static int CountQuotes(string text) => text.Count(c => c == '"' || c == '\'');

    private static IResult<Unit> ScanBracedVariable(IInput input)
    {
        var start = (TextInput)input;
        var text = start.Source;
        var position = start.Position;
        if (position + 1 >= start.End || text[position] != '$' || text[position + 1] != '{')
        {
            return Results.Failure<Unit>(input, "unexpected character", BracedVariableExpectation);
        }

        // Iterative brace matching: nested ${a:-${b}} must not recurse.
        var depth = 0;
        while (position < start.End)
        {
            if (text[position] == '$' && position + 1 < start.End && text[position + 1] == '{')
            {
                depth++;
                position += 2;
                continue;
            }

            if (text[position] == '}' && --depth == 0)
            {
                return Results.Success(Unit.Value, start.At(position + 1));
            }

            position++;
        }

        return Results.Failure<Unit>(start.At(position), "unexpected end of input", ClosingBraceExpectation);
    }

    private static readonly string[] BracedVariableExpectation = { "${" };

    private static readonly string[] ClosingBraceExpectation = { "}" };
}

/// <summary>The value of a parser whose result is only that it matched.</summary>
internal readonly struct Unit
{
    public static readonly Unit Value;
}
