using System.Collections.Generic;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU002: the USER in effect for the analysed stage is root (also through ARG/ENV), reported at that USER
/// instruction, which may be in an ancestor stage.
/// </summary>
public sealed class NRU002UserIsRoot : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.UserIsRoot;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        var user = context.Model.Target?.EffectiveUser;
        if (user is null || !user.IsResolved || !user.IsRoot)
        {
            yield break;
        }

        var written = user.Instruction.Value.Value;
        var resolution = written == user.ResolvedValue ? string.Empty : $" (resolves to '{user.ResolvedValue}')";
        var where = user.Stage == context.Model.Target ? string.Empty : $" in stage {user.Stage.DisplayName}, which the image is built FROM";
        var fix = user.IsWindows
            ? "Switch to 'USER ContainerUser' after the steps that need administrator rights"
            : "Switch to a non-root user after the steps that need root (a name the image has, or a numeric UID such as 'USER 10001')";
        yield return Report(
            context,
            user.Instruction.Span,
            $"The image runs as root: 'USER {written}'{resolution}{where} is the last USER that applies to it. {fix}.");
    }
}
