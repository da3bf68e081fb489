using System.IO.Compression;
using System.Xml.Linq;

namespace NonRootUser.Analyzers.Tests.EndToEnd.Builds;

/// <summary>What the packed .nupkg contains: a task package, not a library.</summary>
[Category("EndToEnd")]
public class PackageLayoutTests
{
    private static ZipArchive OpenPackage()
    {
        var run = EndToEndRun.Current;
        return ZipFile.OpenRead(Path.Combine(run.Feed, $"NonRootUser.Analyzers.{run.PackageVersion}.nupkg"));
    }

    [Test]
    public void Holds_the_build_files_the_task_for_both_runtimes_with_Sprache_and_the_readme()
    {
        using var package = OpenPackage();
        var files = package.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .ToList();

        Assert.That(files, Is.EquivalentTo(new[]
        {
            "NonRootUser.Analyzers.nuspec",
            "README.md",
            "build/NonRootUser.Analyzers.props",
            "build/NonRootUser.Analyzers.targets",
            "buildMultiTargeting/NonRootUser.Analyzers.props",
            "buildMultiTargeting/NonRootUser.Analyzers.targets",
            "tasks/net472/NonRootUser.Analyzers.dll",
            "tasks/net472/Sprache.dll",
            "tasks/net8.0/NonRootUser.Analyzers.dll",
            "tasks/net8.0/Sprache.dll",
        }));
    }

    [Test]
    public void Is_a_development_dependency_without_dependencies()
    {
        using var package = OpenPackage();
        using var stream = package.GetEntry("NonRootUser.Analyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Multiple(() =>
        {
            Assert.That(Value("id"), Is.EqualTo("NonRootUser.Analyzers"));
            Assert.That(Value("version"), Is.EqualTo(EndToEndRun.Current.PackageVersion));
            Assert.That(Value("developmentDependency"), Is.EqualTo("true"));
            Assert.That(Value("license"), Is.EqualTo("MIT"));
            Assert.That(Value("readme"), Is.EqualTo("README.md"));
            Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value, Is.EqualTo("https://github.com/nonroot-user/NonRootUser.Analyzers"));
            Assert.That(metadata.Elements().Where(e => e.Name.LocalName == "dependencies"), Is.Empty);
        });
    }
}
