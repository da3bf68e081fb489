using System.Collections.Generic;

namespace NonRootUser.Analyzers.Configuration;

/// <summary>
/// An EditorConfig section name (<c>[*.Dockerfile]</c>, <c>[docker/**]</c>, <c>[{a,b}/*.{1..3}]</c>) compiled to a
/// matcher with Roslyn's semantics (AnalyzerConfig.SectionNameMatching): a name without <c>/</c> matches the file name
/// in any directory below the .editorconfig; a name with <c>/</c> is anchored at that directory; <c>*</c> stops at
/// <c>/</c>, <c>**</c> does not, <c>?</c> is any one character (a <c>/</c> too); <c>[abc]</c>, <c>[!a-z]</c>;
/// <c>{a,b}</c> nests; <c>{-3..10}</c> is an integer range; <c>\</c> escapes; matching is case-sensitive. A name that
/// does not compile (unbalanced braces or brackets, a comma outside braces, a bound beyond an int) matches nothing.
/// </summary>
/// <remarks>
/// Roslyn translates the glob into a backtracking regular expression. Here it becomes a Thompson automaton run over
/// all its states at once, so matching costs at most (states × path length) steps whatever the glob: an
/// .editorconfig cannot stall a build node. Names longer than <see cref="MaxNameLength"/> or nested deeper than
/// <see cref="MaxNesting"/> are refused, which bounds compilation too. One deliberate difference: Roslyn checks a
/// range against the one split of the digits its regex happened to pick (and fails a range inside an alternative
/// that was not taken); here a range holds if any reading of the path satisfies it.
/// </remarks>
internal sealed class SectionNameMatcher
{
    internal const int MaxNameLength = 4096;
    internal const int MaxNesting = 32;

    // A range magnitude past any int: once reached, more digits cannot bring it back.
    private const long Overflow = (long)int.MaxValue + 2;

    private readonly IReadOnlyList<State> states;
    private readonly int start;

    private SectionNameMatcher(IReadOnlyList<State> states, int start)
    {
        this.states = states;
        this.start = start;
    }

    /// <summary>Compiles a section name; null when it is invalid or too large.</summary>
    public static SectionNameMatcher? TryCreate(string sectionName)
    {
        if (string.IsNullOrEmpty(sectionName) || sectionName.Length > MaxNameLength)
        {
            return null;
        }

        var compiler = new Compiler(sectionName);
        return compiler.TryCompile(out var start) ? new SectionNameMatcher(compiler.States, start) : null;
    }

