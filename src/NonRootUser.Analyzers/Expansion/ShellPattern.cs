using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Expansion;

/// <summary>
/// A pattern from <c>${VAR#pattern}</c>, <c>${VAR%pattern}</c> or <c>${VAR/pattern/replacement}</c>, matched the way
/// BuildKit matches it.
/// </summary>
/// <remarks>
/// BuildKit turns the pattern into a Go regular expression: <c>*</c> is <c>.*</c> (or <c>.*?</c> for the shortest
/// forms <c>#</c> and <c>%</c>), <c>?</c> is <c>.</c>, everything else is literal — including <c>[</c> and <c>]</c>, so
/// bracket expressions are NOT supported, unlike a POSIX shell. <c>\*</c>, <c>\?</c> and <c>\\</c> are literal;
/// <c>\}</c> and <c>\/</c> drop the backslash; any other backslash makes the pattern invalid. Like Go's <c>.</c>,
/// a wildcard matches one Unicode code point but never a line feed. The leftmost-first match of Go's RE2 engine is
/// reproduced with a small Pike machine, so matching is linear in the value for a given pattern, never exponential.
/// </remarks>
internal sealed class ShellPattern
{
    private const int AnyRunes = -1;
    private const int AnyRune = -2;
    private const int ByteOrderMark = '\uFEFF';

    // One element per pattern position: a literal code point (>= 0), AnyRunes (*) or AnyRune (?).
    private readonly int[] elements;
    private readonly bool greedy;

    // Scratch space reused by every search, so a replace-all over a long value allocates nothing per match.
    private readonly ThreadList firstThreads;
    private readonly ThreadList secondThreads;
    private readonly int[] pendingStars;

    private ShellPattern(int[] elements, bool greedy)
    {
        this.elements = elements;
        this.greedy = greedy;
        firstThreads = new ThreadList(elements.Length + 1);
        secondThreads = new ThreadList(elements.Length + 1);
        pendingStars = new int[elements.Length + 1];
    }

    /// <summary>Parses <paramref name="pattern"/>, or returns null and an error; <paramref name="greedy"/> makes <c>*</c> prefer the longest match.</summary>
    public static ShellPattern? Parse(string pattern, bool greedy, out string? error)
    {
        var parsed = new List<int>(pattern.Length);
        // BuildKit reads the pattern with Go's text/scanner, which skips a byte order mark in first position.
        int index = pattern.Length > 0 && pattern[0] == ByteOrderMark ? 1 : 0;
        while (index < pattern.Length)
        {
            int rune = ReadRune(pattern, ref index);
            switch (rune)
            {
                case '*':
                    parsed.Add(AnyRunes);
                    break;
                case '?':
                    parsed.Add(AnyRune);
                    break;
                case '\\':
                    if (index < pattern.Length && (pattern[index] == '}' || pattern[index] == '/'))
                    {
                        // "\}" and "\/" only protect the delimiters of ${...}; the character itself is read next.
                        break;
                    }

                    if (index >= pattern.Length)
                    {
                        error = "invalid escape at the end of the pattern";
                        return null;
                    }

                    int escaped = ReadRune(pattern, ref index);
                    if (escaped != '*' && escaped != '?' && escaped != '\\')
                    {
                        error = "invalid escape '\\" + pattern.Substring(index - RuneWidth(escaped), RuneWidth(escaped)) + "'";
                        return null;
                    }

                    parsed.Add(escaped);
                    break;
                default:
                    parsed.Add(rune);
                    break;
            }
        }

        error = null;
        return new ShellPattern(parsed.ToArray(), greedy);
    }

    /// <summary>
    /// Reverses a pattern's text while keeping each backslash before the character it escapes (<c>a\*c</c> → <c>c\*a</c>),
    /// which lets a suffix search run as a prefix search over the reversed value, as BuildKit does.
    /// </summary>
    public static string ReverseText(string pattern)
    {
        // Units are read front to back (a backslash pairs with the code point after it, unless it is the last one),
        // then written back to front, each unit keeping its own order.
        var unitStarts = new List<int>();
        for (int index = 0; index < pattern.Length;)
        {
            unitStarts.Add(index);
            bool escapes = pattern[index] == '\\' && index + 1 < pattern.Length;
            ReadRune(pattern, ref index);
            if (escapes)
            {
                ReadRune(pattern, ref index);
            }
        }

        var reversed = new StringBuilder(pattern.Length);
        int end = pattern.Length;
        for (int unit = unitStarts.Count - 1; unit >= 0; unit--)
        {
            reversed.Append(pattern, unitStarts[unit], end - unitStarts[unit]);
            end = unitStarts[unit];
        }

        return reversed.ToString();
    }

