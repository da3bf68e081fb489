using System.Collections.Generic;

namespace NonRootUser.Analyzers.Syntax;

/// <summary>A parsed Dockerfile: parser directives, instructions in file order and every comment line.</summary>
public sealed record DockerfileSyntax(
    IReadOnlyList<ParserDirective> Directives,
    IReadOnlyList<InstructionSyntax> Instructions,
    IReadOnlyList<CommentSyntax> Comments,
    char EscapeCharacter,
    SourceSpan Span);

/// <summary><c># escape=`</c>: a directive before the first instruction or comment. <see cref="Name"/> is lower case.</summary>
public sealed record ParserDirective(string Name, string Value, SourceSpan Span);

/// <summary>A comment line; <see cref="Text"/> is what follows the <c>#</c>, trimmed.</summary>
public sealed record CommentSyntax(string Text, SourceSpan Span);

/// <summary>
/// One token of an instruction as written (before variable expansion), with its span. For shell-form commands the
/// value is the whole command line with continuations joined, exactly as BuildKit passes it to the shell.
/// </summary>
public sealed record WordSyntax(string Value, SourceSpan Span)
{
    public override string ToString() => Value;
}

/// <summary><c>--from=build</c>: <see cref="Name"/> is <c>from</c>, <see cref="Value"/> <c>build</c>; <c>--link</c> has a null value.</summary>
public sealed record FlagSyntax(string Name, string? Value, SourceSpan Span)
{
    public override string ToString() => Value is null ? "--" + Name : "--" + Name + "=" + Value;
}

/// <summary>A heredoc body (<c>&lt;&lt;EOF</c> … <c>EOF</c>) attached to RUN, COPY or ADD.</summary>
/// <param name="Name">The delimiter word, without quotes.</param>
/// <param name="Expand">False when the delimiter was quoted (<c>&lt;&lt;"EOF"</c>, <c>&lt;&lt;'EOF'</c>): no variable expansion.</param>
/// <param name="StripLeadingTabs">True for <c>&lt;&lt;-EOF</c>.</param>
/// <param name="Content">The body lines, each ending in a newline, without the terminating delimiter line.</param>
/// <param name="Span">From the first body line to the end of the terminating delimiter line.</param>
public sealed record HeredocSyntax(string Name, bool Expand, bool StripLeadingTabs, string Content, SourceSpan Span);

/// <summary>A command in shell form (<c>RUN echo hi</c>) or exec form (<c>RUN ["echo", "hi"]</c>).</summary>
public sealed record CommandSyntax(bool IsExecForm, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span)
{
    /// <summary>The shell-form command line, or null for exec form.</summary>
    public string? ShellText => IsExecForm || Arguments.Count == 0 ? null : Arguments[0].Value;
}

/// <summary><c>KEY=value</c> (<see cref="HasEquals"/>) or the legacy <c>KEY value</c> form of ENV and LABEL. Values keep their quotes.</summary>
public sealed record KeyValueSyntax(WordSyntax Key, WordSyntax Value, bool HasEquals, SourceSpan Span);

/// <summary><c>ARG NAME</c> or <c>ARG NAME=default</c>; the default keeps its quotes.</summary>
public sealed record ArgDeclarationSyntax(WordSyntax Name, WordSyntax? DefaultValue, SourceSpan Span);

/// <summary>Base of every instruction node.</summary>
/// <param name="Keyword">The keyword as written (any case).</param>
/// <param name="Flags">The <c>--name[=value]</c> flags after the keyword.</param>
/// <param name="Arguments">
/// The arguments exactly as BuildKit's parser yields them after the keyword and flags (its <c>Node.Next</c> chain):
/// what its dump prints. Typed members of the derived records give the same data a meaning.
/// </param>
/// <param name="Span">From the keyword to the end of the instruction (continuations and heredoc bodies included).</param>
public abstract record InstructionSyntax(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span)
{
    /// <summary>The span of the keyword alone.</summary>
    public SourceSpan KeywordSpan { get; init; }

    public FlagSyntax? FindFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return flag;
            }
        }

        return null;
    }
}

/// <summary><c>FROM [--platform=p] image [AS name]</c>.</summary>
public sealed record FromInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    WordSyntax Image, WordSyntax? StageName) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>RUN [--mount=...] command</c>, shell or exec form, with heredoc bodies.</summary>
public sealed record RunInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    CommandSyntax Command, IReadOnlyList<HeredocSyntax> Heredocs) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>CMD command</c>.</summary>
public sealed record CmdInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    CommandSyntax Command) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>ENTRYPOINT command</c>.</summary>
public sealed record EntrypointInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    CommandSyntax Command) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>SHELL ["executable", "parameters"]</c>.</summary>
public sealed record ShellInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    CommandSyntax Command) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>LABEL k=v ...</c>.</summary>
public sealed record LabelInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<KeyValueSyntax> Pairs) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>ENV k=v ...</c> or <c>ENV k v</c>.</summary>
public sealed record EnvInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<KeyValueSyntax> Pairs) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>MAINTAINER name</c>.</summary>
public sealed record MaintainerInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    WordSyntax Text) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>EXPOSE 80/tcp ...</c>.</summary>
public sealed record ExposeInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<WordSyntax> Ports) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>ADD [--chown=...] src... dest</c> (shell or JSON form, or heredocs).</summary>
public sealed record AddInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<WordSyntax> Sources, WordSyntax? Destination, IReadOnlyList<HeredocSyntax> Heredocs) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>COPY [--from=stage] [--chown=...] src... dest</c> (shell or JSON form, or heredocs).</summary>
public sealed record CopyInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<WordSyntax> Sources, WordSyntax? Destination, IReadOnlyList<HeredocSyntax> Heredocs) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>VOLUME /data ...</c> or JSON form.</summary>
public sealed record VolumeInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<WordSyntax> Paths) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>USER user[:group]</c>; <see cref="Value"/> is the whole word as written (unexpanded).</summary>
public sealed record UserInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    WordSyntax Value) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>WORKDIR /path</c>.</summary>
public sealed record WorkdirInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    WordSyntax Path) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>ARG NAME[=default] ...</c>.</summary>
public sealed record ArgInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    IReadOnlyList<ArgDeclarationSyntax> Declarations) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>ONBUILD instruction</c>: the trigger is recorded in the image and runs in images built FROM it, not in this one.</summary>
public sealed record OnbuildInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    InstructionSyntax Trigger) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>STOPSIGNAL SIGTERM</c>.</summary>
public sealed record StopsignalInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    WordSyntax Signal) : InstructionSyntax(Keyword, Flags, Arguments, Span);

/// <summary><c>HEALTHCHECK NONE</c> (<see cref="Command"/> null) or <c>HEALTHCHECK [--interval=...] CMD command</c>.</summary>
public sealed record HealthcheckInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span,
    CommandSyntax? Command) : InstructionSyntax(Keyword, Flags, Arguments, Span)
{
    public bool IsNone => Command is null;

    /// <summary>The check type as written (<c>CMD</c>, <c>NONE</c>, or another word Docker rejects); null for a bare <c>HEALTHCHECK</c>.</summary>
    public WordSyntax? Type { get; init; }
}

/// <summary>An instruction BuildKit's parser accepts but does not know (it fails later, at build time).</summary>
public sealed record UnknownInstruction(string Keyword, IReadOnlyList<FlagSyntax> Flags, IReadOnlyList<WordSyntax> Arguments, SourceSpan Span)
    : InstructionSyntax(Keyword, Flags, Arguments, Span);
