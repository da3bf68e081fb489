using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NonRootUser.Analyzers.Configuration;

/// <summary>
/// An EditorConfig section name (<c>[*.Dockerfile]</c>, <c>[docker/**]</c>, <c>[{a,b}/*.{1..3}]</c>) compiled to a
/// matcher, with Roslyn's semantics (AnalyzerConfig.SectionNameMatching): a name without <c>/</c> matches the file
/// name in any directory below the .editorconfig; a name with <c>/</c> is anchored at that directory; <c>*</c> stops at
/// <c>/</c>, <c>**</c> does not, <c>?</c> is any one character; <c>[abc]</c>, <c>[!a-z]</c>; <c>{a,b}</c> nests;
/// <c>{-3..10}</c> is an integer range; <c>\</c> escapes; matching is case-sensitive. A name that does not compile
/// (unbalanced braces or brackets, a comma outside braces, a bad range) matches nothing, as in Roslyn.
/// </summary>
internal sealed class SectionNameMatcher
{
    // EditorConfig files come from the repository being built, so a hostile one must not stall the build: long or
    // deeply nested names are refused, and every match runs under a timeout.
    internal const int MaxNameLength = 4096;
    internal const int MaxNesting = 32;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex regex;
    private readonly IReadOnlyList<NumberRange> ranges;

    private SectionNameMatcher(Regex regex, IReadOnlyList<NumberRange> ranges)
    {
        this.regex = regex;
        this.ranges = ranges;
    }

    /// <summary>The regular expression the name compiled to; for tests.</summary>
    internal string Pattern => regex.ToString();

