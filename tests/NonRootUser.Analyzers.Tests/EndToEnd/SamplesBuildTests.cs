namespace NonRootUser.Analyzers.Tests.EndToEnd;

/// <summary>
/// The README's first command, <c>dotnet build samples/Samples.sln</c>: it succeeds and shows exactly the findings
/// the samples are there to show.
/// </summary>
[Category("EndToEnd")]
public class SamplesBuildTests
{
    [Test]
    public void Building_the_samples_shows_their_findings_as_warnings()
    {
        var samples = Path.Combine(RepositoryRoot.Path, "samples");
        var log = Path.Combine(Path.GetTempPath(), $"nru-samples-{Guid.NewGuid():N}.log");
        try
        {
            var environment = DotnetCli.CleanEnvironment(DotnetCli.CurrentEnvironment(), new Dictionary<string, string>());
            var result = DotnetCli.Run(
                samples,
                new[] { "build", "Samples.sln", "-nologo", "-nr:false", "-tl:off", $"-flp:LogFile={log};Verbosity=normal;NoSummary;ForceNoAlign;Encoding=UTF-8" },
                environment,
                TimeSpan.FromMinutes(5));
            var text = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            var findings = BuildLog.Diagnostics(text)
                .Where(d => d.Code.StartsWith("NRU", StringComparison.Ordinal))
                .Select(d => (d.Severity, d.Code, File: Path.GetRelativePath(samples, d.File).Replace('\\', '/'), d.Line));

            Assert.Multiple(() =>
            {
                Assert.That(result.ExitCode, Is.Zero, result.Output);
                Assert.That(findings, Is.EquivalentTo(new[]
                {
                    ("warning", "NRU001", "ApiWithoutUser/Dockerfile", 25),
                    ("warning", "NRU003", "Worker/Dockerfile", 19),
                }), result.Output);
                Assert.That(
                    BuildLog.CheckedFiles(text).Select(f => Path.GetRelativePath(samples, f).Replace('\\', '/')),
                    Is.EquivalentTo(new[] { "Api/Dockerfile", "ApiWithoutUser/Dockerfile", "Worker/Dockerfile", "ChiseledApp/Dockerfile" }));
            });
        }
        finally
        {
            File.Delete(log);
        }
    }
}
