using System.Text;

namespace NonRootUser.Analyzers;

/// <summary>
/// Text from the Dockerfile that goes into a message: bounded in length and free of control characters, which
/// XML-based build logs reject and terminals misprint.
/// </summary>
public static class MessageText
{
    /// <summary>Longest excerpt of a value quoted in a message.</summary>
    public const int MaximumExcerpt = 100;

    /// <summary>The value, cut to <see cref="MaximumExcerpt"/> characters with an ellipsis, control characters escaped.</summary>
    public static string Excerpt(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value!.Length > MaximumExcerpt ? value.Substring(0, MaximumExcerpt) + "…" : value;
        return Clean(text);
    }

    /// <summary>Replaces control characters (NUL, tabs, line breaks, ...) with <c>\uXXXX</c> escapes.</summary>
    public static string Clean(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