    /// <summary>Matches a path relative to the .editorconfig's directory, starting with <c>/</c> (e.g. <c>/docker/Dockerfile</c>).</summary>
    public bool IsMatch(string relativePath)
    {
        var set = new ThreadSet(states.Count);
        var current = new List<Thread>();
        var next = new List<Thread>();
        var pending = new Stack<Thread>();
        set.StartStep();
        AddWithClosure(set, current, pending, new Thread(start, 0, RangePhase.None));

        foreach (var c in relativePath)
        {
            next.Clear();
            set.StartStep();
            foreach (var thread in current)
            {
                if (Step(thread, c) is { } moved)
                {
                    AddWithClosure(set, next, pending, moved);
                }
            }

            (current, next) = (next, current);
            if (current.Count == 0)
            {
                return false;
            }
        }

        foreach (var thread in current)
        {
            if (states[thread.State].Kind == StateKind.Accept)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where one character takes a thread, or null when it cannot be consumed there.</summary>
    private Thread? Step(Thread thread, char c)
    {
        var state = states[thread.State];
        switch (state.Kind)
        {
            case StateKind.Literal when c == state.Literal:
            case StateKind.AnyCharacter:
            case StateKind.Class when state.Class!.Contains(c):
                return new Thread(state.Next, 0, RangePhase.None);
            case StateKind.AnyExceptSlash when c != '/':
            case StateKind.AnyCharacterLoop:
                return thread;
            case StateKind.Range:
                return StepRange(thread, c);
            default:
                return null;
        }
    }

    /// <summary>Reads <c>-?[0-9]+</c>, keeping the magnitude so far; beyond the int range it can never fit again.</summary>
    private static Thread? StepRange(Thread thread, char c)
    {
        if (c == '-' && thread.Phase == RangePhase.None)
        {
            return thread with { Phase = RangePhase.Minus };
        }

        if (c is < '0' or > '9')
        {
            return null;
        }

        var value = (thread.Value * 10) + (c - '0');
        if (value > Overflow)
        {
            value = Overflow;
        }

        var negative = thread.Phase is RangePhase.Minus or RangePhase.NegativeDigits;
        return thread with { Value = value, Phase = negative ? RangePhase.NegativeDigits : RangePhase.Digits };
    }

    /// <summary>Adds a thread and every state it reaches without reading a character.</summary>
    private void AddWithClosure(ThreadSet set, List<Thread> threads, Stack<Thread> pending, Thread first)
    {
        pending.Push(first);
        while (pending.Count > 0)
        {
            var thread = pending.Pop();
            if (!set.Add(thread))
            {
                continue;
            }

            threads.Add(thread);

            var state = states[thread.State];
            switch (state.Kind)
            {
                case StateKind.Split:
                    foreach (var target in state.Targets!)
                    {
                        pending.Push(new Thread(target, 0, RangePhase.None));
                    }

                    break;
                case StateKind.AnyExceptSlash or StateKind.AnyCharacterLoop:
                    pending.Push(new Thread(state.Next, 0, RangePhase.None));
                    break;
                case StateKind.Range when RangeHolds(state, thread):
                    pending.Push(new Thread(state.Next, 0, RangePhase.None));
                    break;
            }
        }
    }

    private static bool RangeHolds(State state, Thread thread)
    {
        if (thread.Phase is not (RangePhase.Digits or RangePhase.NegativeDigits) || thread.Value >= Overflow)
        {
            return false;
        }

        var value = thread.Phase == RangePhase.NegativeDigits ? -thread.Value : thread.Value;
        return value >= int.MinValue && value <= int.MaxValue && value >= state.Min && value <= state.Max;
    }

    private enum StateKind
    {
        /// <summary>Reads <see cref="State.Literal"/>.</summary>
        Literal,

        /// <summary><c>?</c>: reads any one character.</summary>
        AnyCharacter,

        /// <summary><c>[...]</c>: reads one character of <see cref="State.Class"/>.</summary>
        Class,

        /// <summary><c>*</c>: reads any characters but <c>/</c>, staying here; may move on at any time.</summary>
        AnyExceptSlash,

        /// <summary><c>**</c>: reads any characters, staying here; may move on at any time.</summary>
        AnyCharacterLoop,

        /// <summary><c>{a,b}</c> and joins: moves to every target without reading.</summary>
        Split,

        /// <summary><c>{min..max}</c>: reads an integer, then moves on when it is within the bounds.</summary>
        Range,

        /// <summary>The whole path has matched when a thread is here at its end.</summary>
        Accept,
    }

    private enum RangePhase : byte
    {
        None,
        Minus,
        Digits,
        NegativeDigits,
    }

    /// <summary>A position in the automaton; for a range, also the integer read so far.</summary>
    private readonly record struct Thread(int State, long Value, RangePhase Phase);

    /// <summary>
    /// The threads already present in the current step. Plain positions are marked in an array (the common, fast
    /// case); only threads inside a range, which also carry a number, go through a hash set.
    /// </summary>
    private sealed class ThreadSet(int stateCount)
    {
        private readonly int[] marks = new int[stateCount];
        private readonly HashSet<Thread> rangeThreads = new();
        private int step;

        public void StartStep()
        {
            step++;
            rangeThreads.Clear();
        }

        public bool Add(Thread thread)
        {
            if (thread.Phase != RangePhase.None)
            {
                return rangeThreads.Add(thread);
            }

            if (marks[thread.State] == step)
            {
                return false;
            }

            marks[thread.State] = step;
            return true;
        }
    }

    private sealed class State(StateKind kind)
    {
        public StateKind Kind { get; } = kind;

        public char Literal { get; init; }

        public CharacterClass? Class { get; init; }

        public int Min { get; init; }

        public int Max { get; init; }

        /// <summary>The state after this one (set when the next piece is compiled).</summary>
        public int Next { get; set; } = -1;

        public List<int>? Targets { get; init; }
    }

    /// <summary><c>[a-cx]</c> or <c>[!a-cx]</c>: inclusive character ranges.</summary>
    private sealed class CharacterClass(IReadOnlyList<(char Low, char High)> ranges, bool negated)
    {
        public bool Contains(char c)
        {
            foreach (var (low, high) in ranges)
            {
                if (c >= low && c <= high)
                {
                    return !negated;
                }
            }

            return negated;
        }
    }

    /// <summary>
    /// A recursive-descent translation of the glob into automaton states. Each piece is appended with its
    /// <see cref="State.Next"/> left open; <see cref="Link"/> closes the open ends of the previous pieces.
    /// </summary>
    private sealed class Compiler(string name)
    {
        private int position;

        public List<State> States { get; } = new();

        public bool TryCompile(out int start)
        {
            start = Add(new State(StateKind.Split) { Targets = new List<int>() });
            var ends = new List<int> { start };

            // Roslyn: no '/' in the name → "**/" before it; a '/' not at the start → "/" before it.
            if (name.IndexOf('/') < 0)
            {
                ends = Append(ends, new State(StateKind.AnyCharacterLoop));
                ends = Append(ends, new State(StateKind.Literal) { Literal = '/' });
            }
            else if (name[0] != '/')
            {
                ends = Append(ends, new State(StateKind.Literal) { Literal = '/' });
            }

            if (!TryCompilePathList(depth: 0, ref ends) || position != name.Length)
            {
                return false;
            }

            Link(ends, Add(new State(StateKind.Accept)));
            return true;
        }

        /// <summary>Items up to the end, or (inside braces, depth &gt; 0) up to and including a <c>,</c> or <c>}</c>.</summary>
        private bool TryCompilePathList(int depth, ref List<int> ends)
        {
            while (position < name.Length)
            {
                var c = name[position++];
                switch (c)
                {
                    case '*' when position < name.Length && name[position] == '*':
                        position++;
                        ends = Append(ends, new State(StateKind.AnyCharacterLoop));
                        break;
                    case '*':
                        ends = Append(ends, new State(StateKind.AnyExceptSlash));
                        break;
                    case '?':
                        ends = Append(ends, new State(StateKind.AnyCharacter));
                        break;
                    case '\\':
                        if (position == name.Length)
                        {
                            return false;
                        }

                        ends = Append(ends, new State(StateKind.Literal) { Literal = name[position++] });
                        break;
                    case '{':
                        var range = TryReadRange(out var min, out var max);
                        if (range == RangeResult.Invalid)
                        {
                            return false;
                        }

                        if (range == RangeResult.Range)
                        {
                            ends = Append(ends, new State(StateKind.Range) { Min = min, Max = max });
                        }
                        else if (!TryCompileChoice(depth + 1, ref ends))
                        {
                            return false;
                        }

                        break;
                    case '}':
                    case ',':
                        return depth > 0;
                    case '[':
                        var characterClass = TryReadCharacterClass();
                        if (characterClass is null)
                        {
                            return false;
                        }

                        ends = Append(ends, new State(StateKind.Class) { Class = characterClass });
                        break;
                    default:
                        ends = Append(ends, new State(StateKind.Literal) { Literal = c });
                        break;
                }
            }

            // Inside braces the text must not end before the closing '}'.
            return depth == 0;
        }

        /// <summary><c>{a,b,c}</c> after its <c>{</c>: alternatives, each a path list, all continuing to what follows.</summary>
        private bool TryCompileChoice(int depth, ref List<int> ends)
        {
            if (depth > MaxNesting)
            {
                return false;
            }

            var fork = new State(StateKind.Split) { Targets = new List<int>() };
            Link(ends, Add(fork));
            var choiceEnds = new List<int>();
            while (true)
            {
                var alternative = Add(new State(StateKind.Split) { Targets = new List<int>() });
                fork.Targets!.Add(alternative);
                var alternativeEnds = new List<int> { alternative };
                if (!TryCompilePathList(depth, ref alternativeEnds))
                {
                    return false;
                }

                choiceEnds.AddRange(alternativeEnds);
                if (name[position - 1] == '}')
                {
                    ends = choiceEnds;
                    return true;
                }
            }
        }

        /// <summary>
        /// <c>{-3..10}</c> after its <c>{</c>; leaves the position alone when the braces hold something else. As in
        /// Roslyn, a range whose bounds do not fit an int makes the whole name invalid.
        /// </summary>
        private RangeResult TryReadRange(out int min, out int max)
        {
            min = max = 0;
            var start = position;
            if (!(TryReadInteger(out var first) && Eat('.') && Eat('.') && TryReadInteger(out var second) && Eat('}')))
            {
                position = start;
                return RangeResult.NotARange;
            }

            if (!int.TryParse(first, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var low)
                || !int.TryParse(second, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var high))
            {
                return RangeResult.Invalid;
            }

            (min, max) = low <= high ? (low, high) : (high, low);
            return RangeResult.Range;
        }

        /// <summary>An optional <c>-</c> and ASCII digits.</summary>
        private bool TryReadInteger(out string digits)
        {
            var start = position;
            Eat('-');
            var digitsStart = position;
            while (position < name.Length && name[position] >= '0' && name[position] <= '9')
            {
                position++;
            }

            digits = name.Substring(start, position - start);
            return position > digitsStart;
        }

        /// <summary>
        /// <c>[abc]</c>, <c>[!abc]</c>, <c>[a-z]</c> after its <c>[</c>; <c>\</c> escapes a member; a <c>-</c> first or
        /// last is itself. Null when unclosed, empty or holding a reversed range (which .NET, and so Roslyn, rejects).
        /// </summary>
        private CharacterClass? TryReadCharacterClass()
        {
            var negated = Eat('!');
            var members = new List<(char Value, bool IsDash)>();
            while (position < name.Length)
            {
                var c = name[position++];
                if (c == ']')
                {
                    return members.Count == 0 ? null : BuildClass(members, negated);
                }

                if (c == '\\')
                {
                    if (position == name.Length)
                    {
                        return null;
                    }

                    members.Add((name[position++], false));
                }
                else
                {
                    members.Add((c, c == '-'));
                }
            }

            return null;
        }

        private static CharacterClass? BuildClass(List<(char Value, bool IsDash)> members, bool negated)
        {
            var ranges = new List<(char Low, char High)>();
            for (var i = 0; i < members.Count; i++)
            {
                var low = members[i].Value;
                if (i + 2 < members.Count && members[i + 1].IsDash)
                {
                    var high = members[i + 2].Value;
                    if (high < low)
                    {
                        return null;
                    }

                    ranges.Add((low, high));
                    i += 2;
                }
                else
                {
                    ranges.Add((low, low));
                }
            }

            return new CharacterClass(ranges, negated);
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

        private int Add(State state)
        {
            States.Add(state);
            return States.Count - 1;
        }

        /// <summary>Adds a state after the open ends and returns it as the only open end.</summary>
        private List<int> Append(List<int> ends, State state)
        {
            var index = Add(state);
            Link(ends, index);
            return new List<int> { index };
        }

        /// <summary>Points every open end at <paramref name="target"/>.</summary>
        private void Link(List<int> ends, int target)
        {
            foreach (var end in ends)
            {
                var state = States[end];
                if (state.Kind == StateKind.Split)
                {
                    // The start, or an alternative's entry that is still empty ({,dev.}): a step that reads nothing.
                    state.Targets!.Add(target);
                }
                else
                {
                    state.Next = target;
                }
            }
        }
    }

    private enum RangeResult
    {
        NotARange,
        Range,
        Invalid,
    }
}
