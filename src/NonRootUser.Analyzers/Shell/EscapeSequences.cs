using System.Text;

namespace NonRootUser.Analyzers.Shell;

/// <summary>The backslash escapes of <c>echo -e</c>, <c>printf</c> and <c>$'…'</c>.</summary>
internal static class EscapeSequences
{
    /// <summary>
    /// Decodes the escape whose letter is at <paramref name="index"/> (just after the backslash) into
    /// <paramref name="output"/> and returns how many characters it used from <paramref name="index"/>.
    /// <paramref name="allowOctalWithoutZero"/>: <c>\101</c> is octal (printf, <c>$'…'</c>); echo needs <c>\0101</c>.
    /// Unknown escapes are kept as written.
    /// </summary>
    public static int Decode(string text, int index, StringBuilder output, bool allowOctalWithoutZero)
    {
        if (index >= text.Length)
        {
            output.Append('\\');
            return 0;
        }

        var c = text[index];
        switch (c)
        {
            case 'a': output.Append('\a'); return 1;
            case 'b': output.Append('\b'); return 1;
            case 'e':
            case 'E': output.Append('\u001b'); return 1;
            case 'f': output.Append('\f'); return 1;
            case 'n': output.Append('\n'); return 1;
            case 'r': output.Append('\r'); return 1;
            case 't': output.Append('\t'); return 1;
            case 'v': output.Append('\v'); return 1;
            case '\\': output.Append('\\'); return 1;
            case '\'': output.Append('\''); return 1;
            case '"': output.Append('"'); return 1;
            case 'x':
                return 1 + DecodeNumber(text, index + 1, 16, 2, output, fallback: "\\x");
            case '0' when !allowOctalWithoutZero:
                return 1 + DecodeNumber(text, index + 1, 8, 3, output, fallback: "\0");
            case >= '0' and <= '7' when allowOctalWithoutZero:
                return DecodeNumber(text, index, 8, 3, output, fallback: "\\");
            default:
                output.Append('\\').Append(c);
                return 1;
        }
    }

    private static int DecodeNumber(string text, int start, int radix, int maxDigits, StringBuilder output, string fallback)
    {
        var value = 0;
        var used = 0;
        while (used < maxDigits && start + used < text.Length)
        {
            var digit = DigitValue(text[start + used]);
            if (digit < 0 || digit >= radix)
            {
                break;
            }

            value = (value * radix) + digit;
            used++;
        }

        if (used == 0)
        {
            output.Append(fallback);
            return 0;
        }

        output.Append((char)(value & 0xFF));
        return used;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
