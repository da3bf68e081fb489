using System.Collections.Generic;

namespace NonRootUser.Analyzers.Rules;

/// <summary>NRU004: a USER names a group that does not exist at that point. Numeric gids need no entry.</summary>
public sealed class NRU004GroupDoesNotExist : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.GroupDoesNotExist;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.RelevantStages())
        {
            foreach (var user in stage.Users)
            {
                if (!AccountChecks.ShouldCheck(user, user.Group) || user.Accounts.FindGroup(user.Group!) is not null || user.Group == "root")
                {
                    continue;
                }

                var message = $"'USER {user.Instruction.Value.Value}' names group '{user.Group}', which does not exist at this point: " +
                    $"{AccountChecks.Origin(user, "group")} Docker fails with \"unable to find group {user.Group}\" at the next RUN or when the container starts. " +
                    $"Create it before this line (e.g. 'RUN groupadd {user.Group}', BusyBox/Alpine: 'RUN addgroup {user.Group}'), or use a numeric GID." +
                    BaseImages.DeclareHint(stage, "Groups", user.Group!);
                yield return Report(context, user.Instruction.Span, message);
            }
        }
    }
}
