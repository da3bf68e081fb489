using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Suppression;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Reporting;

/// <summary>
/// Writes findings as a SARIF 2.1.0 log (one run, every rule described, one result per diagnostic, suppressed ones
/// included with their suppression), the format GitHub code scanning and Visual Studio's SARIF viewer read.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string ToolName = "NonRootUser.Analyzers";

    /// <summary>
    /// Writes the log to <paramref name="path"/> atomically: into a temporary file beside it, then moved over it, so a
    /// reader never sees half a file. Creates the directory when missing.
    /// </summary>
    /// <returns>Null when written; otherwise why not, for the task to log. Never throws.</returns>
    public static string? Write(string path, IEnumerable<Diagnostic> diagnostics, string toolVersion)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "No SARIF file path was given.";
        }

        string? temporaryPath = null;
        try
        {
            var fullPath = Path.GetFullPath(path);
            var json = Render(diagnostics, toolVersion);
            var directory = Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            temporaryPath = Path.Combine(directory ?? string.Empty, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(temporaryPath, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            MoveOver(temporaryPath, fullPath);
            temporaryPath = null;
            return null;
        }
#pragma warning disable CA1031 // The task must log a failure to write a report, never crash the build with it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return $"Could not write the SARIF file '{path}': {exception.Message}";
        }
        finally
        {
            TryDelete(temporaryPath);
        }
    }

    /// <summary>The SARIF text for the diagnostics.</summary>
    internal static string Render(IEnumerable<Diagnostic>? diagnostics, string? toolVersion)
    {
        var rules = DescribedRules();
        var ruleIndexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndexes[rules[i].Id] = i;
        }

        var json = new JsonWriter();
        json.StartObject()
            .Property("$schema", SchemaUri)
            .Property("version", "2.1.0")
            .Name("runs").StartArray()
            .StartObject();

        WriteTool(json, rules, toolVersion);
        json.Property("columnKind", "utf16CodeUnits");
        json.Name("results").StartArray();

        // Findings come in runs from one Dockerfile: make each file's URI once.
        var uris = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics ?? Array.Empty<Diagnostic>())
        {
            if (diagnostic is not null)
            {
                var filePath = diagnostic.FilePath ?? string.Empty;
                if (!uris.TryGetValue(filePath, out var uri))
                {
                    uri = ToFileUri(filePath);
                    uris[filePath] = uri;
                }

                WriteResult(json, diagnostic, uri, ruleIndexes);
            }
        }

        json.EndArray()
            .EndObject()
            .EndArray()
            .EndObject();
        return json + "\n";
    }

    /// <summary>
    /// <c>file:///C:/src/My%20App/Dockerfile</c>, <c>file:///home/me/app/Dockerfile</c>, <c>file://server/share/Dockerfile</c>:
    /// every byte of the UTF-8 path outside letters, digits, <c>-._~</c> and <c>/</c> is percent-encoded. Null when
    /// the path cannot be made absolute.
    /// </summary>
    internal static string? ToFileUri(string filePath)
    {
        if (string.IsNullOrWhiteSpace(filePath))
        {
            return null;
        }

        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(filePath);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return null;
        }

        var path = fullPath.Replace(Path.DirectorySeparatorChar, '/');
        if (Path.AltDirectorySeparatorChar != '/')
        {
            path = path.Replace(Path.AltDirectorySeparatorChar, '/');
        }

        var uri = new StringBuilder("file:");
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // UNC: //server/share/... keeps the server as the authority.
            AppendEscaped(uri, path, keepColonAt: -1);
        }
        else if (path.StartsWith("/", StringComparison.Ordinal))
        {
            uri.Append("//");
            AppendEscaped(uri, path, keepColonAt: -1);
        }
        else
        {
            // C:/src/... : the drive's colon stays.
            uri.Append("///");
            AppendEscaped(uri, path, keepColonAt: path.Length > 1 && path[1] == ':' ? 1 : -1);
        }

        return uri.ToString();
    }

    /// <summary><c>The image's USER is root</c> → <c>TheImagesUserIsRoot</c>.</summary>
    internal static string PascalCase(string title)
    {
        var result = new StringBuilder(title.Length);
        var startOfWord = true;
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                result.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                startOfWord = false;
            }
            else if (c is not ('\'' or '\u2019'))
            {
                // An apostrophe joins ("image's" → "Images"); anything else separates words.
                startOfWord = true;
            }
        }

        return result.ToString();
    }

    /// <summary>The rules the log describes: the registry's, each once.</summary>
    internal static IReadOnlyList<RuleDescriptor> DescribedRules() => RuleDescriptors.All;

    internal static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(JsonWriter json, IReadOnlyList<RuleDescriptor> rules, string? toolVersion)
    {
        json.Name("tool").StartObject()
            .Name("driver").StartObject()
            .Property("name", ToolName);
        if (!string.IsNullOrEmpty(toolVersion))
        {
            json.Property("version", toolVersion!);
        }

        json.Property("informationUri", RuleDescriptors.RepositoryUrl)
            .Name("rules").StartArray();
        foreach (var rule in rules)
        {
            json.StartObject()
                .Property("id", rule.Id)
                .Property("name", PascalCase(rule.Title))
                .Name("shortDescription").StartObject().Property("text", rule.Title).EndObject()
                .Name("fullDescription").StartObject().Property("text", rule.Description).EndObject()
                .Property("helpUri", rule.HelpUri.AbsoluteUri)
                .Name("defaultConfiguration").StartObject().Property("level", Level(rule.DefaultSeverity)).EndObject()
                .EndObject();
        }

        json.EndArray()
            .EndObject()
            .EndObject();
    }

    private static void WriteResult(JsonWriter json, Diagnostic diagnostic, string? uri, Dictionary<string, int> ruleIndexes)
    {
        json.StartObject().Property("ruleId", diagnostic.Id ?? string.Empty);
        if (diagnostic.Id is not null && ruleIndexes.TryGetValue(diagnostic.Id, out var ruleIndex))
        {
            json.Property("ruleIndex", ruleIndex);
        }

        json.Property("level", Level(diagnostic.Severity))
            .Name("message").StartObject().Property("text", diagnostic.Message ?? string.Empty).EndObject();

        if (uri is not null)
        {
            json.Name("locations").StartArray()
                .StartObject()
                .Name("physicalLocation").StartObject()
                .Name("artifactLocation").StartObject().Property("uri", uri).EndObject();
            WriteRegion(json, diagnostic.Span);
            json.EndObject()
                .EndObject()
                .EndArray();
        }

        if (diagnostic.Suppression is { } suppression)
        {
            json.Name("suppressions").StartArray()
                .StartObject()
                .Property("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external")
                .Property("justification", suppression.Justification ?? string.Empty)
                .EndObject()
                .EndArray();
        }

        json.EndObject();
    }

    /// <summary>SARIF lines and columns are 1-based with an exclusive end column, as <see cref="SourceSpan"/> is; unknown parts are left out.</summary>
    private static void WriteRegion(JsonWriter json, SourceSpan span)
    {
        if (span.Start.Line < 1)
        {
            return;
        }

        json.Name("region").StartObject().Property("startLine", span.Start.Line);
        var hasStartColumn = span.Start.Column >= 1;
        if (hasStartColumn)
        {
            json.Property("startColumn", span.Start.Column);
        }

        if (span.End.CompareTo(span.Start) >= 0)
        {
            json.Property("endLine", span.End.Line);
            if (hasStartColumn && span.End.Column >= 1)
            {
                json.Property("endColumn", span.End.Column);
            }
        }

        json.EndObject();
    }

    private static void AppendEscaped(StringBuilder uri, string path, int keepColonAt)
    {
        // Encoding.UTF8 turns a lone surrogate into U+FFFD rather than failing.
        var bytes = Encoding.UTF8.GetBytes(path);
        var charIndex = 0;
        foreach (var b in bytes)
        {
            var c = (char)b;
            var keep = b < 0x80 && (IsUnreserved(c) || c == '/' || (c == ':' && charIndex == keepColonAt));
            if (keep)
            {
                uri.Append(c);
            }
            else
            {
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            // Only ASCII positions matter (the drive colon is at index 1); count lead bytes as characters.
            if ((b & 0xC0) != 0x80)
            {
                charIndex++;
            }
        }
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static void MoveOver(string temporaryPath, string destination)
    {
#if NET
        File.Move(temporaryPath, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(temporaryPath, destination, destinationBackupFileName: null);
            return;
        }

        try
        {
            File.Move(temporaryPath, destination);
        }
        catch (IOException) when (File.Exists(destination))
        {
            // Another writer created it meanwhile: replace theirs, last writer wins.
            File.Replace(temporaryPath, destination, destinationBackupFileName: null);
        }
#endif
    }

    private static void TryDelete(string? path)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary file is harmless; the failure that caused it is what gets reported.
        }
    }
}
