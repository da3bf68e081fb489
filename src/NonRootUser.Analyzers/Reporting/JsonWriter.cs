using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NonRootUser.Analyzers.Reporting;

/// <summary>
/// A small indented JSON writer, because net472 has no System.Text.Json and the package ships no extra assembly.
/// The caller keeps the structure well-formed (names inside objects, values inside arrays); the writer adds commas,
/// indentation and escaping.
/// </summary>
internal sealed class JsonWriter
{
    private readonly StringBuilder builder = new();

    // One entry per open container: whether it already holds an item (so the next one needs a comma).
    private readonly Stack<bool> containers = new();
    private bool afterName;

    public override string ToString() => builder.ToString();

    public JsonWriter StartObject() => Open('{');

    public JsonWriter EndObject() => Close('}');

    public JsonWriter StartArray() => Open('[');

    public JsonWriter EndArray() => Close(']');

    public JsonWriter Name(string name)
    {
        StartItem();
        AppendString(name);
        builder.Append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter Value(string value)
    {
        StartValue();
        AppendString(value);
        return this;
    }

    public JsonWriter Value(int value)
    {
        StartValue();
        builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonWriter Property(string name, string value) => Name(name).Value(value);

    public JsonWriter Property(string name, int value) => Name(name).Value(value);

    /// <summary>
    /// A JSON string literal: quotes, backslashes and control characters escaped (short forms where JSON has them),
    /// U+2028/U+2029 escaped so the text is also safe as JavaScript, surrogate pairs kept, and a lone surrogate, which
    /// UTF-8 cannot encode, replaced by U+FFFD.
    /// </summary>
    internal static string Quote(string value)
    {
        var writer = new JsonWriter();
        writer.AppendString(value);
        return writer.ToString();
    }

    private JsonWriter Open(char bracket)
    {
        StartValue();
        builder.Append(bracket);
        containers.Push(false);
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        var hadItems = containers.Pop();
        if (hadItems)
        {
            NewLine();
        }

        builder.Append(bracket);
        return this;
    }

    private void StartValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }

        StartItem();
    }

    private void StartItem()
    {
        if (containers.Count == 0)
        {
            return;
        }

        if (containers.Pop())
        {
            builder.Append(',');
        }

        containers.Push(true);
        NewLine();
    }

    private void NewLine() => builder.Append('\n').Append(' ', containers.Count * 2);

    private void AppendString(string? value)
    {
        builder.Append('"');
        value ??= string.Empty;

        // Copy runs of ordinary characters in one go; stop only at what needs escaping or checking.
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!NeedsAttention(c))
            {
                continue;
            }

            builder.Append(value, runStart, i - runStart);
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else
            {
                AppendEscaped(c);
            }

            runStart = i + 1;
        }

        builder.Append(value, runStart, value.Length - runStart);
        builder.Append('"');
    }

    private static bool NeedsAttention(char c) =>
        c < ' ' || c == '"' || c == '\\' || c == '\u007F' || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c);

    private void AppendEscaped(char c)
    {
        switch (c)
        {
            case '"':
                builder.Append("\\\"");
                break;
            case '\\':
                builder.Append("\\\\");
                break;
            case '\b':
                builder.Append("\\b");
                break;
            case '\f':
                builder.Append("\\f");
                break;
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            default:
                if (char.IsSurrogate(c))
                {
                    // A lone surrogate: UTF-8 cannot encode it.
                    builder.Append('\uFFFD');
                }
                else
                {
                    AppendUnicodeEscape(c);
                }

                break;
        }
    }

    private void AppendUnicodeEscape(char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
