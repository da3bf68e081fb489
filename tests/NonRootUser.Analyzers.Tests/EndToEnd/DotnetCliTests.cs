namespace NonRootUser.Analyzers.Tests.EndToEnd;

public class DotnetCliTests
{
    private static IReadOnlyDictionary<string, string> Clean(params (string Name, string? Value)[] inherited) =>
        DotnetCli.CleanEnvironment(
            inherited.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)),
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = "/run/packages" });

    [TestCase("MSBUILD_EXE_PATH")]
    [TestCase("MSBuildExtensionsPath")]
    [TestCase("MSBuildSDKsPath")]
    [TestCase("MSBuildLoadMicrosoftTargetsReadOnly")]
    [TestCase("_MSBUILDTLENABLED")]
    [TestCase("DOTNET_HOST_PATH")]
    [TestCase("TreatWarningsAsErrors")]
    [TestCase("NoWarn")]
    [TestCase("configuration")]
    [TestCase("NonRootUserEnabled")]
    public void Removes_what_would_change_the_child_build(string name) =>
        Assert.That(Clean((name, "x")), Does.Not.ContainKey(name));

    [TestCase("PATH")]
    [TestCase("HOME")]
    [TestCase("DOTNET_ROOT")]
    [TestCase("CI")]
    public void Keeps_the_rest(string name) =>
        Assert.That(Clean((name, "x")), Does.ContainKey(name).WithValue("x"));

    [Test]
    public void Overrides_win_and_the_CLI_is_quiet_and_leaves_no_server_behind()
    {
        var environment = Clean(("NUGET_PACKAGES", "/home/me/.nuget/packages"), ("DOTNET_CLI_USE_MSBUILD_SERVER", "1"));

        Assert.Multiple(() =>
        {
            Assert.That(environment["NUGET_PACKAGES"], Is.EqualTo("/run/packages"));
            Assert.That(environment["DOTNET_CLI_USE_MSBUILD_SERVER"], Is.EqualTo("0"));
            Assert.That(environment["MSBUILDDISABLENODEREUSE"], Is.EqualTo("1"));
            Assert.That(environment["DOTNET_CLI_TELEMETRY_OPTOUT"], Is.EqualTo("1"));
        });
    }

    [Test]
    public void Finds_a_dotnet_executable() =>
        Assert.That(Path.GetFileNameWithoutExtension(DotnetCli.Executable), Is.EqualTo("dotnet"));
}
