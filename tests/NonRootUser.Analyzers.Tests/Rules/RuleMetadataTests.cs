using System.Text.RegularExpressions;
using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

/// <summary>Every rule has a unique id, a doc page that follows the template, a help link to it and a README row.</summary>
public class RuleMetadataTests
{
    private static IEnumerable<RuleDescriptor> Rules() => RuleDescriptors.All;

    [Test]
    public void Ids_are_unique_and_in_range()
    {
        Assert.That(RuleDescriptors.All.Select(r => r.Id), Is.Unique);
        Assert.That(RuleDescriptors.All.Select(r => r.Id), Has.All.Matches(@"^NRU0\d\d$"));
    }

    [Test]
    public void Every_id_constant_has_a_descriptor()
    {
        var constants = typeof(RuleIdentifiers).GetFields().Select(f => (string)f.GetRawConstantValue()!);
        Assert.That(constants, Is.EquivalentTo(RuleDescriptors.All.Select(r => r.Id)));
    }

    [TestCaseSource(nameof(Rules))]
    public void Has_a_documentation_page_that_follows_the_template(RuleDescriptor rule)
    {
        var page = Path.Combine(RepositoryRoot.Path, "docs", "rules", rule.Id + ".md");
        Assert.That(File.Exists(page), Is.True, page);
        var text = File.ReadAllText(page);
        Assert.That(text, Does.StartWith($"# {rule.Id} — {rule.Title}\n"));
        Assert.That(text, Does.Contain("## Cause"));
        Assert.That(text, Does.Contain("## Rule description"));
        Assert.That(text, Does.Contain("## How to fix violations"));
        Assert.That(text, Does.Contain("## How to suppress violations"));
        Assert.That(Regex.Matches(text, "```dockerfile").Count, Is.GreaterThanOrEqualTo(2), "a failing and a fixed Dockerfile");
    }

    [TestCaseSource(nameof(Rules))]
    public void Has_a_help_link_to_its_page(RuleDescriptor rule) =>
        Assert.That(rule.HelpUri.ToString(), Does.EndWith($"/blob/main/docs/rules/{rule.Id}.md"));

    [TestCaseSource(nameof(Rules))]
    public void Has_a_row_in_the_README_rules_table(RuleDescriptor rule)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        Assert.That(readme, Does.Match($@"\|\s*\[?{rule.Id}\]?.*\|.*{Regex.Escape(rule.Title)}.*\|"));
        Assert.That(readme, Does.Contain($"docs/rules/{rule.Id}.md"));
    }

    [TestCaseSource(nameof(Rules))]
    public void Is_implemented_by_a_class_named_by_its_id(RuleDescriptor rule)
    {
        if (rule.Id == RuleIdentifiers.DockerfileCannotBeParsed)
        {
            Assert.Pass("NRU000 is reported by the analyzer itself, before any rule runs.");
        }

        if (rule.Id == RuleIdentifiers.SuppressionNamesUnknownRule)
        {
            Assert.That(NonRootUser.Analyzers.Suppression.UnknownSuppressionRule.Descriptor, Is.SameAs(rule));
            Assert.Pass("NRU006 is reported by the suppression comment reader.");
        }

        var type = typeof(Rule).Assembly.GetTypes().SingleOrDefault(t => t.Name.StartsWith(rule.Id, StringComparison.Ordinal) && typeof(Rule).IsAssignableFrom(t));
        Assert.That(type, Is.Not.Null);
        Assert.That(((Rule)Activator.CreateInstance(type!)!).Descriptor, Is.SameAs(rule));
    }
}
