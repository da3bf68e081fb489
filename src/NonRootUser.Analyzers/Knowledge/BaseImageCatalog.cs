using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>
/// What is known about base images: the built-in knowledge base (shipped as the embedded data file
/// <c>Knowledge/BaseImages.txt</c>), optionally overlaid with images the project declares.
/// </summary>
/// <remarks>
/// Lookup: entries the project declared win over built-in ones; within each, the most specific matching pattern
/// wins (a pinned digest, then the longest literal name, then the longest literal tag), then the earlier entry.
/// Patterns are compiled once; a lookup is a dictionary probe plus a few wildcard checks. Instances are immutable
/// and safe to share between threads.
/// </remarks>
public sealed class BaseImageCatalog
{
    private const string ResourceName = "NonRootUser.Analyzers.Knowledge.BaseImages.txt";
    private const string DeclaredSource = "declared in the project";

    private static readonly Lazy<(BaseImageCatalog Catalog, IReadOnlyList<string> Errors)> BuiltInLoad =
        new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Declared layers first, the built-in layer last.</summary>
    private readonly IReadOnlyList<PatternIndex> layers;

    private BaseImageCatalog(IReadOnlyList<PatternIndex> layers) => this.layers = layers;

    /// <summary>The built-in knowledge base (read once, on first use).</summary>
    public static BaseImageCatalog BuiltIn => BuiltInLoad.Value.Catalog;

    /// <summary>A catalog that knows nothing (every image is unknown).</summary>
    public static BaseImageCatalog Empty { get; } = new(Array.Empty<PatternIndex>());

    /// <summary>Problems found while reading the built-in data (empty when it is sound; a test keeps it so).</summary>
    internal static IReadOnlyList<string> BuiltInErrors => BuiltInLoad.Value.Errors;

    /// <summary>Every entry, declared ones first, with one entry per expanded pattern (for tests and tooling).</summary>
    internal IEnumerable<CatalogEntry> Entries => layers.SelectMany(layer => layer.Entries);

    /// <summary>What is known about <paramref name="image"/>; null when the image is unknown.</summary>
    public BaseImageInfo? Find(ImageReference image)
    {
        if (image is null)
        {
            return null;
        }

        var nameKey = ImagePattern.NameKey(image);
        foreach (var layer in layers)
        {
            if (layer.FindBest(nameKey, image) is { } entry)
            {
                // An entry without information marks an image the data deliberately leaves unknown.
                return entry.Info;
            }
        }

        return null;
    }

    /// <summary>Parses <paramref name="image"/> and looks it up; null when it is not a valid reference or unknown.</summary>
    public BaseImageInfo? Find(string image) =>
        ImageReference.TryParse(image, out var reference, out _) ? Find(reference) : null;

    /// <summary>
    /// A catalog in which <paramref name="declared"/> entries (see <see cref="Declare(string, string?, IEnumerable{string}, IEnumerable{string}, IReadOnlyDictionary{string, string})"/>)
    /// take precedence over everything this catalog knows. Entries whose pattern is not valid (see
    /// <see cref="IsValidPattern"/>) are skipped.
    /// </summary>
    public BaseImageCatalog WithDeclared(IEnumerable<BaseImageInfo> declared)
    {
        var entries = new List<CatalogEntry>();
        foreach (var info in declared ?? Enumerable.Empty<BaseImageInfo>())
        {
            if (info is not null && ImagePattern.TryCompile(info.Pattern, out var patterns, out _))
            {
                entries.AddRange(patterns.Select(pattern => new CatalogEntry(pattern, info)));
            }
        }

        return entries.Count == 0 ? this : new BaseImageCatalog(new[] { new PatternIndex(entries) }.Concat(layers).ToList());
    }

    /// <summary>
    /// Builds a declared entry (e.g. from an MSBuild item). <paramref name="pattern"/> is an image reference with or
    /// without tag in which <c>*</c> matches anything and <c>{a,b}</c> lists alternatives:
    /// <c>contoso.azurecr.io/platform/runtime</c> matches every tag of that repository, <c>contoso.azurecr.io/*</c>
    /// everything on that registry. Users are <c>name[:uid[:gid]]</c>, groups <c>name[:gid]</c>; list every
    /// account, root included. The accounts count as complete when at least one user is given. Never throws.
    /// </summary>
    public static BaseImageInfo Declare(
        string pattern,
        string? defaultUser,
        IEnumerable<string> users,
        IEnumerable<string> groups,
        IReadOnlyDictionary<string, string> env)
    {
        var userAccounts = ParseUsers(users);
        return Create(pattern, defaultUser, userAccounts, groups, env, accountsKnown: userAccounts.Count > 0, isWindows: false);
    }

    /// <summary>
    /// Like <see cref="Declare(string, string?, IEnumerable{string}, IEnumerable{string}, IReadOnlyDictionary{string, string})"/>,
    /// stating whether the accounts are complete and whether the image is a Windows image.
    /// </summary>
    public static BaseImageInfo Declare(
        string pattern,
        string? defaultUser,
        IEnumerable<string> users,
        IEnumerable<string> groups,
        IReadOnlyDictionary<string, string> env,
        bool accountsKnown,
        bool isWindows) =>
        Create(pattern, defaultUser, ParseUsers(users), groups, env, accountsKnown, isWindows);

    /// <summary>True when <paramref name="pattern"/> can be used in <see cref="Declare(string, string?, IEnumerable{string}, IEnumerable{string}, IReadOnlyDictionary{string, string})"/>; else why not.</summary>
    public static bool IsValidPattern(string pattern, [NotNullWhen(false)] out string? error)
    {
        var valid = ImagePattern.TryCompile(pattern, out _, out error);
        if (valid)
        {
            error = null;
            return true;
        }

        error ??= "the pattern is not valid";
        return false;
    }

