using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Model;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU001: no USER applies to the analysed stage (none in it or its FROM ancestry) and its base image runs as root or
/// is unknown. Reported at the analysed stage's FROM.
/// </summary>
public sealed class NRU001FinalStageRunsAsRoot : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.FinalStageRunsAsRoot;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        var target = context.Model.Target;
        if (target is null || target.EffectiveUser is not null)
        {
            yield break;
        }

        var root = target.Root;
        if (BaseImages.RunsAsNonRoot(root) || IsExportOnly(target))
        {
            yield break;
        }

        var stageText = target == root
            ? $"Stage {target.DisplayName} has no USER instruction"
            : $"Stage {target.DisplayName} and the stages it is built FROM have no USER instruction";
        var message = $"The image runs as root: {stageText} and {BaseImages.Describe(root)}. {BaseImages.SuggestFix(root)}";
        yield return Report(context, target.From.Span, message);
    }

    /// <summary>
    /// A FROM scratch stage with no CMD or ENTRYPOINT anywhere in its chain has no program to run: it is an output
    /// stage for <c>docker build --output</c>, never a container.
    /// </summary>
    private static bool IsExportOnly(StageModel target)
    {
        if (target.Root.BaseKind != StageBaseKind.Scratch)
        {
            return false;
        }

        for (var stage = target; stage is not null; stage = stage.Parent)
        {
            foreach (var instruction in stage.Body)
            {
                if (instruction is CmdInstruction or EntrypointInstruction)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
