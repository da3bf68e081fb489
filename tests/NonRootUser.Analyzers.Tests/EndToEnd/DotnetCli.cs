using System.Diagnostics;
using System.Text;

namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>The output of a finished process: exit code and what it printed (stdout and stderr interleaved).</summary>
internal sealed record ProcessResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs the <c>dotnet</c> CLI as a child process in a clean environment, with a timeout.</summary>
internal static class DotnetCli
{
    // Variables that would point a child build at the test host's MSBuild (the dotnet CLI sets them for the
    // MSBuild it runs in-process, and `dotnet test` passes them on to the test host) or change the consumer's build.
    private static readonly string[] RemovedPrefixes = { "MSBUILD", "_MSBUILD", "NonRootUser" };

    private static readonly HashSet<string> RemovedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "DOTNET_HOST_PATH",
        "NUGET_FALLBACK_PACKAGES",
        // Environment variables are MSBuild properties: none of the host's may leak into a consumer build.
        "Configuration",
        "Platform",
        "TargetFramework",
        "TargetFrameworks",
        "RuntimeIdentifier",
        "OutDir",
        "OutputPath",
        "BaseOutputPath",
        "BaseIntermediateOutputPath",
        "TreatWarningsAsErrors",
        "WarningsAsErrors",
        "WarningsNotAsErrors",
        "NoWarn",
        "DesignTimeBuild",
        "EnableDefaultNonRootUserItems",
        "DockerfilePath",
        "DockerfileFile",
        "DockerfileBuildArguments",
    };

    private static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        // No build server or node outlives a build, so no child process keeps a test's pipes or files open.
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    /// <summary>The dotnet executable that runs these tests (so the child builds use the same SDK installation).</summary>
    public static string Executable { get; } = FindExecutable();

    /// <summary>
    /// The environment for a child <c>dotnet</c>: <paramref name="inherited"/> without MSBuild's hand-over variables
    /// and without variables that would become properties of the child build, plus fixed CLI settings, plus
    /// <paramref name="overrides"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CleanEnvironment(
        IEnumerable<KeyValuePair<string, string?>> inherited,
        IReadOnlyDictionary<string, string> overrides)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in inherited)
        {
            if (value is not null && !IsRemoved(name))
            {
                result[name] = value;
            }
        }

        foreach (var (name, value) in Defaults.Concat(overrides))
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>The current process's environment, as <see cref="CleanEnvironment"/> takes it.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> CurrentEnvironment()
    {
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            yield return new KeyValuePair<string, string?>((string)entry.Key, entry.Value as string);
        }
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/>; kills the process tree after <paramref name="timeout"/>.
    /// Waits for the process, not for its output to close: a grandchild that inherited the pipes must not hang a test.
    /// </summary>
    public static ProcessResult Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            lock (output)
            {
                throw new TimeoutException($"dotnet {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout} in {workingDirectory}.{Environment.NewLine}{output}");
            }
        }

        // The timed overload returns at exit without waiting for the pipes; give the last lines a moment to arrive.
        process.WaitForExit(2_000);
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    private static bool IsRemoved(string name) =>
        RemovedNames.Contains(name) || RemovedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string FindExecutable()
    {
        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var candidates = new List<string?>
        {
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.ProcessPath,
        };
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            candidates.Add(Path.Combine(root, fileName));
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            candidates.Add(Path.Combine(directory, fileName));
        }

        return candidates.FirstOrDefault(c => c is not null && Path.GetFileName(c).Equals(fileName, StringComparison.OrdinalIgnoreCase) && File.Exists(c)) ?? fileName;
    }
}
