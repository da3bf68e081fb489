using System.Collections.Generic;

namespace NonRootUser.Analyzers.Syntax;

/// <summary>A positioned parse error: <c>line 3, column 6: expected an image name after FROM</c>.</summary>
public sealed record ParseError(string Message, SourcePosition Position)
{
    public override string ToString() => $"line {Position.Line}, column {Position.Column}: {Message}";
}

/// <summary>The outcome of parsing: a tree when the text is a Dockerfile BuildKit accepts, and the errors otherwise.</summary>
public sealed record ParseResult(DockerfileSyntax? Syntax, IReadOnlyList<ParseError> Errors)
{
    public bool Success => Syntax is not null && Errors.Count == 0;
}
