using NonRootUser.Analyzers.Rules;
using NonRootUser.Analyzers.Suppression;

namespace NonRootUser.Analyzers.Tests.Suppression;

public class UnknownSuppressionRuleTests
{
    [Test]
    public void Descriptor_describes_NRU006()
    {
        var descriptor = UnknownSuppressionRule.Descriptor;

        Assert.Multiple(() =>
        {
            Assert.That(descriptor.Id, Is.EqualTo("NRU006"));
            Assert.That(descriptor.Title, Is.EqualTo("Suppression comment names an unknown rule"));
            Assert.That(descriptor.DefaultSeverity, Is.EqualTo(DiagnosticSeverity.Info));
            Assert.That(descriptor.HelpUri.AbsoluteUri, Is.EqualTo(RuleDescriptors.RepositoryUrl + "/blob/main/docs/rules/NRU006.md"));
        });
    }

    [Test]
    public void Id_is_not_taken_by_the_registry_for_another_rule()
    {
        var existing = RuleDescriptors.Find(UnknownSuppressionRule.Id);

        Assert.That(existing is null || existing.Title == UnknownSuppressionRule.Descriptor.Title, Is.True);
    }

    [Test]
    public void Known_ids_are_the_registry_and_NRU006_as_a_range() =>
        Assert.That(UnknownSuppressionRule.KnownIdsText, Is.EqualTo("NRU000\u2013NRU006"));

    [TestCase("NRU000", true)]
    [TestCase("NRU005", true)]
    [TestCase("nru006", true)]
    [TestCase("NRU007", false)]
    [TestCase("NRU02", false)]
    [TestCase("DL3002", false)]
    [TestCase("", false)]
    public void IsKnown(string id, bool known) => Assert.That(UnknownSuppressionRule.IsKnown(id), Is.EqualTo(known));

    [Test]
    public void Documentation_page_follows_the_template()
    {
        var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", "NRU006.md");

        var text = File.ReadAllText(page);

        Assert.That(text, Does.StartWith("# NRU006 \u2014 Suppression comment names an unknown rule\n"));
        Assert.That(text, Does.Contain("\n## Cause\n").And.Contain("\n## Rule description\n")
            .And.Contain("\n## How to fix violations\n").And.Contain("\n## How to suppress violations\n"));
        Assert.That(text.Split("```dockerfile").Length - 1, Is.GreaterThanOrEqualTo(2), "a non-compliant and a compliant example");
    }
}
