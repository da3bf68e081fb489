using System.Collections.Generic;

namespace NonRootUser.Analyzers.Shell;

// The small syntax tree the POSIX-sh reader builds. It keeps only what account analysis needs: simple commands with
// their words, assignments and redirections; pipelines (so `echo … | tee -a /etc/passwd` can be followed); and the
// bodies of compound commands, which are scanned like plain lists because every branch may run.

/// <summary>Base of the shell syntax nodes.</summary>
internal abstract record ShellNode;

/// <summary><c>A=1 useradd -u 1000 app &gt;/dev/null</c>.</summary>
internal sealed record SimpleCommandNode(
    IReadOnlyList<AssignmentNode> Assignments,
    IReadOnlyList<ShellWord> Words,
    IReadOnlyList<RedirectionNode> Redirections) : ShellNode;

/// <summary><c>a | b | c</c> (two or more commands).</summary>
internal sealed record PipelineNode(IReadOnlyList<ShellNode> Commands) : ShellNode;

/// <summary>
/// A compound command whose parts are scanned in order: <c>( … )</c>, <c>{ …; }</c>, <c>if</c>, <c>while</c>,
/// <c>until</c>, <c>case</c>. Redirections after it (<c>} &gt;&gt; /etc/passwd</c>) apply to its whole output.
/// </summary>
internal sealed record BlockNode(IReadOnlyList<ShellNode> Body, IReadOnlyList<RedirectionNode> Redirections) : ShellNode;

/// <summary><c>for name in words; do …; done</c>; <see cref="Items"/> is null for <c>for name; do</c> (positional parameters).</summary>
internal sealed record ForNode(string Variable, IReadOnlyList<ShellWord>? Items, BlockNode Body) : ShellNode;

/// <summary><c>name() { …; }</c> or <c>function name { …; }</c>.</summary>
internal sealed record FunctionNode(string Name, ShellNode Body) : ShellNode;

/// <summary>Words that are expanded but not run (a <c>case</c> subject and its patterns): they may hold <c>$( … )</c>.</summary>
internal sealed record WordsNode(IReadOnlyList<ShellWord> Words) : ShellNode;

/// <summary><c>NAME=value</c> (or <c>NAME+=value</c>) before a command or on its own.</summary>
internal sealed record AssignmentNode(string Name, ShellWord Value, bool Append);

/// <summary>
/// <c>&gt;&gt; /etc/passwd</c>, <c>2&gt;&amp;1</c>, <c>&lt;&lt;EOF</c>. For here-documents <see cref="HereDocument"/> holds the body.
/// </summary>
internal sealed record RedirectionNode(int? FileDescriptor, string Operator, ShellWord Target, HereDocumentSlot? HereDocument)
{
    /// <summary>True for operators that write the file: <c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;|</c>, <c>&lt;&gt;</c>, <c>&amp;&gt;</c>, <c>&amp;&gt;&gt;</c>.</summary>
    public bool WritesFile => Operator is ">" or ">>" or ">|" or "<>" or "&>" or "&>>";

    /// <summary>True when the write goes to the end of the file instead of replacing it.</summary>
    public bool Appends => Operator is ">>" or "&>>";

    /// <summary>True when the redirection writes standard output (the content a command prints).</summary>
    public bool WritesStandardOutput => WritesFile && (FileDescriptor is null or 1 || Operator.StartsWith("&", System.StringComparison.Ordinal));
}

/// <summary>
/// The body of a here-document. Bodies follow the line that names them, so the parser fills this slot once it
/// reaches them; it never changes afterwards.
/// </summary>
internal sealed class HereDocumentSlot
{
    public ShellWord Body { get; set; } = ShellWord.Empty;
}

/// <summary>One shell word as written: a sequence of literal, quoted and expansion parts.</summary>
internal sealed record ShellWord(IReadOnlyList<WordPart> Parts)
{
    public static ShellWord Empty { get; } = new(System.Array.Empty<WordPart>());

    /// <summary>True when any part came from quotes or a backslash: such a word survives expansion even when empty.</summary>
    public bool HasQuotes
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part.Quoted)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The word's text when it holds no expansion (quotes removed), else null.</summary>
    public string? LiteralText
    {
        get
        {
            if (Parts.Count == 1 && Parts[0] is LiteralPart single)
            {
                return single.Text;
            }

            var text = new System.Text.StringBuilder();
            foreach (var part in Parts)
            {
                if (part is not LiteralPart literal)
                {
                    return null;
                }

                text.Append(literal.Text);
            }

            return text.ToString();
        }
    }

    /// <summary>The text when the word is one unquoted literal (how reserved words and names must appear).</summary>
    public string? UnquotedLiteral => Parts.Count == 1 && Parts[0] is LiteralPart { Quoted: false } literal ? literal.Text : null;
}

/// <summary>Base of the parts of a word. <see cref="Quoted"/>: inside quotes (no field splitting).</summary>
internal abstract record WordPart(bool Quoted);

/// <summary>Plain text, or text from single quotes or a backslash escape.</summary>
internal sealed record LiteralPart(string Text, bool Quoted) : WordPart(Quoted);

/// <summary>
/// <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${#NAME}</c>, … <see cref="Operator"/> is empty for a plain
/// reference, <c>"len"</c> for <c>${#NAME}</c>, otherwise the operator as written (<c>:-</c>, <c>%%</c>, <c>//</c>, …).
/// </summary>
internal sealed record ParameterPart(string Name, string Operator, ShellWord? Argument, bool Quoted) : WordPart(Quoted);

/// <summary><c>$( … )</c>, <c>` … `</c> or a process substitution <c>&lt;( … )</c>.</summary>
internal sealed record CommandSubstitutionPart(IReadOnlyList<ShellNode> Body, bool Quoted) : WordPart(Quoted);

/// <summary><c>$(( … ))</c>, kept as raw text.</summary>
internal sealed record ArithmeticPart(string Expression, bool Quoted) : WordPart(Quoted);
