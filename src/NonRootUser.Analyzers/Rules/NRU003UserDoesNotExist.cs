using System.Collections.Generic;
using NonRootUser.Analyzers.Model;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU003: a USER names a user that does not exist where Docker needs it — at a later RUN or WORKDIR of a stage the
/// image is built from or copies from, or when the container starts. Numeric uids need no account; accounts we cannot
/// see (a copied /etc/passwd, names from unresolved variables) are never claimed missing; on an unknown base image the
/// finding is informational.
/// </summary>
public sealed class NRU003UserDoesNotExist : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.UserDoesNotExist;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        foreach (var finding in AccountChecks.MissingAccounts(context.Model, groups: false))
        {
            var message = AccountChecks.Message(
                finding,
                "user",
                $"unable to find user {finding.Name}: no matching entries in passwd file",
                AccountChecks.CreateExample(finding.User, finding.Name, group: false));
            var diagnostic = Report(context, finding.User.Instruction.Span, message);
            yield return finding.Certainty == AccountCertainty.UnknownImage ? diagnostic with { Severity = DiagnosticSeverity.Info } : diagnostic;
        }
    }
}