    private static BaseImageInfo Create(
        string? pattern,
        string? defaultUser,
        List<UserAccount> users,
        IEnumerable<string>? groups,
        IReadOnlyDictionary<string, string>? env,
        bool accountsKnown,
        bool isWindows)
    {
        var groupAccounts = new List<GroupAccount>();
        AccountText.Merge(
            groupAccounts,
            (groups ?? Enumerable.Empty<string>()).Select(AccountText.ParseGroupLeniently).OfType<GroupAccount>(),
            g => g.Name);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in env ?? new Dictionary<string, string>())
        {
            if (!string.IsNullOrEmpty(pair.Key))
            {
                environment[pair.Key] = pair.Value ?? string.Empty;
            }
        }

        return new BaseImageInfo(
            pattern?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(defaultUser) ? null : defaultUser!.Trim(),
            new ReadOnlyCollection<UserAccount>(users),
            new ReadOnlyCollection<GroupAccount>(groupAccounts),
            new ReadOnlyDictionary<string, string>(environment),
            isWindows,
            accountsKnown,
            DeclaredSource);
    }

    private static List<UserAccount> ParseUsers(IEnumerable<string>? users)
    {
        var accounts = new List<UserAccount>();
        AccountText.Merge(
            accounts,
            (users ?? Enumerable.Empty<string>()).Select(AccountText.ParseUserLeniently).OfType<UserAccount>(),
            u => u.Name);
        return accounts;
    }

    /// <summary>Reads the embedded data; a broken or missing resource yields an empty catalog and errors, never an exception.</summary>
    private static (BaseImageCatalog, IReadOnlyList<string>) LoadBuiltIn()
    {
        try
        {
            using var stream = typeof(BaseImageCatalog).Assembly.GetManifestResourceStream(ResourceName);
            if (stream is null)
            {
                return (Empty, new[] { $"the embedded resource {ResourceName} is missing" });
            }

            using var reader = new StreamReader(stream);
            var result = KnowledgeBaseReader.Read(reader.ReadToEnd(), "BaseImages.txt");
            return (new BaseImageCatalog(new[] { new PatternIndex(result.Entries) }), result.Errors);
        }
        catch (Exception exception)
        {
            // Whatever goes wrong, the knowledge base must not fail a build: Lazy would rethrow on every use.
            return (Empty, new[] { $"the embedded resource {ResourceName} could not be read: {exception.Message}" });
        }
    }

    /// <summary>
    /// One layer's entries, indexed for cheap lookup: by exact name, by exact registry (wildcard repositories), and
    /// the few whose registry itself is a wildcard. Each bucket is sorted best first (most specific, then earliest),
    /// so the first match in a bucket is that bucket's best.
    /// </summary>
    private sealed class PatternIndex
    {
        private readonly Dictionary<string, Ranked[]> byName;
        private readonly Dictionary<string, Ranked[]> byRegistry;
        private readonly Ranked[] anyRegistry;

        public PatternIndex(IReadOnlyList<CatalogEntry> entries)
        {
            Entries = entries;
            var ranked = entries.Select((entry, order) => new Ranked(entry, order)).ToList();
            byName = ranked.Where(r => r.Entry.Pattern.LiteralName is not null)
                .GroupBy(r => r.Entry.Pattern.LiteralName!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, Sorted, StringComparer.Ordinal);
            byRegistry = ranked.Where(r => r.Entry.Pattern.LiteralName is null && r.Entry.Pattern.LiteralRegistry is not null)
                .GroupBy(r => r.Entry.Pattern.LiteralRegistry!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, Sorted, StringComparer.Ordinal);
            anyRegistry = Sorted(ranked.Where(r => r.Entry.Pattern.LiteralName is null && r.Entry.Pattern.LiteralRegistry is null));
        }

        public IReadOnlyList<CatalogEntry> Entries { get; }

        public CatalogEntry? FindBest(string nameKey, ImageReference image)
        {
            var best = FirstMatch(byName.TryGetValue(nameKey, out var named) ? named : null, nameKey, image);
            var registry = nameKey.Substring(0, nameKey.IndexOf('/'));
            best = Better(best, FirstMatch(byRegistry.TryGetValue(registry, out var onRegistry) ? onRegistry : null, nameKey, image));
            return Better(best, FirstMatch(anyRegistry, nameKey, image))?.Entry;
        }

        private static Ranked[] Sorted(IEnumerable<Ranked> bucket)
        {
            var array = bucket.ToArray();
            Array.Sort(array, Ranked.BestFirst);
            return array;
        }

        private static Ranked? Better(Ranked? a, Ranked? b) =>
            a is null ? b : b is null ? a : Ranked.BestFirst(a, b) <= 0 ? a : b;

        private static Ranked? FirstMatch(Ranked[]? bucket, string nameKey, ImageReference image)
        {
            if (bucket is null)
            {
                return null;
            }

            foreach (var candidate in bucket)
            {
                if (candidate.Entry.Pattern.Matches(nameKey, image))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>An entry with its position in the data, the final tie-breaker.</summary>
    private sealed class Ranked
    {
        public Ranked(CatalogEntry entry, int order)
        {
            Entry = entry;
            Order = order;
        }

        public CatalogEntry Entry { get; }

        public int Order { get; }

        /// <summary>Negative when <paramref name="a"/> should win over <paramref name="b"/>.</summary>
        public static int BestFirst(Ranked a, Ranked b)
        {
            var bySpecificity = b.Entry.Pattern.CompareSpecificity(a.Entry.Pattern);
            return bySpecificity != 0 ? bySpecificity : a.Order.CompareTo(b.Order);
        }
    }
}
