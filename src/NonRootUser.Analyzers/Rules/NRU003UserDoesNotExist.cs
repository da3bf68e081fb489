using System.Collections.Generic;
using NonRootUser.Analyzers.Model;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU003: a USER (in a stage that matters for the image) names a user that does not exist at that point. Numeric
/// uids need no account; accounts we cannot see (a copied /etc/passwd, unresolved names) are never claimed missing.
/// </summary>
public sealed class NRU003UserDoesNotExist : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.UserDoesNotExist;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.RelevantStages())
        {
            foreach (var user in stage.Users)
            {
                if (!AccountChecks.ShouldCheck(user, user.User) || user.Accounts.FindUser(user.User!) is not null || user.IsRoot)
                {
                    continue;
                }

                var message = $"'USER {user.Instruction.Value.Value}' names user '{user.User}', which does not exist at this point: " +
                    $"{AccountChecks.Origin(user, "user")} Docker fails with \"unable to find user {user.User}: no matching entries in passwd file\" " +
                    $"at the next RUN or when the container starts. Create it before this line (e.g. 'RUN useradd --user-group {user.User}', " +
                    $"BusyBox/Alpine: 'RUN adduser -D {user.User}'), or use a numeric UID.{BaseImages.DeclareHint(stage, "Users", user.User!)}";
                yield return Report(context, user.Instruction.Span, message);
            }
        }
    }
}

/// <summary>What NRU003 and NRU004 share: when a name can be checked, and where accounts come from.</summary>
internal static class AccountChecks
{
    public static bool ShouldCheck(UserSetting user, string? name) =>
        user.IsResolved
        && !string.IsNullOrEmpty(name)
        && !UserNames.IsNumeric(name!)
        && user.Accounts.Certainty != AccountCertainty.Opaque;

    public static string Origin(UserSetting user, string kind)
    {
        var root = user.Stage.Root;
        var image = root.BaseKind switch
        {
            StageBaseKind.Scratch => "scratch, which has no accounts",
            _ when root.ImageInfo is not null => $"the base image '{root.BaseText}'",
            _ => $"the unknown base image '{root.BaseText}'",
        };
        return $"neither {image} nor an earlier instruction of stage {user.Stage.DisplayName}{(root == user.Stage ? string.Empty : " or the stages it is built FROM")} creates that {kind}.";
    }
}
