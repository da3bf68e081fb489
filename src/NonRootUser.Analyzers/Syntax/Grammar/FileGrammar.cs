using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>
/// The grammar of a whole Dockerfile, line by line: parser directives at the top, then blank lines, comment lines and
/// instructions. An instruction line that ends with the escape character continues on the next line (comment and
/// blank lines in between are skipped); the joined logical line is then read by <see cref="InstructionGrammar"/>, and
/// heredoc bodies it announces are read from the lines after it.
/// </summary>
internal sealed class FileGrammar
{
    private static readonly string[] KnownDirectives = { "syntax", "escape", "check" };
    private static readonly string[] LineExpectation = { "a line" };
    private static readonly char[] LineBreakCharacters = { '\r', '\n' };
    private static readonly Parser<IReadOnlyList<HeredocSyntax>> NoHeredocs = Lexical.Return<IReadOnlyList<HeredocSyntax>>(Array.Empty<HeredocSyntax>());

    private static readonly Parser<IOption<Lexeme>> OptionalLineFeed = Lexical.Char('\n', "a line feed").Optional();

    // LF, CRLF or a lone CR.
    private static readonly Parser<Lexeme> LineBreak =
        Lexical.Char('\n', "the end of the line").Or(
            from cr in Lexical.Char('\r', "the end of the line")
            from lf in OptionalLineFeed
            select cr);

    private static readonly Parser<Lexeme> EndOfLine = LineBreak.Or(Lexical.EndOfInput);

    // White space within a line.
    private static readonly Parser<Lexeme> Blanks = Lexical.Run(IsBlank);

    // Everything up to the end of the line.
    private static readonly Parser<Lexeme> LineText = Lexical.RunUntil('\r', '\n');

    private static readonly Parser<object> NotAtEnd = Parse.Not(Lexical.EndOfInput);

    private static readonly Parser<Lexeme> SpacesOrTabs = Lexical.Run(c => c == ' ' || c == '\t');

    // A physical line: its leading white space, its text, and its line break (or the end of the file). It is read in
    // one step, as BuildKit's line scanner does, because every line of the file goes through it.
    private static readonly Parser<PhysicalLine> Line = ReadLine;

    private static readonly Parser<Lexeme> LettersAndDigits = Lexical.Run(c => IsAsciiLetter(c) || (c >= '0' && c <= '9'));

    // escape, syntax, check — letters then letters or digits.
    private static readonly Parser<Lexeme> DirectiveName =
        (from first in Parse.Char(IsAsciiLetter, "a directive name")
         from rest in LettersAndDigits
         select rest)
        .Capture();

    private static readonly Parser<Lexeme> Hash = Lexical.Char('#', "#");

    private static readonly Parser<Lexeme> DirectiveSpaces = Lexical.Run(IsDirectiveSpace);

    private static readonly Parser<Lexeme> EqualsSign = Lexical.Char('=', "=");

    // # escape=`
    private static readonly Parser<DirectiveLine> Directive =
        from leading in Blanks
        from hash in Hash
        from padding in Blanks
        from name in DirectiveName
        where KnownDirectives.Contains(name.Text.ToLowerInvariant())
        from beforeEquals in DirectiveSpaces
        from equalsSign in EqualsSign
        from value in LineText
        where !value.IsEmpty
        from end in EndOfLine
        select new DirectiveLine(
            new ParserDirective(name.Text.ToLowerInvariant(), DirectiveValue(value.Text), hash.Start.SpanTo(value.End)),
            value.Start);

    // Directives are only recognized before anything else: the first other line ends them.
    private static readonly Parser<IReadOnlyList<DirectiveLine>> Directives =
        Directive.Many().Then(directives => ValidDirectives(directives.ToList()));

    // A line of a heredoc body, taken as it is.
    private static readonly Parser<RawLine> BodyLine =
        from notAtEnd in NotAtEnd
        from text in LineText
        from end in EndOfLine
        select new RawLine(text);

    /// <summary>The whole file: directives, then lines until the end. BOM, if any, is removed before parsing.</summary>
    public static readonly Parser<DockerfileSyntax> Dockerfile =
        from directives in Directives
        from items in For(EscapeOf(directives)).items.End()
        from end in Lexical.Here
        from syntax in Syntax(directives, items, end)
        select syntax;