    /// <summary>Compiles a section name; null when it is invalid or too large.</summary>
    public static SectionNameMatcher? TryCreate(string sectionName)
    {
        if (string.IsNullOrEmpty(sectionName) || sectionName.Length > MaxNameLength)
        {
            return null;
        }

        var compiler = new Compiler(sectionName);
        if (!compiler.TryCompile(out var pattern))
        {
            return null;
        }

        try
        {
            return new SectionNameMatcher(new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout), compiler.Ranges);
        }
        catch (ArgumentException)
        {
            // A character class .NET rejects, such as [z-a].
            return null;
        }
    }

    /// <summary>Matches a path relative to the .editorconfig's directory, starting with <c>/</c> (e.g. <c>/docker/Dockerfile</c>).</summary>
    public bool IsMatch(string relativePath)
    {
        try
        {
            var match = regex.Match(relativePath);
            return match.Success && RangesHold(match);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private bool RangesHold(Match match)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            var group = match.Groups[i + 1];

            // A range inside an alternative that did not take part (the "a" of {a,{1..3}}) constrains nothing.
            if (group.Success && !ranges[i].Contains(group.Value))
            {
                return false;
            }
        }

        return true;
    }

    private enum RangeResult
    {
        NotARange,
        Range,
        Invalid,
    }

    private readonly record struct NumberRange(int Min, int Max)
    {
        public bool Contains(string digits) =>
            int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= Min && value <= Max;
    }

    /// <summary>A recursive-descent translation of the glob into a .NET regular expression.</summary>
    private sealed class Compiler(string name)
    {
        private readonly StringBuilder pattern = new();
        private readonly List<NumberRange> ranges = new();
        private int position;

        public IReadOnlyList<NumberRange> Ranges => ranges;

        public bool TryCompile(out string result)
        {
            pattern.Append('^');
            if (name.IndexOf('/') < 0)
            {
                pattern.Append(".*/");
            }
            else if (name[0] != '/')
            {
                pattern.Append('/');
            }

            var ok = TryCompilePathList(depth: 0) && position == name.Length;
            pattern.Append("\\z");
            result = pattern.ToString();
            return ok;
        }

        /// <summary>Items up to the end, or (inside braces, depth &gt; 0) up to and including a <c>,</c> or <c>}</c>.</summary>
        private bool TryCompilePathList(int depth)
        {
            while (position < name.Length)
            {
                var c = name[position++];
                switch (c)
                {
                    case '*' when position < name.Length && name[position] == '*':
                        position++;
                        pattern.Append(".*");
                        break;
                    case '*':
                        pattern.Append("[^/]*");
                        break;
                    case '?':
                        pattern.Append('.');
                        break;
                    case '\\':
                        if (position == name.Length)
                        {
                            return false;
                        }

                        AppendLiteral(name[position++]);
                        break;
                    case '{':
                        var range = TryCompileRange();
                        if (range == RangeResult.Invalid || (range == RangeResult.NotARange && !TryCompileChoice(depth + 1)))
                        {
                            return false;
                        }

                        break;
                    case '}':
                    case ',':
                        return depth > 0;
                    case '[':
                        if (!TryCompileCharacterClass())
                        {
                            return false;
                        }

                        break;
                    default:
                        AppendLiteral(c);
                        break;
                }
            }

            // Inside braces the text must not end before the closing '}'.
            return depth == 0;
        }

        /// <summary><c>{a,b,c}</c> after its <c>{</c>: alternatives, each a path list.</summary>
        private bool TryCompileChoice(int depth)
        {
            if (depth > MaxNesting)
            {
                return false;
            }

            pattern.Append("(?:");
            while (TryCompilePathList(depth))
            {
                if (name[position - 1] == '}')
                {
                    pattern.Append(')');
                    return true;
                }

                pattern.Append('|');
            }

            return false;
        }

        /// <summary>
        /// <c>{-3..10}</c> after its <c>{</c>; leaves the position alone when the braces hold something else. As in
        /// Roslyn, a range whose bounds do not fit an int makes the whole name invalid.
        /// </summary>
        private RangeResult TryCompileRange()
        {
            var start = position;
            if (!(TryReadInteger(out var first) && Eat('.') && Eat('.') && TryReadInteger(out var second) && Eat('}')))
            {
                position = start;
                return RangeResult.NotARange;
            }

            if (!TryParseInt(first, out var low) || !TryParseInt(second, out var high))
            {
                return RangeResult.Invalid;
            }

            // Any integer is captured; the bounds are checked after the match.
            ranges.Add(low <= high ? new NumberRange(low, high) : new NumberRange(high, low));
            pattern.Append("(-?[0-9]+)");
            return RangeResult.Range;
        }

        /// <summary>An optional <c>-</c> and ASCII digits.</summary>
        private bool TryReadInteger(out string digits)
        {
            var start = position;
            if (position < name.Length && name[position] == '-')
            {
                position++;
            }

            var digitsStart = position;
            while (position < name.Length && name[position] >= '0' && name[position] <= '9')
            {
                position++;
            }

            digits = name.Substring(start, position - start);
            return position > digitsStart;
        }

        private static bool TryParseInt(string digits, out int value) =>
            int.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary><c>[abc]</c>, <c>[!abc]</c>, <c>[a-z]</c> after its <c>[</c>; <c>\</c> escapes.</summary>
        private bool TryCompileCharacterClass()
        {
            pattern.Append('[');
            if (Eat('!'))
            {
                pattern.Append('^');
            }

            var members = 0;
            while (position < name.Length)
            {
                var c = name[position++];
                switch (c)
                {
                    case ']':
                        // An empty class matches nothing in a glob and is not a valid .NET class.
                        pattern.Append(']');
                        return members > 0;
                    case '-':
                        pattern.Append('-');
                        break;
                    case '\\':
                        if (position == name.Length)
                        {
                            return false;
                        }

                        AppendClassMember(name[position++]);
                        break;
                    default:
                        AppendClassMember(c);
                        break;
                }

                members++;
            }

            return false;
        }

        private bool Eat(char expected)
        {
            if (position < name.Length && name[position] == expected)
            {
                position++;
                return true;
            }

            return false;
        }

        private void AppendLiteral(char c) => pattern.Append(Regex.Escape(c.ToString()));

        /// <summary>Inside a class only letters and digits go in verbatim; everything else as <c>\uXXXX</c>, never special.</summary>
        private void AppendClassMember(char c)
        {
            if (c < 128 && char.IsLetterOrDigit(c))
            {
                pattern.Append(c);
            }
            else
            {
                pattern.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }
    }
}
