namespace NonRootUser.Analyzers.Tests;

public class SmokeTests
{
    [Test]
    public void Assembly_loads() => Assert.That(typeof(NonRootUser.Analyzers.Diagnostic).Assembly, Is.Not.Null);
}
