using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace NonRootUser.Analyzers.Configuration;

/// <summary>A rule severity set in .editorconfig, named as Roslyn names them.</summary>
public enum ConfiguredSeverity
{
    /// <summary><c>error</c>: logged as an error.</summary>
    Error,

    /// <summary><c>warning</c>: logged as a warning.</summary>
    Warning,

    /// <summary><c>suggestion</c>: logged as a message.</summary>
    Suggestion,

    /// <summary><c>silent</c> (or <c>refactoring</c>): not shown, but still in SARIF.</summary>
    Silent,

    /// <summary><c>none</c>: the rule is off.</summary>
    None,
}

/// <summary>
/// The rule severities the .editorconfig files around a Dockerfile set, resolved as Roslyn resolves them for a C# file:
/// <list type="bullet">
/// <item>Files are read from the Dockerfile's directory upwards; one with <c>root = true</c> in its preamble is the last
/// read. Nearer files win over farther ones, and later sections over earlier ones.</item>
/// <item><c>dotnet_diagnostic.NRU001.severity = error|warning|suggestion|silent|none|default</c> sets one rule;
/// <c>default</c> means the rule's own severity. An unknown value is ignored.</item>
/// <item><c>dotnet_analyzer_diagnostic.severity = ...</c> sets every rule that has no <c>dotnet_diagnostic</c> entry of its
/// own, wherever that entry is: a specific entry always wins over the bulk one.</item>
/// <item>Keys and values are case-insensitive. Properties in the preamble (before the first section) apply to nothing.</item>
/// </list>
/// Unlike Roslyn, a value may be followed by a remark (<c>none # legacy image</c>). Parsed files are cached by path,
/// last write time and length, because the task runs in long-lived MSBuild nodes. Nothing here throws: an unreadable
/// file is skipped.
/// </summary>
public sealed class EditorConfigSeverities
{
    private const string FileName = ".editorconfig";
    private const string SpecificPrefix = "dotnet_diagnostic.";
    private const string SpecificSuffix = ".severity";
    private const string BulkKey = "dotnet_analyzer_diagnostic.severity";

    // Larger files are not configuration; skipping them keeps a build node's memory bounded.
    private const long MaxFileLength = 16 * 1024 * 1024;

    private static readonly ConcurrentDictionary<string, CachedFile> Cache = new(StringComparer.Ordinal);

    private static readonly EditorConfigSeverities Empty = new(new Dictionary<string, ConfiguredSeverity?>(), null);

    private readonly IReadOnlyDictionary<string, ConfiguredSeverity?> specific;
    private readonly ConfiguredSeverity? bulk;

    private EditorConfigSeverities(IReadOnlyDictionary<string, ConfiguredSeverity?> specific, ConfiguredSeverity? bulk)
    {
        this.specific = specific;
        this.bulk = bulk;
    }

