using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using NonRootUser.Analyzers.Tests.EndToEnd;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>
/// Lets the tests load MSBuild's own assemblies from the .NET SDK that runs them. The analyzer assembly holds the
/// MSBuild task, whose base class lives in Microsoft.Build.Utilities.Core; the package never ships MSBuild (MSBuild
/// provides it), so the test output has no copy either. Without this, reflecting over every type of the analyzer
/// assembly fails (ReflectionTypeLoadException), and the task could not be tested directly.
/// </summary>
internal static class MSBuildAssemblies
{
    private static readonly Lazy<string?> SdkDirectory = new(FindSdkDirectory);

    /// <summary>The SDK folder the assemblies come from, or null when none was found.</summary>
    public static string? Directory => SdkDirectory.Value;

    // A module initializer so that the fallback is in place before any test or test-case source runs.
#pragma warning disable CA2255 // Test assembly: the initializer only adds a last-resort assembly resolution fallback.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        // Only what the default probing did not find, and only files that are in the SDK folder.
        var directory = SdkDirectory.Value;
        if (directory is null || name.Name is null)
        {
            return null;
        }

        var path = Path.Combine(directory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }

    // `dotnet test` runs the tests with MSBUILD_EXE_PATH pointing at its SDK's MSBuild.dll; elsewhere (an IDE) take
    // the newest SDK beside the dotnet executable.
    private static string? FindSdkDirectory()
    {
        var msbuild = Environment.GetEnvironmentVariable("MSBUILD_EXE_PATH");
        if (!string.IsNullOrEmpty(msbuild) && File.Exists(msbuild))
        {
            return Path.GetDirectoryName(msbuild);
        }

        var sdks = Path.Combine(Path.GetDirectoryName(DotnetCli.Executable) ?? string.Empty, "sdk");
        if (!System.IO.Directory.Exists(sdks))
        {
            return null;
        }

        return System.IO.Directory.EnumerateDirectories(sdks)
            .Where(d => File.Exists(Path.Combine(d, "Microsoft.Build.Utilities.Core.dll")))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var version) ? version : new Version(0, 0))
            .FirstOrDefault();
    }
}
