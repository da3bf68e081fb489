using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

public class WarningCodeListTests
{
    [TestCase("NRU001", "NRU001")]
    [TestCase("CS1591;NRU001", "NRU001")]
    [TestCase("CS1591,NRU001", "NRU001")]
    [TestCase(" CS1591 ;  NRU001  ", "NRU001")]
    [TestCase("nru001", "NRU001")]
    [TestCase("NRU001", "nru001")]
    [TestCase(";;NRU001;;", "NRU001")]
    [TestCase("\tNRU001\n", "NRU001")]
    public void Contains_a_listed_code(string value, string code) =>
        Assert.That(WarningCodeList.Parse(value).Contains(code), Is.True);

    [TestCase(null, "NRU001")]
    [TestCase("", "NRU001")]
    [TestCase("NRU0011", "NRU001")]
    [TestCase("NRU00", "NRU001")]
    [TestCase("NRU001 NRU002", "NRU002")]
    public void Does_not_contain_an_unlisted_code(string? value, string code) =>
        Assert.That(WarningCodeList.Parse(value).Contains(code), Is.False);

    [Test]
    public void Ignores_empty_entries() =>
        Assert.That(WarningCodeList.Parse(" ; , ;NRU001, ,").Count, Is.EqualTo(1));
}
