using System.Reflection;
using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>One event the task logged: a warning, an error or a message, with what MSBuild would show of it.</summary>
internal sealed record LoggedEvent(
    string Kind, string? Code, string? File, int Line, int Column, int EndLine, int EndColumn, string? Message, string? HelpLink, string? Importance);

/// <summary>What one run of the task did: its return value and everything it logged, in order.</summary>
internal sealed record TaskRun(bool Succeeded, IReadOnlyList<LoggedEvent> Events)
{
    public IReadOnlyList<LoggedEvent> Findings => Events.Where(e => e.Code is not null).ToList();
}

/// <summary>An MSBuild item for the task: its spec (as MSBuild would pass it, escaped) and its metadata.</summary>
internal sealed record Item(string Spec, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static implicit operator Item(string spec) => new(spec);
}

/// <summary>
/// Runs the <c>AnalyzeDockerfiles</c> MSBuild task in-process, with a build engine that records what it logs.
/// </summary>
/// <remarks>
/// The test project compiles without MSBuild's assemblies (the package must not ship them), so the task, its items
/// and the engine are reached through reflection; <see cref="MSBuildAssemblies"/> loads MSBuild from the SDK at run
/// time.
/// </remarks>
internal static class TaskHarness
{
    private static readonly Assembly Analyzer = typeof(DockerfileCheck).Assembly;

    /// <summary>Runs the task over <paramref name="dockerfiles"/> with the given string parameters (NoWarn, TargetStage, ...).</summary>
    public static TaskRun Run(IEnumerable<string> dockerfiles, IReadOnlyDictionary<string, string>? parameters = null) =>
        Run(dockerfiles.Select(path => new Item(path)), parameters);

    /// <summary>
    /// Runs the task over <paramref name="dockerfiles"/> (items with metadata), with the given string parameters and
    /// the declared <paramref name="baseImages"/>.
    /// </summary>
    public static TaskRun Run(IEnumerable<Item> dockerfiles, IReadOnlyDictionary<string, string>? parameters = null, IEnumerable<Item>? baseImages = null)
    {
        var taskType = Analyzer.GetType("NonRootUser.Analyzers.Tasks.AnalyzeDockerfiles", throwOnError: true)!;
        var framework = Assembly.Load("Microsoft.Build.Framework");
        var utilities = Assembly.Load("Microsoft.Build.Utilities.Core");
        var itemInterface = framework.GetType("Microsoft.Build.Framework.ITaskItem", throwOnError: true)!;
        var engineInterface = framework.GetType("Microsoft.Build.Framework.IBuildEngine", throwOnError: true)!;
        var itemType = utilities.GetType("Microsoft.Build.Utilities.TaskItem", throwOnError: true)!;

        Array Items(IEnumerable<Item> source)
        {
            var specs = source.ToList();
            var array = Array.CreateInstance(itemInterface, specs.Count);
            for (var i = 0; i < specs.Count; i++)
            {
                var metadata = new System.Collections.Hashtable();
                foreach (var (name, value) in specs[i].Metadata ?? new Dictionary<string, string>())
                {
                    metadata[name] = value;
                }

                array.SetValue(Activator.CreateInstance(itemType, specs[i].Spec, metadata), i);
            }

            return array;
        }

        var engine = DispatchProxy.Create(engineInterface, typeof(RecordingBuildEngine));
        var task = Activator.CreateInstance(taskType)!;
        taskType.GetProperty("BuildEngine")!.SetValue(task, engine);
        taskType.GetProperty("Dockerfiles")!.SetValue(task, Items(dockerfiles));
        taskType.GetProperty("BaseImages")!.SetValue(task, Items(baseImages ?? Array.Empty<Item>()));
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            taskType.GetProperty(name)!.SetValue(task, value);
        }

        var succeeded = (bool)taskType.GetMethod("Execute")!.Invoke(task, null)!;
        return new TaskRun(succeeded, ((RecordingBuildEngine)engine).Events.Select(ToLoggedEvent).ToList());
    }

    private static LoggedEvent ToLoggedEvent(object e)
    {
        var kind = e.GetType().Name switch
        {
            "BuildErrorEventArgs" => "error",
            "BuildWarningEventArgs" => "warning",
            _ => "message",
        };
        return new LoggedEvent(
            kind,
            Read<string>(e, "Code"),
            Read<string>(e, "File"),
            Read<int>(e, "LineNumber"),
            Read<int>(e, "ColumnNumber"),
            Read<int>(e, "EndLineNumber"),
            Read<int>(e, "EndColumnNumber"),
            Read<string>(e, "Message"),
            Read<string>(e, "HelpLink"),
            e.GetType().GetProperty("Importance")?.GetValue(e)?.ToString());
    }

    private static T? Read<T>(object source, string property) =>
        source.GetType().GetProperty(property)?.GetValue(source) is T value ? value : default;
}

/// <summary>An <c>IBuildEngine</c> (made by <see cref="DispatchProxy"/>) that records every logged event.</summary>
public class RecordingBuildEngine : DispatchProxy
{
    public List<object> Events { get; } = new();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        switch (targetMethod?.Name)
        {
            case "LogErrorEvent":
            case "LogWarningEvent":
            case "LogMessageEvent":
            case "LogCustomEvent":
                Events.Add(args![0]!);
                return null;
            case "get_ContinueOnError":
            case "BuildProjectFile":
                return false;
            case "get_LineNumberOfTaskNode":
            case "get_ColumnNumberOfTaskNode":
                return 0;
            case "get_ProjectFileOfTaskNode":
                return "Consumer.csproj";
            default:
                throw new NotSupportedException($"The recording build engine does not implement {targetMethod?.Name}.");
        }
    }
}
