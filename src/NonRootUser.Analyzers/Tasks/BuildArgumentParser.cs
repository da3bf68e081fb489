using System;
using System.Collections.Generic;
using System.Text;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>
/// Reads the <c>--build-arg</c> options out of a <c>docker build</c> argument string such as Visual Studio's
/// <c>$(DockerfileBuildArguments)</c>: <c>--build-arg NAME=VALUE</c>, <c>--build-arg NAME="VALUE"</c>,
/// <c>--build-arg=NAME=VALUE</c> and <c>--build-arg NAME</c> (the value then comes from the environment, as with
/// docker). Every other option is ignored.
/// </summary>
internal static class BuildArgumentParser
{
    private const string Option = "--build-arg";

    /// <summary>Parses <paramref name="arguments"/>; a later <c>--build-arg</c> for the same name wins, as in docker.</summary>
    /// <param name="arguments">The argument string; null or empty gives no build arguments.</param>
    /// <param name="environment">Looks up an environment variable for <c>--build-arg NAME</c> without a value.</param>
    public static IReadOnlyDictionary<string, string> Parse(string? arguments, Func<string, string?> environment)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var tokens = Tokenize(arguments ?? string.Empty);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string? assignment = null;
            if (token == Option && i + 1 < tokens.Count)
            {
                assignment = tokens[++i];
            }
            else if (token.StartsWith(Option + "=", StringComparison.Ordinal))
            {
                assignment = token.Substring(Option.Length + 1);
            }

            if (assignment is not null)
            {
                AddAssignment(result, assignment, environment);
            }
        }

        return result;
    }

    private static void AddAssignment(Dictionary<string, string> result, string assignment, Func<string, string?> environment)
    {
        var equals = assignment.IndexOf('=');
        var name = (equals < 0 ? assignment : assignment.Substring(0, equals)).Trim();
        if (name.Length == 0)
        {
            return;
        }

        var value = equals < 0 ? environment(name) : assignment.Substring(equals + 1);
        if (value is not null)
        {
            result[name] = value;
        }
    }

    /// <summary>
    /// Splits like a shell, only as far as argument strings need: whitespace separates words, single and double quotes
    /// group (and are removed, also in the middle of a word: <c>NAME="a b"</c> is one word <c>NAME=a b</c>), and inside
    /// double quotes <c>\"</c> is a quote. Other backslashes are kept, so Windows paths survive.
    /// </summary>
    internal static IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                    inToken = false;
                }
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (inToken)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
