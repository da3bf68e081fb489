using System.Text;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// The replacement of <c>${VAR//pattern/replacement}</c>, which BuildKit hands to Go's <c>Regexp.ReplaceAllString</c>:
/// there <c>$0</c> and <c>${0}</c> stand for the matched text, <c>$$</c> for a dollar sign, any other well-formed
/// <c>$name</c> or <c>${name}</c> for nothing, and a malformed <c>$</c> for itself.
/// </summary>
/// <remarks>
/// Only the replace-all form reads the replacement this way; <c>${VAR/pattern/replacement}</c> inserts it literally.
/// A <c>$</c> reaches the template only from an escape (<c>\$</c>) or a variable's value, since the lexer has already
/// expanded every other one.
/// </remarks>
internal static class ReplacementTemplate
{
    /// <summary>Appends <paramref name="template"/> to <paramref name="output"/>, expanded for the match <c>source[start..end)</c>.</summary>
    public static void AppendExpanded(StringBuilder output, string template, string source, int start, int end)
    {
        int index = 0;
        while (true)
        {
            int dollar = template.IndexOf('$', index);
            if (dollar < 0)
            {
                break;
            }

            output.Append(template, index, dollar - index);
            index = dollar + 1;
            if (index < template.Length && template[index] == '$')
            {
                output.Append('$');
                index++;
                continue;
            }

            if (!TryReadReference(template, index, out bool isWholeMatch, out int rest))
            {
                output.Append('$');
                continue;
            }

            index = rest;
            if (isWholeMatch)
            {
                output.Append(source, start, end - start);
            }
        }

        output.Append(template, index, template.Length - index);
    }

    /// <summary>
    /// Reads <c>name</c> or <c>{name}</c> at <paramref name="index"/> (letters, digits, underscores). Only group 0 exists
    /// in BuildKit's regular expressions, so the only reference that yields text is <c>0</c> (Go rejects leading zeros).
    /// </summary>
    private static bool TryReadReference(string template, int index, out bool isWholeMatch, out int rest)
    {
        isWholeMatch = false;
        rest = index;
        bool braced = index < template.Length && template[index] == '{';
        int nameStart = braced ? index + 1 : index;
        int nameEnd = nameStart;
        while (nameEnd < template.Length && IsNameCharacter(template, nameEnd, out int width))
        {
            nameEnd += width;
        }

        if (nameEnd == nameStart)
        {
            return false;
        }

        if (braced)
        {
            if (nameEnd >= template.Length || template[nameEnd] != '}')
            {
                return false;
            }

            rest = nameEnd + 1;
        }
        else
        {
            rest = nameEnd;
        }

        isWholeMatch = nameEnd - nameStart == 1 && template[nameStart] == '0';
        return true;
    }

    private static bool IsNameCharacter(string text, int index, out int width)
    {
        width = char.IsSurrogatePair(text, index) ? 2 : 1;
        return text[index] == '_' || char.IsLetter(text, index) || char.IsDigit(text, index);
    }
}
