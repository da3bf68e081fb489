using System.Collections.Generic;
using NonRootUser.Analyzers.Model;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Rules;

/// <summary>What a rule sees: the build model of one Dockerfile and where it lives.</summary>
public sealed record RuleContext(BuildModel Model, string FilePath);

/// <summary>A rule: a fold over the build model that yields diagnostics. One class per rule, named by id.</summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract IEnumerable<Diagnostic> Analyze(RuleContext context);

    protected Diagnostic Report(RuleContext context, SourceSpan span, string message) =>
        new(Descriptor.Id, message, context.FilePath, span, Descriptor.DefaultSeverity);
}
