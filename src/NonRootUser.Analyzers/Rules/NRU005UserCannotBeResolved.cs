using System.Collections.Generic;
using System.Linq;

namespace NonRootUser.Analyzers.Rules;

/// <summary>
/// NRU005: a USER's value uses a variable with no value and no default, so who the image runs as is unknown. The
/// other USER rules stay silent for it.
/// </summary>
public sealed class NRU005UserCannotBeResolved : Rule
{
    public override RuleDescriptor Descriptor => RuleDescriptors.UserCannotBeResolved;

    public override IEnumerable<Diagnostic> Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.RelevantStages())
        {
            foreach (var user in stage.Users)
            {
                if (user.IsResolved)
                {
                    continue;
                }

                if (user.UnresolvedVariables.Count == 0)
                {
                    yield return Report(context, user.Instruction.Span, $"'USER {MessageText.Excerpt(user.Instruction.Value.Value)}' cannot be expanded ({MessageText.Excerpt(Reason(user.ExpansionError))}), so the user the image runs as is unknown. Fix the variable reference.");
                    continue;
                }

                var names = string.Join(", ", user.UnresolvedVariables.Select(v => "$" + v));
                var verb = user.UnresolvedVariables.Count == 1 ? "has" : "have";
                var message = $"'USER {MessageText.Excerpt(user.Instruction.Value.Value)}' cannot be resolved: {names} {verb} no value here " +
                    "(it is not set by an ARG default, a build argument, ENV or the base image), so the user the image runs as is unknown. " +
                    $"Give it a value before this line (e.g. 'ARG {user.UnresolvedVariables.FirstOrDefault() ?? "UID"}=10001'), " +
                    "pass it as a build argument (DockerfileBuildArguments), or write the user directly.";
                yield return Report(context, user.Instruction.Span, message);
            }
        }
    }

    /// <summary>BuildKit's errors read <c>failed to process "&lt;the whole word&gt;": &lt;reason&gt;</c>; the word is already quoted.</summary>
    private static string? Reason(string? error)
    {
        const string Prefix = "failed to process \"";
        var end = error?.LastIndexOf("\": ", System.StringComparison.Ordinal) ?? -1;
        return error is not null && error.StartsWith(Prefix, System.StringComparison.Ordinal) && end > 0 ? error.Substring(end + 3) : error;
    }
}
