using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// Variable expansion and word splitting as Docker performs them on instruction arguments (BuildKit's shell lexer,
/// <c>frontend/dockerfile/shell/lex.go</c>): <c>USER ${APP_UID:-1654}</c> → <c>1654</c>.
/// </summary>
/// <remarks>
/// <para>Supported, as in BuildKit: <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-w}</c>, <c>${VAR-w}</c>, <c>${VAR:+w}</c>,
/// <c>${VAR+w}</c>, <c>${VAR:?m}</c>, <c>${VAR?m}</c>, <c>${VAR#p}</c>, <c>${VAR##p}</c>, <c>${VAR%p}</c>,
/// <c>${VAR%%p}</c>, <c>${VAR/p/r}</c>, <c>${VAR//p/r}</c>; single and double quotes; the escape token. Positional
/// (<c>$1</c>) and special (<c>$@</c>, <c>$#</c>, ...) parameters are looked up like any name, so they are normally
/// unset. A <c>$</c> not followed by a name stays literal.</para>
/// <para>BuildKit details kept on purpose: patterns support <c>*</c> and <c>?</c> but treat <c>[...]</c> literally;
/// wildcards do not match a line feed; the replacement of <c>//</c> (only) reads <c>$0</c> as the matched text; the
/// word of a modifier is expanded before the variable is checked, so names inside it are reported even when the
/// variable is set; <c>${X:#p}</c> and <c>${X:%p}</c> act like <c>${X#p}</c> and <c>${X%p}</c>.</para>
/// <para>Limits BuildKit does not have: <c>${...}</c> nesting deeper than <see cref="MaxNestingDepth"/> levels fails,
/// and so does pattern matching that would exceed a fixed work budget. Both are far beyond real Dockerfiles.</para>
/// <para>Instances hold no state between calls and may be shared between threads.</para>
/// </remarks>
public sealed class ShellLexer
{
    /// <summary>Docker's default escape character; <c># escape=`</c> switches to a backtick.</summary>
    public const char DefaultEscapeToken = '\\';

    /// <summary>The deepest nesting of <c>${...}</c> inside <c>${...}</c> that is expanded; deeper input fails cleanly.</summary>
    public const int MaxNestingDepth = WordExpander.MaxNestingDepth;

    /// <summary>Creates a lexer for the Dockerfile's escape character (<c>\</c>, or <c>`</c> after <c># escape=`</c>).</summary>
    public ShellLexer(char escapeToken = DefaultEscapeToken) => EscapeToken = escapeToken;

    /// <summary>The escape character in use.</summary>
    public char EscapeToken { get; }

    /// <summary>
    /// Expands <paramref name="word"/> as one word with its quotes removed, like BuildKit's <c>ProcessWord</c>:
    /// <c>"$HOME/x" y</c> → <c>/root/x y</c>. Never throws.
    /// </summary>
    /// <param name="word">The text to expand, e.g. an instruction argument.</param>
    /// <param name="environment">The variables in scope; its comparer decides whether names are case-sensitive (pass an
    /// ordinal dictionary for Linux images).</param>
    public ExpansionResult ProcessWord(string word, IReadOnlyDictionary<string, string> environment)
    {
        WordExpander expander = CreateExpander(word, environment);
        string? value = expander.Expand(words: null);
        return value is null
            ? new ExpansionResult(string.Empty, false, DescribeFailure(word, expander), expander.UnsetVariables)
            : new ExpansionResult(value, true, null, expander.UnsetVariables);
    }

    /// <summary>
    /// Expands <paramref name="word"/> and splits it into words on unquoted white space, like BuildKit's
    /// <c>ProcessWords</c>: <c>a "b c" $D</c> with <c>D="d e"</c> → <c>a</c>, <c>b c</c>, <c>d</c>, <c>e</c>. Never throws.
    /// </summary>
    /// <param name="word">The text to expand and split.</param>
    /// <param name="environment">The variables in scope, as for <see cref="ProcessWord"/>.</param>
    public WordsExpansionResult ProcessWords(string word, IReadOnlyDictionary<string, string> environment)
    {
        WordExpander expander = CreateExpander(word, environment);
        var words = new WordAccumulator();
        string? value = expander.Expand(words);
        return value is null
            ? new WordsExpansionResult(Array.Empty<string>(), false, DescribeFailure(word, expander), expander.UnsetVariables)
            : new WordsExpansionResult(words.Finish(), true, null, expander.UnsetVariables);
    }

    private WordExpander CreateExpander(string? word, IReadOnlyDictionary<string, string>? environment) =>
        new(word ?? string.Empty, EscapeToken, environment ?? EmptyEnvironment);

    private static string DescribeFailure(string? word, WordExpander expander) =>
        $"failed to process \"{ErrorText.Abbreviate(word ?? string.Empty)}\": {expander.Error}";

    private static readonly IReadOnlyDictionary<string, string> EmptyEnvironment =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
