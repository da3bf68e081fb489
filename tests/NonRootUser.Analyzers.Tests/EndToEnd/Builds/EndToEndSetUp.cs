namespace NonRootUser.Analyzers.Tests.EndToEnd.Builds;

/// <summary>Packs the package once for all end-to-end builds of the test run, and cleans up after them.</summary>
[SetUpFixture]
public sealed class EndToEndSetUp
{
    private EndToEndRun? run;

    [OneTimeSetUp]
    public void PackOnce()
    {
        run = EndToEndRun.Start();
        TestContext.Progress.WriteLine($"Packed NonRootUser.Analyzers {run.PackageVersion} in {run.PackTime.TotalSeconds:F1} s into {run.Feed}");
    }

    [OneTimeTearDown]
    public void DeleteWorkspace() => run?.Delete();
}
