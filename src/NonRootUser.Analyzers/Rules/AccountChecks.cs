using System.Collections.Generic;
using NonRootUser.Analyzers.Model;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// What NRU003 and NRU004 share: a USER whose user (or group) is missing where Docker needs it — at a RUN or WORKDIR
/// that runs as it, or when the container starts (the image's USER against its final accounts).
/// </summary>
internal static class AccountChecks
{
    /// <summary>One USER whose account is missing, where it is first needed, and how sure we are.</summary>
    public sealed record Finding(UserSetting User, string Name, string Where, AccountCertainty Certainty);

    public static IReadOnlyList<Finding> MissingAccounts(BuildModel model, bool groups)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<UserSetting>();
        foreach (var stage in model.RelevantStages())
        {
            foreach (var use in stage.MissingAccountUses)
            {
                if ((groups ? use.GroupMissing : use.UserMissing) && seen.Add(use.User))
                {
                    findings.Add(new Finding(use.User, NameOf(use.User, groups)!, $"at the {use.At.Keyword.ToUpperInvariant()} on line {use.At.Span.Start.Line}", use.Certainty));
                }
            }
        }

        var target = model.Target;
        var effective = target?.EffectiveUser;
        if (target is not null && effective is { IsResolved: true } && target.FinalAccounts.Certainty != AccountCertainty.Opaque && !seen.Contains(effective))
        {
            var name = NameOf(effective, groups);
            var missing = groups
                ? AccountNames.NeedsEntry(name) && name != "root" && target.FinalAccounts.FindGroup(name!) is null
                : AccountNames.NeedsEntry(name) && !effective.IsRoot && target.FinalAccounts.FindUser(name!) is null;
            if (missing)
            {
                findings.Add(new Finding(effective, name!, "when the container starts", target.FinalAccounts.Certainty));
            }
        }

        findings.Sort((a, b) => a.User.Instruction.Span.Start.CompareTo(b.User.Instruction.Span.Start));
        return findings;
    }

    public static string Message(Finding finding, string kind, string dockerError, string createExample)
    {
        var user = finding.User;
        var written = $"'USER {user.Instruction.Value.Value}'";
        var root = user.Stage.Root;
        if (finding.Certainty == AccountCertainty.UnknownImage)
        {
            return $"{written} names {kind} '{finding.Name}', which no instruction creates; the base image '{root.BaseText}' is not known to NonRootUser.Analyzers, " +
                $"so whether it has that {kind} cannot be checked. If it does not, Docker fails with \"{dockerError}\" {finding.Where}. " +
                $"If it does, declare it in the project: <NonRootUserBaseImage Include=\"{root.Image?.FullName ?? root.BaseText}\" {(kind == "user" ? "Users" : "Groups")}=\"{finding.Name}\" />.";
        }

        var image = root.BaseKind switch
        {
            StageBaseKind.Scratch => "scratch (which has no accounts)",
            _ => $"the base image '{root.BaseText}'",
        };
        var stages = root == user.Stage ? string.Empty : " or the stages it is built FROM";
        return $"{written} names {kind} '{finding.Name}', which does not exist {finding.Where}: neither {image} nor an earlier instruction of stage {user.Stage.DisplayName}{stages} creates it. " +
            $"Docker fails with \"{dockerError}\" {finding.Where}. Create it before this line ({createExample}), or use a numeric id.";
    }

    /// <summary>How to create an account, in the syntax of the stage's platform.</summary>
    public static string CreateExample(UserSetting user, string name, bool group)
    {
        if (user.IsWindows)
        {
            return group ? $"e.g. 'RUN net localgroup {name} /add'" : $"e.g. 'RUN net user {name} /add'";
        }

        var image = user.Stage.Root.BaseText;
        var busybox = image.IndexOf("alpine", System.StringComparison.OrdinalIgnoreCase) >= 0 || image.IndexOf("busybox", System.StringComparison.OrdinalIgnoreCase) >= 0;
        if (group)
        {
            return busybox ? $"e.g. 'RUN addgroup -S {name}'" : $"e.g. 'RUN groupadd --system {name}'";
        }

        return busybox ? $"e.g. 'RUN adduser -D {name}'" : $"e.g. 'RUN useradd --user-group {name}'";
    }

    private static string? NameOf(UserSetting user, bool groups) => groups ? user.Group : user.User;
}
