using System.Text.RegularExpressions;

namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>
/// One warning or error line of an MSBuild log in the canonical format
/// <c>path(line,col,endline,endcol): warning CODE: message [project]</c>; position parts are 0 when absent.
/// </summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, int EndLine, int EndColumn, string Severity, string Code, string Message);

/// <summary>Reads what the end-to-end tests assert on out of an MSBuild text log.</summary>
internal static partial class BuildLog
{
    /// <summary>Every canonical warning and error line, in order (a log written with NoSummary has each once).</summary>
    public static IReadOnlyList<BuildDiagnostic> Diagnostics(string log)
    {
        var diagnostics = new List<BuildDiagnostic>();
        foreach (var line in Lines(log))
        {
            var match = CanonicalLine().Match(line);
            if (match.Success)
            {
                diagnostics.Add(new BuildDiagnostic(
                    match.Groups["file"].Value.Trim(),
                    Number(match.Groups["line"]),
                    Number(match.Groups["column"]),
                    Number(match.Groups["endLine"]),
                    Number(match.Groups["endColumn"]),
                    match.Groups["severity"].Value,
                    match.Groups["code"].Value,
                    match.Groups["message"].Value));
            }
        }

        return diagnostics;
    }

    /// <summary>The Dockerfiles the task says it checked (its normal-importance messages), in order.</summary>
    public static IReadOnlyList<string> CheckedFiles(string log)
    {
        // Built from the task's constant so that a change of wording cannot silently empty this list.
        const string prefix = NonRootUser.Analyzers.Tasks.DockerfileCheck.CheckedFileMessagePrefix;
        var files = new List<string>();
        foreach (var line in Lines(log))
        {
            var text = NodePrefix().Replace(line, string.Empty).Trim();
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                files.Add(text.Substring(prefix.Length));
            }
        }

        return files;
    }

    private static IEnumerable<string> Lines(string log) => log.Split('\n').Select(line => line.TrimEnd('\r'));

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    // "1>" or "12>" starts a line of a multi-node log.
    [GeneratedRegex(@"^\s*\d+>")]
    private static partial Regex NodePrefix();

    [GeneratedRegex(@"^\s*(?:\d+>)?(?<file>.+?)(?:\((?<line>\d+)(?:,(?<column>\d+))?(?:,(?<endLine>\d+),(?<endColumn>\d+))?\))?\s*:\s+(?<severity>warning|error)\s+(?<code>[A-Za-z]+[0-9]+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]*\])?\s*$")]
    private static partial Regex CanonicalLine();
}
