using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Suppression;

/// <summary>Inline suppression comments, through the whole analyzer (parser comments → rules → suppression).</summary>
public class InlineSuppressionAnalysisTests
{
    private static IReadOnlyList<Diagnostic> Analyze(string text) => DockerfileAnalyzer.Analyze(text, "Dockerfile", AnalysisOptions.Default);

    [Test]
    public void A_comment_above_the_USER_suppresses_its_finding()
    {
        var diagnostic = Analyze("FROM ubuntu:24.04\n# entrypoint drops to app with gosu\n# nonroot-user ignore=NRU002\nUSER root\n").Single();
        Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.UserIsRoot));
        Assert.That(diagnostic.Suppression, Is.Not.Null);
        Assert.That(diagnostic.Suppression!.Kind, Is.EqualTo(SuppressionKind.InSource));
    }

    [Test]
    public void A_comment_above_the_final_FROM_suppresses_NRU001()
    {
        var diagnostic = Analyze("FROM alpine:3.20 AS build\n# nonroot-user ignore=NRU001\nFROM ubuntu:24.04\n").Single();
        Assert.That(diagnostic.Id, Is.EqualTo(RuleIdentifiers.FinalStageRunsAsRoot));
        Assert.That(diagnostic.Suppression, Is.Not.Null);
    }

    [Test]
    public void A_comment_above_another_instruction_does_not()
    {
        var diagnostic = Analyze("FROM ubuntu:24.04\n# nonroot-user ignore=NRU002\nRUN true\nUSER root\n").Single();
        Assert.That(diagnostic.Suppression, Is.Null);
    }

    [Test]
    public void A_global_comment_suppresses_everywhere()
    {
        var diagnostics = Analyze("# nonroot-user global ignore=NRU003,NRU004\nFROM debian:12\nUSER ghost:ghosts\n");
        Assert.That(diagnostics.Select(d => d.Id), Is.EquivalentTo(new[] { RuleIdentifiers.UserDoesNotExist, RuleIdentifiers.GroupDoesNotExist }));
        Assert.That(diagnostics.Select(d => d.Suppression), Has.All.Not.Null);
    }

    [Test]
    public void An_unknown_code_is_reported_as_information_at_the_code()
    {
        var diagnostics = Analyze("FROM ubuntu:24.04\n# nonroot-user ignore=NRU999\nUSER ubuntu\n");
        var problem = diagnostics.Single();
        Assert.That(problem.Id, Is.EqualTo(RuleIdentifiers.SuppressionNamesUnknownRule));
        Assert.That(problem.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(problem.Span.Start.Line, Is.EqualTo(2));
        Assert.That(problem.Span.Start.Column, Is.EqualTo(23));
    }
}
