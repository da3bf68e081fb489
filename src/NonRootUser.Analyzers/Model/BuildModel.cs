using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>The stages of a Dockerfile, and which of them become the image.</summary>
public sealed class BuildModel
{
    internal BuildModel(DockerfileSyntax syntax, IReadOnlyList<StageModel> stages, StageModel? target, string? targetError)
    {
        Syntax = syntax;
        Stages = stages;
        Target = target;
        TargetError = targetError;
    }

    public DockerfileSyntax Syntax { get; }

    /// <summary>What BuildKit would refuse in the order of instructions (no FROM, an instruction before FROM), or null.</summary>
    public ParseError? StructureError { get; internal init; }

    public IReadOnlyList<StageModel> Stages { get; }

    /// <summary>The analysed stage: the last one, or the requested target. Null when the target does not exist.</summary>
    public StageModel? Target { get; }

    /// <summary>Why the requested target could not be found, or null.</summary>
    public string? TargetError { get; }

    /// <summary>
    /// The stages that matter for the image: the target, its FROM ancestry, and (transitively) the stages it copies
    /// from or mounts, each with its own ancestry. In file order.
    /// </summary>
    public IReadOnlyList<StageModel> RelevantStages()
    {
        var seen = new HashSet<StageModel>();
        if (Target is not null)
        {
            var pending = new Stack<StageModel>();
            pending.Push(Target);
            while (pending.Count > 0)
            {
                var stage = pending.Pop();
                if (!seen.Add(stage))
                {
                    continue;
                }

                if (stage.Parent is not null)
                {
                    pending.Push(stage.Parent);
                }

                foreach (var dependency in stage.Dependencies)
                {
                    pending.Push(dependency);
                }
            }
        }

        var result = new List<StageModel>(seen.Count);
        foreach (var stage in Stages)
        {
            if (seen.Contains(stage))
            {
                result.Add(stage);
            }
        }

        return result;
    }

    /// <summary>Finds a stage by name (case-insensitive) or index, as <c>--target</c>, <c>FROM</c> and <c>--from</c> do.</summary>
    public static StageModel? FindStage(IReadOnlyList<StageModel> stages, string reference, bool allowIndex = true)
    {
        for (var i = stages.Count - 1; i >= 0; i--)
        {
            if (stages[i].Name is { } name && string.Equals(name, reference, StringComparison.OrdinalIgnoreCase))
            {
                return stages[i];
            }
        }

        if (allowIndex && UserNames.IsNumeric(reference) && int.TryParse(reference, out var index) && index >= 0 && index < stages.Count)
        {
            return stages[index];
        }

        return null;
    }
}
