using System.Globalization;
using System.Text;

namespace NonRootUser.Analyzers.Syntax;

/// <summary>
/// Prints a syntax tree in the format of BuildKit's parser dump (<c>Node.Dump()</c>), the format of BuildKit's parser
/// test data: one line per instruction, e.g. <c>(copy ["--from=build"] "/app" "/app")</c>.
/// </summary>
public static class BuildKitDump
{
    /// <summary>The dump of <paramref name="syntax"/>, each instruction on a line ending with <c>\n</c>.</summary>
    public static string Format(DockerfileSyntax syntax)
    {
        var builder = new StringBuilder();
        if (syntax is null)
        {
            return string.Empty;
        }

        foreach (var instruction in syntax.Instructions)
        {
            builder.Append('(');
            AppendInstruction(builder, instruction);
            builder.Append(")\n");
        }

        return builder.ToString();
    }

    /// <summary>Go's <c>strconv.Quote</c>: double quotes, Go escapes, printable characters kept as they are.</summary>
    internal static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    private static void AppendInstruction(StringBuilder builder, InstructionSyntax instruction)
    {
        builder.Append(instruction.Keyword.ToLowerInvariant());
        if (instruction.Flags.Count > 0)
        {
            builder.Append(" [");
            for (var i = 0; i < instruction.Flags.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(' ');
                }

                AppendQuoted(builder, instruction.Flags[i].ToString());
            }

            builder.Append(']');
        }

        if (instruction is OnbuildInstruction onbuild)
        {
            builder.Append(" (");
            AppendInstruction(builder, onbuild.Trigger);
            builder.Append(')');
            return;
        }

        foreach (var argument in instruction.Arguments)
        {
            builder.Append(' ');
            AppendQuoted(builder, argument.Value);
        }
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    continue;
                case '\\':
                    builder.Append("\\\\");
                    continue;
                case '\a':
                    builder.Append("\\a");
                    continue;
                case '\b':
                    builder.Append("\\b");
                    continue;
                case '\f':
                    builder.Append("\\f");
                    continue;
                case '\n':
                    builder.Append("\\n");
                    continue;
                case '\r':
                    builder.Append("\\r");
                    continue;
                case '\t':
                    builder.Append("\\t");
                    continue;
                case '\v':
                    builder.Append("\\v");
                    continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, value[i + 1]);
                if (IsPrintable(CharUnicodeInfo.GetUnicodeCategory(value, i)))
                {
                    builder.Append(c).Append(value[i + 1]);
                }
                else
                {
                    builder.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                }

                i++;
            }
            else if (char.IsSurrogate(c))
            {
                // Go never sees a lone surrogate: invalid UTF-8 decodes to U+FFFD, which is printable.
                builder.Append('\uFFFD');
            }
            else if (c == ' ' || IsPrintable(CharUnicodeInfo.GetUnicodeCategory(c)))
            {
                builder.Append(c);
            }
            else if (c < 0x80)
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        builder.Append('"');
    }

    /// <summary>Go's <c>unicode.IsPrint</c> without ASCII space: letters, marks, numbers, punctuation and symbols.</summary>
    private static bool IsPrintable(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
            or UnicodeCategory.OtherSymbol => true,
        _ => false,
    };
}
