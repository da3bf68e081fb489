using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// Splits expanded text into words the way BuildKit's ProcessWords does: unquoted white space (typed, or produced by an
/// unquoted <c>$VAR</c>) ends a word; quoted text and escaped characters are kept whole.
/// </summary>
/// <remarks>
/// A word is only emitted when it has characters, so an empty quoted string such as <c>""</c> produces no word — BuildKit
/// behaves the same way.
/// </remarks>
internal sealed class WordAccumulator
{
    private readonly List<string> words = new();
    private readonly StringBuilder current = new();

    /// <summary>An unquoted character: white space separates words, anything else joins the current word.</summary>
    public void AddSplittable(char ch)
    {
        if (char.IsWhiteSpace(ch))
        {
            EndWord();
        }
        else
        {
            current.Append(ch);
        }
    }

    /// <summary>The value of an unquoted expansion: its white space separates words too.</summary>
    public void AddSplittable(string text)
    {
        foreach (char ch in text)
        {
            AddSplittable(ch);
        }
    }

    /// <summary>An escaped character: always part of the current word, even when it is white space.</summary>
    public void AddLiteral(char ch) => current.Append(ch);

    /// <summary>Quoted text: always part of the current word.</summary>
    public void AddLiteral(string text) => current.Append(text);

    /// <summary>Ends the input and returns every word collected.</summary>
    public IReadOnlyList<string> Finish()
    {
        EndWord();
        return words.AsReadOnly();
    }

    private void EndWord()
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