    // Built last: their constructors use the static parsers above.
    private static readonly FileGrammar Backslash = new('\\');
    private static readonly FileGrammar Backtick = new('`');

    private readonly Parser<IReadOnlyList<FileItem>> items;
    private readonly InstructionGrammar instructions;
    private readonly Parser<TextInput?> continuationMarker;
    private readonly char escape;

    private FileGrammar(char escape)
    {
        this.escape = escape;
        instructions = InstructionGrammar.For(escape);

        // \ then only spaces or tabs to the end of the line: the instruction continues on the next line.
        continuationMarker =
            (from escapeCharacter in Lexical.Char(escape, "the escape character")
             from padding in SpacesOrTabs
             select (TextInput?)escapeCharacter.Start)
            .End();

        // Inside a continuation, comment lines and blank lines are skipped until a line of instruction text.
        var continuationLine =
            from lines in Line.RepeatWhile(line => line.IsSkippedInContinuation)
            where lines.Count > 0 && !lines[lines.Count - 1].IsSkippedInContinuation
            select ToContinuationLine(lines);

        // RUN apt-get update \ (comment or blank lines) && rm -rf /var/lib/apt/lists/*
        var instructionLines = Lexical.Chain(
            Line.Select(line => InstructionLine.Of(line.Text.Start, line.Text, ContinuationMarker(line.Text))),
            first => first.Continues,
            continuationLine,
            next => next.Line.Continues)
            .Select(lines => new InstructionLines(lines.First, lines.Following));

        // The instruction, then the bodies of the heredocs it announces.
        var instruction =
            from draft in instructionLines.SelectChecked(ReadInstruction)
            from heredocs in Heredocs(draft.Heredocs)
            select FileItem.ForInstruction(WithHeredocs(draft.Node, heredocs), draft.Comments);

        // A blank line, a comment line, or an instruction.
        var item = Lexical.If(StartsBlankOrCommentLine, Line.Select(BlankOrComment), instruction);

        // At most one item per line.
        items = item.XMany(input => input.SourceText.LineCount - input.SourceText.LineIndexOf(input.Position));
    }

    private static FileGrammar For(char escape) => escape == '`' ? Backtick : Backslash;

    private static IResult<PhysicalLine> ReadLine(IInput input)
    {
        var start = (TextInput)input;
        if (start.AtEnd)
        {
            return Results.Failure<PhysicalLine>(input, "unexpected end of input", LineExpectation);
        }

        var source = start.Source;
        var position = start.Position;
        var end = start.End;
        while (position < end && IsBlank(source[position]))
        {
            position++;
        }

        var textStart = position;
        position = source.IndexOfAny(LineBreakCharacters, position, end - position);
        if (position < 0)
        {
            position = end;
        }

        var textEnd = position;
        if (position < end)
        {
            position += source[position] == '\r' && position + 1 < end && source[position + 1] == '\n' ? 2 : 1;
        }

        var leading = start.At(textStart);
        var text = new Lexeme(leading, leading.At(textEnd));
        return Results.Success(new PhysicalLine(new Lexeme(start, leading), text), start.At(position));
    }

    /// <summary>Where the continuation escape character of <paramref name="text"/> is, if the line ends with one.</summary>
    private TextInput? ContinuationMarker(Lexeme text)
    {
        // Only the last escape character can be the marker, and only if spaces or tabs alone follow it.
        var source = text.Start.Source;
        var end = text.End.Position;
        var position = end - 1;
        while (position >= text.Start.Position && (source[position] == ' ' || source[position] == '\t'))
        {
            position--;
        }

        if (position < text.Start.Position)
        {
            return null;
        }

        // Most lines do not end with the escape character: no need to run the marker's parser on them.
        if (source[position] != escape)
        {
            return null;
        }

        // An escape character after another one is escaped (BuildKit: "([^\\])\\[ \t]*$").
        if (position > text.Start.Position && source[position - 1] == source[position])
        {
            return null;
        }

        var marker = continuationMarker(text.Start.At(position).Until(text.End));
        return marker.WasSuccessful ? marker.Value : null;
    }

