using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Rules;

/// <summary>What a rule is: id, title, default severity and where its documentation lives.</summary>
public sealed record RuleDescriptor(string Id, string Title, string Description, DiagnosticSeverity DefaultSeverity)
{
    /// <summary>The rule's documentation page: <c>docs/rules/NRUxxx.md</c> in the repository.</summary>
    public Uri HelpUri => RuleDescriptors.GetHelpUri(Id);
}

/// <summary>The registry of every rule the analyzer can report.</summary>
public static class RuleDescriptors
{
    /// <summary>The repository the help links point into.</summary>
    public const string RepositoryUrl = "https://github.com/nonroot-user/NonRootUser.Analyzers";

    public static readonly RuleDescriptor DockerfileCannotBeParsed = new(
        RuleIdentifiers.DockerfileCannotBeParsed,
        "The Dockerfile cannot be parsed",
        "Docker would reject this Dockerfile, so it cannot be checked for a root user; the other rules are skipped for it.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor FinalStageRunsAsRoot = new(
        RuleIdentifiers.FinalStageRunsAsRoot,
        "The image runs as root because no USER applies",
        "The stage that becomes the image has no USER instruction (neither in it nor in the stages it is built FROM) and its base image runs as root or is unknown.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor UserIsRoot = new(
        RuleIdentifiers.UserIsRoot,
        "The image's USER is root",
        "The USER in effect for the image is root (root, 0, root:group, 0:group or Windows ContainerAdministrator), written directly or reached through ARG/ENV.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor UserDoesNotExist = new(
        RuleIdentifiers.UserDoesNotExist,
        "USER names a user that does not exist",
        "A USER instruction names a user that neither the base image nor an earlier instruction of the stage or its ancestry creates; Docker fails at the next RUN or when the container starts.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor GroupDoesNotExist = new(
        RuleIdentifiers.GroupDoesNotExist,
        "USER names a group that does not exist",
        "A USER instruction names a group that neither the base image nor an earlier instruction of the stage or its ancestry creates; Docker fails at the next RUN or when the container starts.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor UserCannotBeResolved = new(
        RuleIdentifiers.UserCannotBeResolved,
        "USER cannot be resolved",
        "A USER instruction uses a variable that has no value and no default, so the user the image runs as cannot be known.",
        DiagnosticSeverity.Warning);

    public static readonly RuleDescriptor SuppressionNamesUnknownRule = new(
        RuleIdentifiers.SuppressionNamesUnknownRule,
        "Suppression comment names an unknown rule",
        "A '# nonroot-user' comment names a rule id that NonRootUser.Analyzers does not have, or is not written as 'ignore=<ids>', so that part of it suppresses nothing.",
        DiagnosticSeverity.Info);

    /// <summary>Every rule, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
    {
        DockerfileCannotBeParsed,
        FinalStageRunsAsRoot,
        UserIsRoot,
        UserDoesNotExist,
        GroupDoesNotExist,
        UserCannotBeResolved,
        SuppressionNamesUnknownRule,
    };

    public static RuleDescriptor? Find(string id)
    {
        foreach (var rule in All)
        {
            if (string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return rule;
            }
        }

        return null;
    }

    public static Uri GetHelpUri(string id) => new($"{RepositoryUrl}/blob/main/docs/rules/{id.ToUpperInvariant()}.md");
}