    /// <summary>Reads (or takes from the cache) the .editorconfig files that apply to <paramref name="filePath"/>.</summary>
    public static EditorConfigSeverities ForFile(string filePath)
    {
        if (!TryGetFullPath(filePath, out var fullPath))
        {
            return Empty;
        }

        var files = CollectFiles(fullPath);
        if (files.Count == 0)
        {
            return Empty;
        }

        var target = Normalize(fullPath);
        var specific = new Dictionary<string, ConfiguredSeverity?>(StringComparer.OrdinalIgnoreCase);
        string? bulkValue = null;

        // Farthest first, so nearer files overwrite.
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var file = files[i];
            if (!target.StartsWith(file.Directory + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var relativePath = target.Substring(file.Directory.Length);
            foreach (var section in file.Sections)
            {
                if (section.Matcher?.IsMatch(relativePath) != true)
                {
                    continue;
                }

                foreach (var property in section.Properties)
                {
                    if (TryGetRuleId(property.Key, out var ruleId))
                    {
                        // Roslyn drops an unknown value without forgetting an earlier valid one.
                        if (TryParseSeverity(property.Value, out var severity))
                        {
                            specific[ruleId] = severity;
                        }
                    }
                    else if (property.Key == BulkKey)
                    {
                        // Roslyn keeps the bulk value as text (last one wins) and parses it when it is used.
                        bulkValue = property.Value;
                    }
                }
            }
        }

        var bulk = bulkValue is not null && TryParseSeverity(bulkValue, out var parsed) ? parsed : null;
        return new EditorConfigSeverities(specific, bulk);
    }

    /// <summary>The severity configured for a rule, or null when none is (or it is <c>default</c>): the rule's own applies.</summary>
    public ConfiguredSeverity? Get(string ruleId)
    {
        if (string.IsNullOrEmpty(ruleId))
        {
            return null;
        }

        // A specific entry, even "default", shuts out the bulk setting.
        return specific.TryGetValue(ruleId, out var severity) ? severity : bulk;
    }

    /// <summary>Empties the cache of parsed files; for tests.</summary>
    internal static void ClearCache() => Cache.Clear();

    /// <summary><c>dotnet_diagnostic.NRU001.severity</c> → <c>nru001</c> (keys are lower-cased when read).</summary>
    private static bool TryGetRuleId(string key, out string ruleId)
    {
        ruleId = string.Empty;
        var idLength = key.Length - SpecificPrefix.Length - SpecificSuffix.Length;
        if (idLength <= 0
            || !key.StartsWith(SpecificPrefix, StringComparison.Ordinal)
            || !key.EndsWith(SpecificSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        ruleId = key.Substring(SpecificPrefix.Length, idLength);
        return true;
    }

    /// <summary>Roslyn's severity words, any case; <c>default</c> parses to null. A trailing <c>#</c>/<c>;</c> remark is allowed.</summary>
    internal static bool TryParseSeverity(string value, out ConfiguredSeverity? severity)
    {
        severity = null;
        var word = StripRemark(value);
        switch (word.ToLowerInvariant())
        {
            case "default":
                return true;
            case "error":
                severity = ConfiguredSeverity.Error;
                return true;
            case "warning":
                severity = ConfiguredSeverity.Warning;
                return true;
            case "suggestion":
                severity = ConfiguredSeverity.Suggestion;
                return true;
            case "silent":
            case "refactoring":
                severity = ConfiguredSeverity.Silent;
                return true;
            case "none":
                severity = ConfiguredSeverity.None;
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>none # legacy image</c> → <c>none</c>; a remark must be separated from the word by a blank.</summary>
    private static string StripRemark(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value.Substring(0, i).TrimEnd();
            }
        }

        return value;
    }

    /// <summary>The .editorconfig files from the file's directory up to the first root one, nearest first.</summary>
    private static List<EditorConfigFile> CollectFiles(string fullPath)
    {
        var files = new List<EditorConfigFile>();
        var directory = SafeGetDirectoryName(fullPath);
        while (directory is not null)
        {
            var file = Load(Path.Combine(directory, FileName), directory);
            if (file is not null)
            {
                files.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }

            directory = SafeGetDirectoryName(directory);
        }

        return files;
    }

    private static EditorConfigFile? Load(string path, string directory)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxFileLength)
            {
                return null;
            }

            var stamp = info.LastWriteTimeUtc;
            var length = info.Length;
            if (Cache.TryGetValue(path, out var cached) && cached.LastWriteTimeUtc == stamp && cached.Length == length)
            {
                return cached.File;
            }

            var parsed = EditorConfigFile.Parse(File.ReadAllText(path), TrimSlash(Normalize(directory)));
            Cache[path] = new CachedFile(stamp, length, parsed);
            return parsed;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException or ArgumentException)
        {
            // Unreadable (locked, no permission, vanished, a directory): as if it were not there.
            return null;
        }
    }

    private static bool TryGetFullPath(string filePath, out string fullPath)
    {
        fullPath = string.Empty;
        if (string.IsNullOrWhiteSpace(filePath))
        {
            return false;
        }

        try
        {
            fullPath = Path.GetFullPath(filePath);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or SecurityException)
        {
            return false;
        }
    }

    private static string? SafeGetDirectoryName(string path)
    {
        try
        {
            var directory = Path.GetDirectoryName(path);
            return string.IsNullOrEmpty(directory) ? null : directory;
        }
        catch (Exception exception) when (exception is ArgumentException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Directory separators become <c>/</c>, as EditorConfig globs expect.</summary>
    private static string Normalize(string path)
    {
        path = path.Replace(Path.DirectorySeparatorChar, '/');
        return Path.AltDirectorySeparatorChar == '/' ? path : path.Replace(Path.AltDirectorySeparatorChar, '/');
    }

    /// <summary><c>/src/</c> → <c>/src</c>, <c>/</c> → empty, so the relative path always starts with <c>/</c>.</summary>
    private static string TrimSlash(string directory) =>
        directory.EndsWith("/", StringComparison.Ordinal) ? directory.Substring(0, directory.Length - 1) : directory;

    private sealed record CachedFile(DateTime LastWriteTimeUtc, long Length, EditorConfigFile File);
}