    private ContinuationLine ToContinuationLine(IReadOnlyList<PhysicalLine> lines)
    {
        var comments = new List<CommentSyntax>();
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (lines[i].IsComment)
            {
                comments.Add(lines[i].Comment());
            }
        }

        // A continuation line keeps its leading white space.
        var line = lines[lines.Count - 1];
        return new ContinuationLine(comments, InstructionLine.Of(line.Leading.Start, line.Text, ContinuationMarker(line.Text)));
    }

    private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

    private static bool IsBlank(char c) => char.IsWhiteSpace(c) && !IsLineBreak(c);

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    // What \s means in BuildKit's directive pattern (Go's RE2): ASCII space, tab, line feed, form feed, carriage return.
    private static bool IsDirectiveSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    /// <summary>
    /// The value of <c>\s*(.+?)\s*$</c> after the <c>=</c>: trimmed, except that white space alone yields its last
    /// character (the pattern needs at least one).
    /// </summary>
    private static string DirectiveValue(string afterEquals)
    {
        var start = 0;
        var end = afterEquals.Length;
        while (start < end && IsDirectiveSpace(afterEquals[start]))
        {
            start++;
        }

        while (end > start && IsDirectiveSpace(afterEquals[end - 1]))
        {
            end--;
        }

        return start == end ? afterEquals.Substring(afterEquals.Length - 1) : afterEquals.Substring(start, end - start);
    }

    private static Parser<IReadOnlyList<DirectiveLine>> ValidDirectives(IReadOnlyList<DirectiveLine> directives)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in directives)
        {
            var directive = line.Directive;
            if (!seen.Add(directive.Name))
            {
                return Lexical.ExpectedAt<IReadOnlyList<DirectiveLine>>(
                    line.ValueStart.AtFileOffset(line.ValueStart.SourceText.LineStart(directive.Span.Start.Line - 1)),
                    $"only one {directive.Name} parser directive");
            }

            if (directive.Name == "escape" && directive.Value != "\\" && directive.Value != "`")
            {
                return Lexical.ExpectedAt<IReadOnlyList<DirectiveLine>>(line.ValueStart, "\\ or ` as the escape character");
            }
        }

        return Parse.Return(directives);
    }

    private static char EscapeOf(IReadOnlyList<DirectiveLine> directives) =>
        directives.FirstOrDefault(line => line.Directive.Name == "escape")?.Directive.Value[0] ?? '\\';

    private static Parser<DockerfileSyntax> Syntax(IReadOnlyList<DirectiveLine> directives, IReadOnlyList<FileItem> items, TextInput end)
    {
        var instructionCount = 0;
        var commentCount = 0;
        foreach (var item in items)
        {
            instructionCount += item.Instruction is null ? 0 : 1;
            commentCount += item.CommentCount;
        }

        var instructions = new List<InstructionSyntax>(instructionCount);
        var comments = new List<CommentSyntax>(commentCount);
        foreach (var item in items)
        {
            if (item.Comment is not null)
            {
                comments.Add(item.Comment);
            }

            if (item.InnerComments is not null)
            {
                comments.AddRange(item.InnerComments);
            }

            if (item.Instruction is not null)
            {
                instructions.Add(item.Instruction);
            }
        }

        if (instructions.Count == 0)
        {
            return Lexical.ExpectedAt<DockerfileSyntax>(end, "an instruction such as FROM (the file has no instructions)");
        }

        var span = new SourceSpan(instructions[0].Span.Start, instructions[instructions.Count - 1].Span.End);
        return Parse.Return(new DockerfileSyntax(
            directives.Select(line => line.Directive).ToList(),
            instructions,
            comments,
            EscapeOf(directives),
            span));
    }

    /// <summary>Reads the logical line made of an instruction's lines as one instruction.</summary>
    private Outcome<InstructionRead> ReadInstruction(InstructionLines lines)
    {
        var first = lines.First.Start;
        var logicalLine = LogicalLine.Create(first.SourceText, lines.First, lines.Continuations);
        if (logicalLine is null)
        {
            // Only continuation characters, then nothing: report it just after the last one.
            var last = lines.Continuations.Count == 0 ? lines.First : lines.Continuations[lines.Continuations.Count - 1].Line;
            return Outcome<InstructionRead>.Expected(last.ContentEnd.At(last.ContentEnd.Position + 1), "an instruction after the line continuation");
        }

        var result = instructions.Instruction(logicalLine);
        if (result.WasSuccessful)
        {
            var comments = lines.Continuations.Count == 0
                ? (IReadOnlyList<CommentSyntax>)Array.Empty<CommentSyntax>()
                : lines.Continuations.SelectMany(line => line.Comments).ToList();
            return new InstructionRead(result.Value.Node, result.Value.Heredocs, comments);
        }

        // Report the error where it is in the file.
        var position = first.AtFileOffset(((TextInput)result.Remainder).SourceOffset);
        return Outcome<InstructionRead>.Expected(position, string.Join(" or ", result.Expectations.Distinct()));
    }

    private static bool StartsBlankOrCommentLine(TextInput input)
    {
        var text = input.Source;
        var position = input.Position;
        while (position < input.End && IsBlank(text[position]))
        {
            position++;
        }

        return position == input.End || IsLineBreak(text[position]) || text[position] == '#';
    }

    private static FileItem BlankOrComment(PhysicalLine line) => line.IsBlank ? FileItem.Blank : FileItem.ForComment(line.Comment());

    private static Parser<IReadOnlyList<HeredocSyntax>> Heredocs(IReadOnlyList<HeredocRequest> requests) =>
        requests.Count == 0 ? NoHeredocs : Lexical.Sequence(requests.Select(Heredoc).ToList());

    // The body of <<EOF: every line up to the one that is exactly EOF (after leading tabs, for <<-EOF).
    private static Parser<HeredocSyntax> Heredoc(HeredocRequest request) =>
        from lines in BodyLine.Where(line => !line.Ends(request)).Many()
        from delimiter in BodyLine.Where(line => line.Ends(request)).Named($"\"{request.Name}\" to end the heredoc")
        select ToHeredoc(request, lines.FirstOrDefault() ?? delimiter, delimiter);

    private static HeredocSyntax ToHeredoc(HeredocRequest request, RawLine first, RawLine delimiter)
    {
        var start = first.Text.Start;
        var content = start.Source.Substring(start.Position, delimiter.Text.Start.Position - start.Position);
        return new HeredocSyntax(request.Name, request.Expand, request.StripLeadingTabs, content, start.SpanTo(delimiter.Text.End));
    }

    private static InstructionSyntax WithHeredocs(InstructionSyntax node, IReadOnlyList<HeredocSyntax> heredocs)
    {
        if (heredocs.Count == 0)
        {
            return node;
        }

        var span = new SourceSpan(node.Span.Start, heredocs[heredocs.Count - 1].Span.End);
        return node switch
        {
            RunInstruction run => run with { Heredocs = heredocs, Span = span },
            CopyInstruction copy => copy with { Heredocs = heredocs, Span = span },
            AddInstruction add => add with { Heredocs = heredocs, Span = span },
            OnbuildInstruction onbuild => onbuild with { Trigger = WithHeredocs(onbuild.Trigger, heredocs), Span = span },
            _ => node,
        };
    }

    /// <summary>A parser directive line and where its value starts (for error positions).</summary>
    private sealed record DirectiveLine(ParserDirective Directive, TextInput ValueStart);

    /// <summary>One physical line of a heredoc body.</summary>
    private sealed class RawLine
    {
        public RawLine(Lexeme text) => Text = text;

        public Lexeme Text { get; }

        /// <summary>True if this line is the delimiter that ends <paramref name="request"/>'s body.</summary>
        public bool Ends(HeredocRequest request)
        {
            var text = Text.Start.Source;
            var start = Text.Start.Position;
            var end = Text.End.Position;
            if (request.StripLeadingTabs)
            {
                while (start < end && text[start] == '\t')
                {
                    start++;
                }
            }

            return end - start == request.Name.Length && string.CompareOrdinal(text, start, request.Name, 0, request.Name.Length) == 0;
        }
    }
}

