using System.Collections.Generic;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// The outcome of expanding one word, e.g. <c>${APP_UID:-1654}</c> → <c>1654</c>.
/// </summary>
/// <param name="Value">The expanded word with quotes and escapes removed; empty when <paramref name="Success"/> is false.</param>
/// <param name="Success">False when BuildKit would reject the word (unterminated quote, <c>${X?message}</c> on an unset X, bad syntax).</param>
/// <param name="Error">Why the expansion failed, in BuildKit's words where it has them; null on success.</param>
/// <param name="UnsetVariables">
/// Every name the word referenced that the environment does not hold, in order of first reference (BuildKit's
/// "unmatched" set). A name is listed even when a modifier supplied a value, as in <c>${X:-default}</c>, so a caller can
/// tell that the value depends on something the Dockerfile did not set. Filled up to the point of failure.
/// </param>
public sealed record ExpansionResult(string Value, bool Success, string? Error, IReadOnlyCollection<string> UnsetVariables);

/// <summary>
/// The outcome of expanding a word and splitting it into words, e.g. <c>"$A b" c</c> with <c>A=x</c> → <c>x b</c>, <c>c</c>.
/// </summary>
/// <param name="Words">The words, split on unquoted white space that came from the text or from an unquoted expansion; empty when <paramref name="Success"/> is false.</param>
/// <param name="Success">False when BuildKit would reject the word.</param>
/// <param name="Error">Why the expansion failed; null on success.</param>
/// <param name="UnsetVariables">Referenced names the environment does not hold, as in <see cref="ExpansionResult.UnsetVariables"/>.</param>
public sealed record WordsExpansionResult(IReadOnlyList<string> Words, bool Success, string? Error, IReadOnlyCollection<string> UnsetVariables);
