using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Model;

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
        if (BaseImages.RunsAsNonRoot(root))
        {
            yield break;
        }

        var stageText = target == root
            ? $"Stage {target.DisplayName} has no USER instruction"
            : $"Stage {target.DisplayName} and the stages it is built FROM have no USER instruction";
        var message = $"The image runs as root: {stageText} and {BaseImages.Describe(root)}. {BaseImages.SuggestFix(root)}";
        yield return Report(context, target.From.Span, message);
    }
}
