using System.Xml.Linq;

namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>The package's MSBuild files (build/): well-formed, and the target keeps the promises the README makes.</summary>
public class BuildFilesTests
{
    private static readonly string BuildFolder = Path.Combine(RepositoryRoot.Path, "build");

    private static IEnumerable<string> BuildFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "build"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "build"), f));

    [TestCaseSource(nameof(BuildFiles))]
    public void Is_well_formed_MSBuild(string file) =>
        Assert.That(XDocument.Load(Path.Combine(BuildFolder, file)).Root!.Name.LocalName, Is.EqualTo("Project"));

    [Test]
    public void The_analysis_target_runs_on_every_build_before_compiling_except_in_design_time_builds()
    {
        var target = XDocument.Load(Path.Combine(BuildFolder, "NonRootUser.Analyzers.targets")).Root!
            .Elements("Target").Single(t => (string?)t.Attribute("Name") == "NonRootUserAnalyzeDockerfiles");

        Assert.Multiple(() =>
        {
            Assert.That((string?)target.Attribute("BeforeTargets"), Is.EqualTo("CoreCompile"));
            Assert.That(target.Attribute("Inputs"), Is.Null, "Inputs/Outputs would hide the findings of a build that changes nothing.");
            Assert.That(target.Attribute("Outputs"), Is.Null, "Inputs/Outputs would hide the findings of a build that changes nothing.");
            Assert.That((string?)target.Attribute("Condition"), Does.Contain("'$(DesignTimeBuild)' != 'true'"));
        });
    }

    [Test]
    public void The_task_gets_the_Dockerfile_and_base_image_items()
    {
        var task = XDocument.Load(Path.Combine(BuildFolder, "NonRootUser.Analyzers.targets")).Root!
            .Elements("Target").Single(t => (string?)t.Attribute("Name") == "NonRootUserAnalyzeDockerfiles")
            .Elements("AnalyzeDockerfiles").Single();

        Assert.Multiple(() =>
        {
            Assert.That((string?)task.Attribute("Dockerfiles"), Is.EqualTo("@(NonRootUserDockerfile)"));
            Assert.That((string?)task.Attribute("BaseImages"), Is.EqualTo("@(NonRootUserBaseImage)"));
        });
    }

    [Test]
    public void The_Dockerfiles_are_inputs_of_Visual_Studios_fast_up_to_date_check()
    {
        var inputs = XDocument.Load(Path.Combine(BuildFolder, "NonRootUser.Analyzers.targets")).Root!
            .Elements("ItemGroup").Elements("UpToDateCheckInput").Select(e => (string?)e.Attribute("Include"));

        Assert.That(inputs, Is.EqualTo(new[] { "@(NonRootUserDockerfile)" }));
    }

    [Test]
    public void The_outer_build_of_a_multi_targeted_project_runs_the_same_target_once()
    {
        var target = XDocument.Load(Path.Combine(BuildFolder, "buildMultiTargeting", "NonRootUser.Analyzers.targets")).Root!.Elements("Target").Single();

        Assert.Multiple(() =>
        {
            Assert.That((string?)target.Attribute("BeforeTargets"), Is.EqualTo("DispatchToInnerBuilds"));
            Assert.That((string?)target.Attribute("DependsOnTargets"), Is.EqualTo("NonRootUserAnalyzeDockerfiles"));
        });
    }
}
