using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Syntax;
using NonRootUser.Analyzers.Syntax.Grammar;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>A broken invariant; CsCheck shrinks the input that raised it.</summary>
#pragma warning disable CA1032, CA1064 // A test-only exception with one purpose.
internal sealed class InvariantViolation(string message) : Exception(message);
#pragma warning restore CA1032, CA1064

/// <summary>
/// The properties every input must have, checked on a bounded thread. A case that hangs is not thrown (CsCheck would
/// re-run it while shrinking, stalling the machine): it is recorded and every later case is skipped, and the test
/// fails on it after sampling.
/// </summary>
internal sealed class FuzzProperty
{
    private readonly ConcurrentQueue<string> hangs = new();
    private readonly ConcurrentDictionary<string, int> diagnosticCounts = new(StringComparer.Ordinal);
    private long cases;
    private long parsedCases;

    public long Cases => Interlocked.Read(ref cases);

    public string? FirstHang => hangs.TryPeek(out var hang) ? hang : null;

    /// <summary>How many cases parsed, and how often each rule fired: shows whether the fuzzer reaches past the parser.</summary>
    public string Statistics =>
        $"{Interlocked.Read(ref parsedCases)} parsed; diagnostics: " +
        string.Join(", ", diagnosticCounts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}×{pair.Value}"));

    /// <summary>Parse and analyse <paramref name="text"/>; throws <see cref="InvariantViolation"/> on a broken invariant.</summary>
    /// <param name="text">The Dockerfile.</param>
    /// <param name="options">The analysis options.</param>
    /// <param name="mustParse">The text is a valid Dockerfile: a parse error is a violation too.</param>
    /// <param name="lineEndingsMatter">False when converting LF to CRLF must not change any finding.</param>
    public void Check(string text, AnalysisOptions options, bool mustParse = false, bool lineEndingsMatter = true) =>
        Run(text, () => Violation(text, () => DockerfileParser.Parse(text), options, mustParse, lineEndingsMatter));

    /// <summary>Like <see cref="Check(string, AnalysisOptions, bool, bool)"/>, parsing the bytes as a file read from disk would be.</summary>
    public void Check(byte[] bytes, AnalysisOptions options)
    {
        var text = Invariants.LenientUtf8.GetString(bytes);
        Run(text, () => Violation(text, () => DockerfileParser.Parse(bytes), options, mustParse: false, lineEndingsMatter: true));
    }

    private void Run(string text, Func<string?> check)
    {
        if (!hangs.IsEmpty)
        {
            return;
        }

        Interlocked.Increment(ref cases);
        if (!Bounded.TryRun(check, FuzzSettings.CaseLimit, out var violation))
        {
            hangs.Enqueue(Describe(text));
            return;
        }

        if (violation is not null)
        {
            throw new InvariantViolation(violation);
        }
    }

    private string? Violation(string text, Func<ParseResult> parse, AnalysisOptions options, bool mustParse, bool lineEndingsMatter)
    {
        var clock = Stopwatch.StartNew();
        var parsed = parse();
        clock.Stop();
        if (clock.Elapsed > FuzzSettings.ParseLimit)
        {
            return $"parsing took {clock.Elapsed.TotalSeconds:0.0} s (limit {FuzzSettings.ParseLimit.TotalSeconds} s)";
        }

        if ((Invariants.InternalError(parsed) ?? Invariants.Positions(text, parsed)) is { } parseProblem)
        {
            return parseProblem + "\n" + UnguardedFailure(text, options);
        }

        if (mustParse && !parsed.Success)
        {
            return "a valid Dockerfile was rejected: " + string.Join("; ", parsed.Errors);
        }

        if (parsed.Success)
        {
            Interlocked.Increment(ref parsedCases);
        }

        var first = DockerfileAnalyzer.Analyze(text, "Dockerfile", options);
        var second = DockerfileAnalyzer.Analyze(text, "Dockerfile", options);
        foreach (var diagnostic in first)
        {
            diagnosticCounts.AddOrUpdate(diagnostic.Id, 1, (_, count) => count + 1);
        }

        var problem = Invariants.InternalError(first)
            ?? Invariants.Positions(text, first)
            ?? Invariants.Anchored(text, first)
            ?? Invariants.SameResult(first, second)
            ?? (lineEndingsMatter ? null : Invariants.SameFindings(first, DockerfileAnalyzer.Analyze(Invariants.WithCrLf(text), "Dockerfile", options), "with CRLF line endings"));
        return problem is null ? null : problem + "\n" + UnguardedFailure(text, options);
    }

    /// <summary>Runs the pipeline without the analyzer's safety nets, to show where an internal error comes from.</summary>
    private static string UnguardedFailure(string text, AnalysisOptions options)
    {
        try
        {
            var source = new SourceText(text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text);
            var grammar = FileGrammar.Dockerfile(TextInput.ForFile(source));
            if (!grammar.WasSuccessful)
            {
                return "(the grammar fails without throwing)";
            }

            var context = new RuleContext(DockerfileAnalyzer.BuildModel(grammar.Value, options), "Dockerfile");
            foreach (var rule in AllRules)
            {
                _ = rule.Analyze(context).ToList();
            }

            return "(no exception when run unguarded)";
        }
#pragma warning disable CA1031 // Reported, not handled.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return "unguarded: " + exception;
        }
    }

    private static readonly Rule[] AllRules = typeof(Rule).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(Rule)) && !type.IsAbstract)
        .Select(type => (Rule)Activator.CreateInstance(type)!)
        .ToArray();

    /// <summary>The text with invisible characters spelled out, short enough for a test report.</summary>
    public static string Describe(string text)
    {
        const int Limit = 6000;
        var shown = new StringBuilder();
        foreach (var c in text.Length > Limit ? text.Substring(0, Limit) : text)
        {
            shown.Append(c switch
            {
                '\n' => "\\n\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' || c > '\u007E' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return $"{text.Length} chars:\n{shown}" + (text.Length > Limit ? "\n[...]" : string.Empty);
    }
}