/// <summary>
/// One physical line of an instruction: from its first character (or, for a continuation line, from the start of the
/// line) to the end of its content, the continuation escape character excluded.
/// </summary>
internal sealed record InstructionLine(TextInput Start, TextInput ContentEnd, bool Continues)
{
    public static InstructionLine Of(TextInput start, Lexeme text, TextInput? continuationMarker) =>
        continuationMarker is null ? new(start, text.End, false) : new(start, continuationMarker, true);
}

/// <summary>A physical line: the white space it starts with, and the rest of its text (without the line break).</summary>
internal sealed class PhysicalLine
{
    public PhysicalLine(Lexeme leading, Lexeme text)
    {
        Leading = leading;
        Text = text;
    }

    public Lexeme Leading { get; }

    public Lexeme Text { get; }

    public bool IsBlank => Text.IsEmpty;

    public bool IsComment => !Text.IsEmpty && Text.Start.Current == '#';

    /// <summary>Comment and blank lines do not end a continuation: BuildKit skips them.</summary>
    public bool IsSkippedInContinuation => Text.IsEmpty || Text.Start.Current == '#';

    public CommentSyntax Comment() => new(Text.Start.TextTo(Text.End).Substring(1).Trim(), Text.Span);
}

/// <summary>The first line of an instruction and its continuation lines.</summary>
internal sealed record InstructionLines(InstructionLine First, IReadOnlyList<ContinuationLine> Continuations);

