using System;
using System.Collections.Generic;
using System.Globalization;

namespace NonRootUser.Analyzers.Configuration;

/// <summary>One <c>[section]</c> of an .editorconfig: its matcher (null when the name is invalid) and its properties in order.</summary>
internal sealed record EditorConfigSection(string Name, SectionNameMatcher? Matcher, IReadOnlyList<KeyValuePair<string, string>> Properties);

/// <summary>
/// A parsed .editorconfig, read line by line as Roslyn reads it (AnalyzerConfig.Parse): blank lines and lines whose
/// first non-blank character is <c>#</c> or <c>;</c> are skipped; <c>[name]</c> (optionally followed by a <c>#</c> or
/// <c>;</c> remark; <c>\#</c> and <c>\;</c> escape) opens a section; <c>key = value</c> or <c>key: value</c> sets a
/// property, with the key lower-cased and the value trimmed; any other line is dropped. Properties before the first
/// section form the preamble, where only <c>root</c> means anything.
/// </summary>
internal sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, IReadOnlyList<EditorConfigSection> sections)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
    }

    /// <summary>The directory holding the file, with <c>/</c> separators and no trailing <c>/</c> (the root directory is empty).</summary>
    public string Directory { get; }

    /// <summary><c>root = true</c> in the preamble: files further up are not read.</summary>
    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <param name="text">The file's content.</param>
    /// <param name="normalizedDirectory">Its directory, as <see cref="Directory"/>.</param>
    public static EditorConfigFile Parse(string text, string normalizedDirectory)
    {
        var sections = new List<EditorConfigSection>();
        var preamble = new List<KeyValuePair<string, string>>();
        var properties = preamble;
        string? sectionName = null;

        foreach (var line in SplitLines(text))
        {
            if (IsBlankOrComment(line))
            {
                continue;
            }

            if (TryParseSectionHeader(line, out var name))
            {
                CloseSection();
                sectionName = name;
                properties = new List<KeyValuePair<string, string>>();
                continue;
            }

            if (TryParseProperty(line, out var property))
            {
                properties.Add(property);
            }
        }

        CloseSection();
        return new EditorConfigFile(normalizedDirectory, IsRootPreamble(preamble), sections);

        void CloseSection()
        {
            if (sectionName is not null)
            {
                sections.Add(new EditorConfigSection(sectionName, SectionNameMatcher.TryCreate(sectionName), properties));
            }
        }
    }

    /// <summary>The last <c>root</c> in the preamble decides; its value is compared case-insensitively.</summary>
    private static bool IsRootPreamble(List<KeyValuePair<string, string>> preamble)
    {
        var isRoot = false;
        foreach (var property in preamble)
        {
            if (property.Key == "root")
            {
                isRoot = string.Equals(property.Value, "true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return isRoot;
    }

    /// <summary>Lines as .NET's SourceText splits them: CR, LF, CRLF, NEL, LS and PS all end a line.</summary>
    internal static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                yield return text.Substring(start, i - start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text.Substring(start);
        }
    }

    private static bool IsBlankOrComment(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c is '#' or ';';
            }
        }

        return true;
    }

    /// <summary>
    /// <c>[name]</c>, then optionally blanks and a <c>#</c>/<c>;</c> remark. The name is everything up to the last
    /// <c>]</c> before the remark, and may hold <c>#</c> or <c>;</c> only escaped by a backslash.
    /// </summary>
    internal static bool TryParseSectionHeader(string line, out string name)
    {
        name = string.Empty;
        var open = SkipBlanks(line, 0);
        if (open == line.Length || line[open] != '[')
        {
            return false;
        }

        var remark = line.Length;
        for (var i = open + 1; i < line.Length; i++)
        {
            if (line[i] is '#' or ';' && line[i - 1] != '\\')
            {
                remark = i;
                break;
            }
        }

        var close = remark - 1;
        while (close > open && char.IsWhiteSpace(line[close]))
        {
            close--;
        }

        if (close <= open + 1 || line[close] != ']')
        {
            return false;
        }

        name = line.Substring(open + 1, close - open - 1);
        return true;
    }

    /// <summary><c>key = value</c> or <c>key: value</c>; the key is made of letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    internal static bool TryParseProperty(string line, out KeyValuePair<string, string> property)
    {
        property = default;
        var keyStart = SkipBlanks(line, 0);
        var keyEnd = keyStart;
        while (keyEnd < line.Length && IsKeyCharacter(line[keyEnd]))
        {
            keyEnd++;
        }

        var separator = SkipBlanks(line, keyEnd);
        if (keyEnd == keyStart || separator == line.Length || line[separator] is not ('=' or ':'))
        {
            return false;
        }

        var key = line.Substring(keyStart, keyEnd - keyStart).ToLowerInvariant();
        var value = line.Substring(separator + 1).Trim();
        property = new KeyValuePair<string, string>(key, value);
        return true;
    }

    /// <summary>What <c>[\w.\-_]</c> accepts in a .NET regular expression.</summary>
    private static bool IsKeyCharacter(char c)
    {
        if (char.IsLetterOrDigit(c) || c is '_' or '.' or '-')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber;
    }

    private static int SkipBlanks(string line, int index)
    {
        while (index < line.Length && char.IsWhiteSpace(line[index]))
        {
            index++;
        }

        return index;
    }
}
