namespace NonRootUser.Analyzers.Tests.Model;

public class UnixPathTests
{
    [TestCase("/etc/passwd", "/etc/passwd")]
    [TestCase("//etc/./passwd", "/etc/passwd")]
    [TestCase("/etc/x/../passwd", "/etc/passwd")]
    [TestCase("/../etc/passwd", "/etc/passwd")]
    [TestCase("/etc/", "/etc/")]
    [TestCase("/etc/.", "/etc/")]
    [TestCase("/", "/")]
    [TestCase("etc/passwd", "etc/passwd")]
    [TestCase("./etc//group", "etc/group")]
    [TestCase("../x", "../x")]
    [TestCase(" \\etc\\passwd ", "/etc/passwd")]
    [TestCase(".", "./")]
    public void Normalizes(string path, string expected) => Assert.That(UnixPath.Normalize(path), Is.EqualTo(expected));
}