    /// <summary>Reverses a string code point by code point, keeping surrogate pairs intact.</summary>
    public static string ReverseRunes(string text)
    {
        var reversed = new char[text.Length];
        int write = text.Length;
        for (int index = 0; index < text.Length;)
        {
            int start = index;
            ReadRune(text, ref index);
            int width = index - start;
            write -= width;
            text.CopyTo(start, reversed, write, width);
        }

        return new string(reversed);
    }

    /// <summary>
    /// Finds the match Go's regexp would report: the leftmost start at or after <paramref name="from"/>, and among matches
    /// there the one its backtracking priority (greedy or lazy stars) prefers. <paramref name="anchored"/> allows only
    /// matches starting at <paramref name="from"/>. Returns false when there is none or the budget ran out.
    /// </summary>
    public bool TryFind(string input, int from, bool anchored, ExpansionBudget budget, out int matchStart, out int matchEnd)
    {
        matchStart = -1;
        matchEnd = -1;
        int acceptState = elements.Length;
        ThreadList current = firstThreads;
        ThreadList next = secondThreads;
        current.Clear();
        bool matched = false;
        int position = from;
        while (true)
        {
            if (current.Count == 0 && (matched || (anchored && position != from)))
            {
                break;
            }

            if (!matched && (!anchored || position == from))
            {
                AddThread(current, 0, position);
            }

            if (!budget.Spend(current.Count + 1))
            {
                return false;
            }

            int width = 0;
            int rune = position < input.Length ? RuneAt(input, position, out width) : -1;
            next.Clear();
            for (int index = 0; index < current.Count; index++)
            {
                int state = current.States[index];
                int start = current.Starts[index];
                if (state == acceptState)
                {
                    // Leftmost-first: this thread beats every lower-priority one still in the list.
                    matched = true;
                    matchStart = start;
                    matchEnd = position;
                    break;
                }

                if (rune >= 0 && Accepts(elements[state], rune))
                {
                    AddThread(next, elements[state] == AnyRunes ? state : state + 1, start);
                }
            }

            if (position >= input.Length)
            {
                break;
            }

            position += width;
            (current, next) = (next, current);
        }

        return matched;
    }

    private static bool Accepts(int element, int rune) => element switch
    {
        AnyRunes or AnyRune => rune != '\n',
        _ => element == rune,
    };

    /// <summary>
    /// Adds the threads reachable from <paramref name="state"/> without consuming input, in priority order: a greedy
    /// star first keeps consuming, then tries what follows; a lazy star does the opposite. Iterative, so a pattern of a
    /// million stars cannot overflow the stack.
    /// </summary>
    private void AddThread(ThreadList list, int state, int start)
    {
        int pending = 0;
        while (!list.Contains(state))
        {
            list.Mark(state);
            bool isStar = state < elements.Length && elements[state] == AnyRunes;
            if (!isStar)
            {
                list.Add(state, start);
                break;
            }

            if (greedy)
            {
                list.Add(state, start);
            }
            else
            {
                pendingStars[pending++] = state;
            }

            state++;
        }

        while (pending > 0)
        {
            list.Add(pendingStars[--pending], start);
        }
    }

    private static int RuneAt(string text, int index, out int width)
    {
        char ch = text[index];
        if (char.IsHighSurrogate(ch) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(ch, text[index + 1]);
        }

        width = 1;
        return ch;
    }

    private static int RuneWidth(int rune) => rune > char.MaxValue ? 2 : 1;

    private static int ReadRune(string text, ref int index)
    {
        int rune = RuneAt(text, index, out int width);
        index += width;
        return rune;
    }

    /// <summary>An ordered set of matcher threads (state and start position), cleared in constant time.</summary>
    private sealed class ThreadList
    {
        private readonly int[] marks;
        private int generation = 1;

        public ThreadList(int stateCount)
        {
            marks = new int[stateCount];
            States = new int[stateCount];
            Starts = new int[stateCount];
        }

        public int[] States { get; }

        public int[] Starts { get; }

        public int Count { get; private set; }

        public bool Contains(int state) => marks[state] == generation;

        public void Mark(int state) => marks[state] = generation;

        public void Add(int state, int start)
        {
            States[Count] = state;
            Starts[Count] = start;
            Count++;
        }

        public void Clear()
        {
            Count = 0;
            generation++;
        }
    }
}
