using System.Collections.ObjectModel;

namespace NonRootUser.Analyzers.Tests.Expansion;

/// <summary>One line of BuildKit's <c>envVarTest</c>: <c>PLATFORM|input|expected</c>.</summary>
public sealed record EnvVarCase(int Line, string Platform, string Input, string Expected)
{
    public bool ExpectsError => Expected == "error";
}

/// <summary>One line of BuildKit's <c>wordsTest</c> with the environment its preceding <c>ENV</c> lines built.</summary>
public sealed record WordsCase(int Line, string Input, IReadOnlyList<string> Expected, IReadOnlyDictionary<string, string> Environment)
{
    public bool ExpectsError => Expected is ["error"];
}

/// <summary>
/// Reads BuildKit's shell lexer test data from <c>../shared/corpus/buildkit/shell</c> beside the repository, with the
/// same parsing rules as BuildKit's own <c>lex_test.go</c>.
/// </summary>
public static class ShellCorpus
{
    /// <summary>The environment BuildKit's TestShellParser4EnvVars expands <c>envVarTest</c> with.</summary>
    public static IReadOnlyDictionary<string, string> EnvVarTestEnvironment(StringComparer comparer) =>
        new Dictionary<string, string>(comparer)
        {
            ["PWD"] = "/home",
            ["SHELL"] = "bash",
            ["KOREAN"] = "한국어",
            ["NULL"] = string.Empty,
        };

    /// <summary>
    /// Lines starting with <c>#</c> are skipped before trimming; the rest is trimmed, blank lines are skipped, and the
    /// three <c>|</c>-separated fields are trimmed.
    /// </summary>
    public static IReadOnlyList<EnvVarCase> ReadEnvVarCases()
    {
        var cases = new List<EnvVarCase>();
        string[] lines = File.ReadAllLines(PathOf("envVarTest"));
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index];
            if (line.StartsWith('#'))
            {
                continue;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('|');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"envVarTest line {index + 1} does not have 3 fields: {line}");
            }

            cases.Add(new EnvVarCase(index + 1, fields[0].Trim(), fields[1].Trim(), fields[2].Trim()));
        }

        return cases;
    }

    /// <summary>
    /// <c>ENV key=value</c> lines add to (or replace in) the environment of the lines after them, value kept verbatim
    /// including trailing spaces; other lines are <c>input|w1,w2</c> where the input is trimmed and the expected list
    /// only loses its leading spaces.
    /// </summary>
    public static IReadOnlyList<WordsCase> ReadWordsCases()
    {
        var cases = new List<WordsCase>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = File.ReadAllLines(PathOf("wordsTest"));
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index];
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                string assignment = line.Substring(3).TrimStart(' ');
                int equals = assignment.IndexOf('=', StringComparison.Ordinal);
                environment[equals < 0 ? assignment : assignment[..equals]] = equals < 0 ? string.Empty : assignment[(equals + 1)..];
                continue;
            }

            string[] fields = line.Split('|');
            if (fields.Length != 2)
            {
                throw new InvalidDataException($"wordsTest line {index + 1} does not have exactly one '|': {line}");
            }

            string[] expected = fields[1].TrimStart(' ').Split(',');
            var snapshot = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(environment, StringComparer.Ordinal));
            cases.Add(new WordsCase(index + 1, fields[0].Trim(), expected, snapshot));
        }

        return cases;
    }

    private static string PathOf(string fileName) => RepositoryRoot.BuildKitCorpus("shell", fileName);
}
