using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>A compiled pattern and what it says; <see cref="Info"/> is null for rows that declare an image unknown.</summary>
internal sealed record CatalogEntry(ImagePattern Pattern, BaseImageInfo? Info);

/// <summary>
/// Reads the line-oriented knowledge base (<c>Knowledge/BaseImages.txt</c>; its header documents the format).
/// Collects every malformed line as an error instead of stopping, so a test can list them all.
/// </summary>
internal static class KnowledgeBaseReader
{
    /// <summary>The only format version this reader understands.</summary>
    public const string SupportedFormat = "1";

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>What one read produced: the entries in file order and the errors (empty when the data is sound).</summary>
    public sealed record Result(IReadOnlyList<CatalogEntry> Entries, IReadOnlyList<string> Errors);

    /// <summary>
    /// Reads <paramref name="text"/>; <paramref name="fileName"/> only labels errors. A statement continues on the
    /// next line when its line ends with <c>\</c>; errors name the statement's first line.
    /// </summary>
    public static Result Read(string text, string fileName)
    {
        var state = new ReaderState(fileName);
        var lines = text.Split('\n');
        var statement = new StringBuilder();
        var firstLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i].TrimEnd('\r')).Trim();
            if (statement.Length == 0)
            {
                firstLine = i + 1;
            }

            var continues = line.EndsWith("\\", StringComparison.Ordinal);
            statement.Append(continues ? line.Substring(0, line.Length - 1) : line).Append(' ');
            if (continues && i < lines.Length - 1)
            {
                continue;
            }

            var complete = statement.ToString().Trim();
            statement.Clear();
            if (complete.Length > 0)
            {
                state.LineNumber = firstLine;
                ReadStatement(state, complete);
            }
        }

        if (!state.FormatSeen)
        {
            state.LineNumber = 0;
            state.Error($"the file must start with 'format {SupportedFormat}'");
        }

        return new Result(state.Entries, state.Errors);
    }

    /// <summary>A comment is a line starting with <c>#</c>, or <c>#</c> after white space.</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static void ReadStatement(ReaderState state, string line)
    {
        var tokens = line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (!state.FormatSeen && tokens[0] != "format")
        {
            state.Error($"the file must start with 'format {SupportedFormat}'");
            state.FormatSeen = true;
        }

        switch (tokens[0])
        {
            case "format":
                ReadFormat(state, tokens);
                break;
            case "source":
                ReadSource(state, line, tokens);
                break;
            case "accounts":
                ReadAccountSet(state, tokens);
                break;
            case "image":
                ReadImage(state, tokens);
                break;
            default:
                state.Error($"unknown statement '{tokens[0]}' (expected format, source, accounts or image)");
                break;
        }
    }

    private static void ReadFormat(ReaderState state, string[] tokens)
    {
        if (state.FormatSeen)
        {
            state.Error("'format' must appear once, before everything else");
        }
        else if (tokens.Length != 2 || tokens[1] != SupportedFormat)
        {
            state.Error($"unsupported format (this reader understands 'format {SupportedFormat}')");
        }

        state.FormatSeen = true;
    }

    /// <summary><c>source &lt;id&gt; &lt;citation…&gt;</c></summary>
    private static void ReadSource(ReaderState state, string line, string[] tokens)
    {
        if (tokens.Length < 3)
        {
            state.Error("'source' needs an id and a citation");
            return;
        }

        var citation = line.Substring(line.IndexOf(tokens[1], "source".Length, StringComparison.Ordinal) + tokens[1].Length).Trim();
        if (state.Sources.ContainsKey(tokens[1]))
        {
            state.Error($"source '{tokens[1]}' is defined twice");
            return;
        }

        state.Sources.Add(tokens[1], citation);
    }

    /// <summary><c>accounts &lt;name&gt; [include=…] [users=…] [groups=…] [source=…] [unconfirmed]</c></summary>
    private static void ReadAccountSet(ReaderState state, string[] tokens)
    {
        if (tokens.Length < 2 || tokens[1].IndexOf('=') >= 0)
        {
            state.Error("'accounts' needs a set name");
            return;
        }

        var set = new AccountSet(tokens[1]);
        foreach (var field in tokens.Skip(2))
        {
            if (field == "unconfirmed")
            {
                set.Unconfirmed = true;
            }
            else if (!ReadAccountField(state, field, set))
            {
                state.Error($"unknown field '{field}' in 'accounts' (expected include=, users=, groups=, source=, unconfirmed)");
            }
        }

        if (state.AccountSets.ContainsKey(set.Name))
        {
            state.Error($"account set '{set.Name}' is defined twice");
            return;
        }

        state.AccountSets.Add(set.Name, set);
    }

    /// <summary>
    /// <c>image &lt;pattern&gt; [accounts=…] [users=…] [groups=…] [runs-as=…] [env=NAME=value]… [windows]
    /// [unconfirmed] [unknown] source=…</c>
    /// </summary>
    private static void ReadImage(ReaderState state, string[] tokens)
    {
        if (tokens.Length < 2 || tokens[1].IndexOf('=') >= 0)
        {
            state.Error("'image' needs a pattern");
            return;
        }

        var row = new AccountSet(tokens[1]);
        string? runsAs = null;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var isWindows = false;
        var isUnknown = false;
        foreach (var field in tokens.Skip(2))
        {
            if (ReadAccountField(state, field, row, allowInclude: false))
            {
                continue;
            }

            SplitField(field, out var key, out var value);
            switch (key)
            {
                case "runs-as" when value is { Length: > 0 }:
                    runsAs = value;
                    break;
                case "env" when value is not null:
                    ReadEnvironment(state, value, environment);
                    break;
                case "windows" when value is null:
                    isWindows = true;
                    break;
                case "unconfirmed" when value is null:
                    row.Unconfirmed = true;
                    break;
                case "unknown" when value is null:
                    isUnknown = true;
                    break;
                default:
                    state.Error($"unknown field '{field}' in 'image' (expected accounts=, users=, groups=, runs-as=, env=, source=, windows, unconfirmed, unknown)");
                    break;
            }
        }

        if (!row.HasSourceField)
        {
            state.Error($"image '{row.Name}' has no source=");
        }

        if (isUnknown && (row.Users.Count > 0 || row.Groups.Count > 0 || runsAs is not null || environment.Count > 0 || isWindows))
        {
            state.Error($"image '{row.Name}' is 'unknown': it can only carry source=");
        }

        if (!ImagePattern.TryCompile(row.Name, out var patterns, out var patternError))
        {
            state.Error(patternError!);
            return;
        }

        var info = isUnknown ? null : new BaseImageInfo(
            row.Name,
            runsAs,
            new ReadOnlyCollection<UserAccount>(row.Users),
            new ReadOnlyCollection<GroupAccount>(row.Groups),
            environment.Count == 0 ? NoEnvironment : new ReadOnlyDictionary<string, string>(environment),
            isWindows,
            AccountsKnown: !row.Unconfirmed,
            Source: row.Citation);
        foreach (var pattern in patterns)
        {
            if (state.PatternLines.TryGetValue(pattern.Text, out var firstLine))
            {
                state.Error($"pattern '{pattern.Text}' is already defined on line {firstLine}");
                continue;
            }

            state.PatternLines.Add(pattern.Text, state.LineNumber);
            state.Entries.Add(new CatalogEntry(pattern, info is null ? null : info with { Pattern = pattern.Text }));
        }
    }

    /// <summary>Reads a field shared by sets and image rows; false when the field is not one of them.</summary>
    private static bool ReadAccountField(ReaderState state, string field, AccountSet target, bool allowInclude = true)
    {
        SplitField(field, out var key, out var value);
        if (value is null)
        {
            return false;
        }

        switch (key)
        {
            case "include" when allowInclude:
            case "accounts" when !allowInclude:
                foreach (var name in SplitList(state, key, value))
                {
                    if (state.AccountSets.TryGetValue(name, out var included))
                    {
                        target.Add(included);
                    }
                    else
                    {
                        state.Error($"account set '{name}' is not defined (define sets before using them)");
                    }
                }

                return true;
            case "users":
                foreach (var text in SplitList(state, key, value))
                {
                    if (AccountText.TryParseUser(text, out var user, out var error))
                    {
                        AccountText.Merge(target.Users, new[] { user! }, u => u.Name);
                    }
                    else
                    {
                        state.Error(error!);
                    }
                }

                return true;
            case "groups":
                foreach (var text in SplitList(state, key, value))
                {
                    if (AccountText.TryParseGroup(text, out var group, out var error))
                    {
                        AccountText.Merge(target.Groups, new[] { group! }, g => g.Name);
                    }
                    else
                    {
                        state.Error(error!);
                    }
                }

                return true;
            case "source":
                target.HasSourceField = true;
                if (state.Sources.TryGetValue(value, out var citation))
                {
                    target.OwnSource = citation;
                }
                else
                {
                    state.Error($"source '{value}' is not defined (define sources before using them)");
                }

                return true;
            default:
                return false;
        }
    }

    private static void ReadEnvironment(ReaderState state, string value, Dictionary<string, string> environment)
    {
        var equals = value.IndexOf('=');
        if (equals <= 0)
        {
            state.Error($"env '{value}' is not NAME=value");
            return;
        }

        environment[value.Substring(0, equals)] = value.Substring(equals + 1);
    }

    private static void SplitField(string field, out string key, out string? value)
    {
        var equals = field.IndexOf('=');
        key = equals < 0 ? field : field.Substring(0, equals);
        value = equals < 0 ? null : field.Substring(equals + 1);
    }

    private static IEnumerable<string> SplitList(ReaderState state, string key, string value)
    {
        foreach (var item in value.Split(','))
        {
            if (item.Length == 0)
            {
                state.Error($"'{key}=' has an empty item");
                continue;
            }

            yield return item;
        }
    }

    /// <summary>A named set of accounts while it is being built (also used for an image row's own accounts).</summary>
    private sealed class AccountSet
    {
        public AccountSet(string name) => Name = name;

        public string Name { get; }

        public List<UserAccount> Users { get; } = new();

        public List<GroupAccount> Groups { get; } = new();

        /// <summary>The set's or row's own citation (its source= field).</summary>
        public string? OwnSource { get; set; }

        /// <summary>True when a source= field was written (even one naming an undefined source).</summary>
        public bool HasSourceField { get; set; }

        public bool Unconfirmed { get; set; }

        /// <summary>The own citation first, then those of included sets, each once, separated by "; ".</summary>
        public string Citation => string.Join("; ", AllSources().Distinct(StringComparer.Ordinal));

        private List<string> IncludedSources { get; } = new();

        /// <summary>Takes in another set: its accounts (later facts win), its doubt and its citations.</summary>
        public void Add(AccountSet other)
        {
            AccountText.Merge(Users, other.Users, u => u.Name);
            AccountText.Merge(Groups, other.Groups, g => g.Name);
            Unconfirmed |= other.Unconfirmed;
            IncludedSources.AddRange(other.AllSources());
        }

        private IEnumerable<string> AllSources() =>
            OwnSource is null ? IncludedSources : new[] { OwnSource }.Concat(IncludedSources);
    }

    private sealed class ReaderState
    {
        private readonly string fileName;

        public ReaderState(string fileName) => this.fileName = fileName;

        public int LineNumber { get; set; }

        public bool FormatSeen { get; set; }

        public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AccountSet> AccountSets { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> PatternLines { get; } = new(StringComparer.Ordinal);

        public List<CatalogEntry> Entries { get; } = new();

        public List<string> Errors { get; } = new();

        public void Error(string message) => Errors.Add($"{fileName}({LineNumber}): {message}");
    }
}