/// <summary>An instruction read from its lines, the heredocs it announces, and the comment lines among its lines.</summary>
internal sealed record InstructionRead(InstructionSyntax Node, IReadOnlyList<HeredocRequest> Heredocs, IReadOnlyList<CommentSyntax> Comments);

/// <summary>A continuation line with the comment lines skipped before it.</summary>
internal sealed record ContinuationLine(IReadOnlyList<CommentSyntax> Comments, InstructionLine Line);

/// <summary>
/// A blank line, a comment line, or an instruction with the comment lines inside its continuations. A struct: a large
/// file has hundreds of thousands of them, kept until the end of the parse.
/// </summary>
internal readonly struct FileItem
{
    public static readonly FileItem Blank;

    private FileItem(InstructionSyntax? instruction, CommentSyntax? comment, IReadOnlyList<CommentSyntax>? innerComments)
    {
        Instruction = instruction;
        Comment = comment;
        InnerComments = innerComments;
    }

    public InstructionSyntax? Instruction { get; }

    /// <summary>The comment, for a comment line.</summary>
    public CommentSyntax? Comment { get; }

    /// <summary>Comment lines inside an instruction's continuations.</summary>
    public IReadOnlyList<CommentSyntax>? InnerComments { get; }

    public int CommentCount => (Comment is null ? 0 : 1) + (InnerComments?.Count ?? 0);

    public static FileItem ForComment(CommentSyntax comment) => new(null, comment, null);

    public static FileItem ForInstruction(InstructionSyntax instruction, IReadOnlyList<CommentSyntax> comments) =>
        new(instruction, null, comments.Count == 0 ? null : comments);
}

/// <summary>Joins an instruction's physical lines into the logical line BuildKit parses.</summary>
internal static class LogicalLine
{
    /// <summary>An input over the joined line, trimmed; null if the line is empty.</summary>
    public static TextInput? Create(SourceText source, InstructionLine first, IReadOnlyList<ContinuationLine> continuations)
    {
        string text;
        int start;
        int end;
        LogicalMap? map = null;
        if (continuations.Count == 0)
        {
            // The common case: one physical line, read in place.
            text = source.Text;
            start = first.Start.Position;
            end = first.ContentEnd.Position;
        }
        else
        {
            var builder = new StringBuilder();
            var logicalStarts = new List<int>(continuations.Count + 1);
            var sourceStarts = new List<int>(continuations.Count + 1);
            Append(first);
            foreach (var continuation in continuations)
            {
                Append(continuation.Line);
            }

            if (logicalStarts.Count == 0)
            {
                return null;
            }

            text = builder.ToString();
            start = 0;
            end = text.Length;
            map = new LogicalMap(logicalStarts.ToArray(), sourceStarts.ToArray(), text.Length);

            void Append(InstructionLine line)
            {
                var length = line.ContentEnd.Position - line.Start.Position;
                if (length > 0)
                {
                    logicalStarts.Add(builder.Length);
                    sourceStarts.Add(line.Start.Position);
                    builder.Append(source.Text, line.Start.Position, length);
                }
            }
        }

        var untrimmedEnd = end;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start == end ? null : TextInput.ForWindow(source, text, start, end, untrimmedEnd, map);
    }
}
