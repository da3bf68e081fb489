using System.Collections.Generic;
using NonRootUser.Analyzers.Model;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU004: a USER names a group that does not exist where Docker needs it (a later RUN or WORKDIR, or container
/// start). Numeric gids need no entry; on an unknown base image the finding is informational.
/// </summary>
public sealed class NRU004GroupDoesNotExist : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.GroupDoesNotExist;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        foreach (var finding in AccountChecks.MissingAccounts(context.Model, groups: true))
        {
            var message = AccountChecks.Message(
                finding,
                "group",
                $"unable to find group {finding.Name}: no matching entries in group file",
                AccountChecks.CreateExample(finding.User, finding.Name, group: true));
            var diagnostic = Report(context, finding.User.Instruction.Span, message);
            yield return finding.Certainty == AccountCertainty.UnknownImage ? diagnostic with { Severity = DiagnosticSeverity.Info } : diagnostic;
        }
    }
}
