using NonRootUser.Analyzers.Configuration;

namespace NonRootUser.Analyzers.Tests.Configuration;

public class EditorConfigFileTests
{
    [TestCase("[*]", "*")]
    [TestCase("  [*.Dockerfile]  ", "*.Dockerfile")]
    [TestCase("\t[*]\t", "*")]
    [TestCase("[*.cs] # remark", "*.cs")]
    [TestCase("[*.cs]; remark", "*.cs")]
    [TestCase("[*.cs]#[x]", "*.cs")]
    [TestCase("[a]b]", "a]b", Description = "the last ']' closes")]
    [TestCase("[[a]]", "[a]")]
    [TestCase("[a\\#b]", "a\\#b", Description = "an escaped '#' is part of the name")]
    [TestCase("[a\\;b] ; remark", "a\\;b")]
    [TestCase("[{Dockerfile,*.Dockerfile}]", "{Dockerfile,*.Dockerfile}")]
    [TestCase("[ spaced name ]", " spaced name ")]
    public void Section_headers(string line, string name)
    {
        Assert.That(EditorConfigFile.TryParseSectionHeader(line, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(name));
    }

    [TestCase("[]")]
    [TestCase("[abc")]
    [TestCase("[a#b]")]
    [TestCase("[a;b]")]
    [TestCase("[#a]")]
    [TestCase("[a] x")]
    [TestCase("[a]\\#")]
    [TestCase("x[a]")]
    [TestCase("key = [a]")]
    [TestCase("")]
    public void Not_section_headers(string line) =>
        Assert.That(EditorConfigFile.TryParseSectionHeader(line, out _), Is.False);

    [TestCase("key = value", "key", "value")]
    [TestCase("KEY=Value", "key", "Value", Description = "keys are lower-cased, values kept")]
    [TestCase("key: value", "key", "value", Description = "':' separates too")]
    [TestCase("  dotnet_diagnostic.NRU001.severity   =   error  ", "dotnet_diagnostic.nru001.severity", "error")]
    [TestCase("\tkey\t=\tvalue\t", "key", "value")]
    [TestCase("key =", "key", "")]
    [TestCase("key = a = b", "key", "a = b")]
    [TestCase("key = none # remark", "key", "none # remark", Description = "the value is the rest of the line, as in Roslyn")]
    [TestCase("a-b.c_d = 1", "a-b.c_d", "1")]
    [TestCase("cl\u00E9 = v", "cl\u00E9", "v")]
    public void Properties(string line, string key, string value)
    {
        Assert.That(EditorConfigFile.TryParseProperty(line, out var property), Is.True);
        Assert.That(property, Is.EqualTo(new KeyValuePair<string, string>(key, value)));
    }

    [TestCase("= value")]
    [TestCase("key value")]
    [TestCase("key with space = value")]
    [TestCase("key/x = value")]
    [TestCase("[abc")]
    [TestCase("key")]
    [TestCase("")]
    public void Not_properties(string line) =>
        Assert.That(EditorConfigFile.TryParseProperty(line, out _), Is.False);

    [TestCase("a\nb\r\nc\rd", new[] { "a", "b", "c", "d" })]
    [TestCase("a\n\nb\n", new[] { "a", "", "b" })]
    [TestCase("a\u2028b\u2029c\u0085d", new[] { "a", "b", "c", "d" })]
    [TestCase("", new string[0])]
    [TestCase("\r\n", new[] { "" })]
    public void Lines_split_like_SourceText(string text, string[] lines) =>
        Assert.That(EditorConfigFile.SplitLines(text), Is.EqualTo(lines));

    [Test]
    public void Parse_builds_sections_in_order()
    {
        var file = EditorConfigFile.Parse(
            """
            # comment
            ; comment
            root = true
            indent_style = space

            [*]
              ; indented comment
            a = 1
            [abc
            b = 2
            garbage line
            [{x,y]
            c = 3
            [Dockerfile]   # remark
            D = 4
            d = 5
            """,
            "/repo");

        Assert.Multiple(() =>
        {
            Assert.That(file.IsRoot, Is.True);
            Assert.That(file.Directory, Is.EqualTo("/repo"));
            Assert.That(file.Sections.Select(s => s.Name), Is.EqualTo(new[] { "*", "{x,y", "Dockerfile" }));
            Assert.That(file.Sections[0].Properties, Is.EqualTo(new[] { Pair("a", "1"), Pair("b", "2") }), "a line that is not a header is dropped; what follows stays in the section");
            Assert.That(file.Sections[1].Matcher, Is.Null, "an invalid name keeps its properties to itself");
            Assert.That(file.Sections[2].Properties, Is.EqualTo(new[] { Pair("d", "4"), Pair("d", "5") }));
        });
    }

    [TestCase("root = true", true)]
    [TestCase("root=TRUE", true)]
    [TestCase("ROOT : True", true)]
    [TestCase("root = false", false)]
    [TestCase("root = yes", false)]
    [TestCase("root = true\nroot = false", false, Description = "the last one decides")]
    [TestCase("[*]\nroot = true", false, Description = "only the preamble counts")]
    [TestCase("# root = true", false)]
    [TestCase("", false)]
    public void Root(string text, bool isRoot) =>
        Assert.That(EditorConfigFile.Parse(text, "/repo").IsRoot, Is.EqualTo(isRoot));

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
