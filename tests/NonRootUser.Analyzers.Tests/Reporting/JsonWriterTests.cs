using System.Text.Json;
using NonRootUser.Analyzers.Reporting;

namespace NonRootUser.Analyzers.Tests.Reporting;

public class JsonWriterTests
{
    [TestCase("", "\"\"")]
    [TestCase("plain", "\"plain\"")]
    [TestCase("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [TestCase("C:\\src\\Dockerfile", "\"C:\\\\src\\\\Dockerfile\"")]
    [TestCase("a\nb\rc\td\be\ff", "\"a\\nb\\rc\\td\\be\\ff\"")]
    [TestCase("\0", "\"\\u0000\"")]
    [TestCase("\u0001\u001f", "\"\\u0001\\u001f\"")]
    [TestCase("\u007f", "\"\\u007f\"")]
    [TestCase("\u2028\u2029", "\"\\u2028\\u2029\"")]
    [TestCase("/ and ' stay", "\"/ and ' stay\"")]
    [TestCase("\u00e9\u4e2d", "\"\u00e9\u4e2d\"", Description = "non-ASCII is written as is (the file is UTF-8)")]
    [TestCase("\ud83d\ude00", "\"\ud83d\ude00\"", Description = "a surrogate pair is kept")]
    public void Quote_escapes(string value, string expected) => Assert.That(JsonWriter.Quote(value), Is.EqualTo(expected));

    // Lone surrogates cannot travel in attribute arguments (metadata stores strings as UTF-8), hence a source.
    private static IEnumerable<TestCaseData> LoneSurrogates()
    {
        yield return new TestCaseData("a\ud83db", "\"a\ufffdb\"").SetName("Quote: a lone high surrogate cannot be UTF-8");
        yield return new TestCaseData("a\ude00b", "\"a\ufffdb\"").SetName("Quote: a lone low surrogate");
        yield return new TestCaseData("\ude00\ud83d", "\"\ufffd\ufffd\"").SetName("Quote: a reversed pair");
        yield return new TestCaseData("\ud83d", "\"\ufffd\"").SetName("Quote: a high surrogate at the end");
        yield return new TestCaseData("\ud83d\ud83d\ude00", "\"\ufffd\ud83d\ude00\"").SetName("Quote: a high surrogate before a pair");
    }

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Quote_replaces_lone_surrogates(string value, string expected)
    {
        var quoted = JsonWriter.Quote(value);

        Assert.That(quoted, Is.EqualTo(expected));
        Assert.That(JsonSerializer.Deserialize<string>(quoted), Is.EqualTo(expected[1..^1]));
    }

    [Test]
    public void Every_character_round_trips_through_a_JSON_parser()
    {
        var all = new string(Enumerable.Range(0, 0xD800).Select(i => (char)i).ToArray()) + "\ud83d\ude00\uE000\uFFFF";

        var parsed = JsonSerializer.Deserialize<string>(JsonWriter.Quote(all));

        Assert.That(parsed, Is.EqualTo(all));
    }

    [Test]
    public void Writes_nested_structures_with_commas_and_indentation()
    {
        var json = new JsonWriter()
            .StartObject()
            .Property("a", 1)
            .Name("b").StartArray().Value("x").Value(2).StartObject().EndObject().StartArray().EndArray().EndArray()
            .Name("c").StartObject().Property("d", "e").EndObject()
            .EndObject()
            .ToString();

        Assert.That(json, Is.EqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    2,\n    {},\n    []\n  ],\n  \"c\": {\n    \"d\": \"e\"\n  }\n}"));
        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("b")[1].GetInt32(), Is.EqualTo(2));
    }

    [TestCase(int.MinValue)]
    [TestCase(-1)]
    [TestCase(0)]
    [TestCase(int.MaxValue)]
    public void Integers_are_culture_invariant(int value)
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            var json = new JsonWriter().StartArray().Value(value).EndArray().ToString();
            Assert.That(JsonSerializer.Deserialize<int[]>(json), Is.EqualTo(new[] { value }));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }
}
