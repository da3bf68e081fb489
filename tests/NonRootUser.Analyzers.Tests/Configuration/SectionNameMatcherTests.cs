using System.Diagnostics;
using NonRootUser.Analyzers.Configuration;

namespace NonRootUser.Analyzers.Tests.Configuration;

public class SectionNameMatcherTests
{
    // Paths are relative to the .editorconfig's directory and start with '/', as the resolver passes them.
    [TestCase("*", "/Dockerfile", true)]
    [TestCase("*", "/docker/api/Dockerfile", true)]
    [TestCase("Dockerfile", "/Dockerfile", true)]
    [TestCase("Dockerfile", "/docker/Dockerfile", true, Description = "no '/': the file name in any directory")]
    [TestCase("Dockerfile", "/docker/api.Dockerfile", false)]
    [TestCase("Dockerfile", "/Dockerfile.dev", false)]
    [TestCase("Dockerfile", "/dockerfile", false, Description = "case-sensitive, as Roslyn")]
    [TestCase("Dockerfile", "/Dockerfile/x", false)]
    [TestCase("*.Dockerfile", "/api.Dockerfile", true)]
    [TestCase("*.Dockerfile", "/src/api/api.Dockerfile", true)]
    [TestCase("*.Dockerfile", "/Dockerfile", false)]
    [TestCase("*.Dockerfile", "/.Dockerfile", true)]
    [TestCase("*.Dockerfile", "/api.Dockerfile.bak", false)]
    [TestCase("**/*.Dockerfile", "/src/api.Dockerfile", true)]
    [TestCase("**/*.Dockerfile", "/src/a/b/api.Dockerfile", true)]
    [TestCase("**/*.Dockerfile", "/api.Dockerfile", false, Description = "Roslyn: '**/' after the implied '/' needs one directory")]
    [TestCase("{Dockerfile,*.Dockerfile}", "/Dockerfile", true)]
    [TestCase("{Dockerfile,*.Dockerfile}", "/x/api.Dockerfile", true)]
    [TestCase("{Dockerfile,*.Dockerfile}", "/Dockerfile.dev", false)]
    [TestCase("{Dockerfile,Containerfile}", "/Containerfile", true)]
    [TestCase("docker/**", "/docker/Dockerfile", true)]
    [TestCase("docker/**", "/docker/a/b/Dockerfile", true)]
    [TestCase("docker/**", "/src/docker/Dockerfile", false, Description = "a '/' anchors the glob at the .editorconfig's directory")]
    [TestCase("docker/**", "/dockerfile", false)]
    [TestCase("docker/*", "/docker/Dockerfile", true)]
    [TestCase("docker/*", "/docker/api/Dockerfile", false, Description = "'*' stops at '/'")]
    [TestCase("/docker/*", "/docker/Dockerfile", true)]
    [TestCase("/Dockerfile", "/Dockerfile", true)]
    [TestCase("/Dockerfile", "/sub/Dockerfile", false)]
    [TestCase("src/**/Dockerfile", "/src/a/Dockerfile", true)]
    [TestCase("src/**/Dockerfile", "/src/Dockerfile", false)]
    [TestCase("src/**Dockerfile", "/src/Dockerfile", true)]
    [TestCase("**", "/a/b/c", true)]
    [TestCase("Dockerfile?", "/Dockerfile1", true)]
    [TestCase("Dockerfile?", "/Dockerfile", false)]
    [TestCase("Dockerfile?", "/Dockerfile12", false)]
    [TestCase("a?b", "/a/b", true, Description = "Roslyn: '?' also matches '/'")]
    [TestCase("Dockerfile.[ab]", "/Dockerfile.a", true)]
    [TestCase("Dockerfile.[ab]", "/Dockerfile.c", false)]
    [TestCase("Dockerfile.[!ab]", "/Dockerfile.c", true)]
    [TestCase("Dockerfile.[!ab]", "/Dockerfile.a", false)]
    [TestCase("Dockerfile.[a-c]", "/Dockerfile.b", true)]
    [TestCase("Dockerfile.[a-c]", "/Dockerfile.d", false)]
    [TestCase("Dockerfile.[-a]", "/Dockerfile.-", true)]
    [TestCase("Dockerfile.[\\]]", "/Dockerfile.]", true)]
    [TestCase("Dockerfile.[\\\\]", "/Dockerfile.\\", true)]
    [TestCase("Dockerfile.[^]", "/Dockerfile.^", true, Description = "'^' is a member, not a negation")]
    [TestCase("Dockerfile.[^]", "/Dockerfile.a", false)]
    [TestCase("Dockerfile.[.]", "/Dockerfile.x", false, Description = "'.' in a class is a dot")]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.1", true)]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.3", true)]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.4", false)]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.0", false)]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.02", true, Description = "compared as numbers")]
    [TestCase("Dockerfile.{1..3}", "/Dockerfile.x", false)]
    [TestCase("Dockerfile.{3..1}", "/Dockerfile.2", true, Description = "reversed bounds")]
    [TestCase("Dockerfile.{-2..2}", "/Dockerfile.-1", true)]
    [TestCase("Dockerfile.{-2..2}", "/Dockerfile.-3", false)]
    [TestCase("v{1..3}/{10..20}/Dockerfile", "/v2/15/Dockerfile", true)]
    [TestCase("v{1..3}/{10..20}/Dockerfile", "/v2/25/Dockerfile", false)]
    [TestCase("{a,{1..3}}", "/a", true, Description = "a range in an alternative not taken constrains nothing")]
    [TestCase("{a,{1..3}}", "/2", true)]
    [TestCase("{a,{1..3}}", "/5", false)]
    [TestCase("{a,{b,{c,d}}}.Dockerfile", "/d.Dockerfile", true)]
    [TestCase("{a}.Dockerfile", "/a.Dockerfile", true)]
    [TestCase("{}Dockerfile", "/Dockerfile", true)]
    [TestCase("{,dev.}Dockerfile", "/dev.Dockerfile", true)]
    [TestCase("{,dev.}Dockerfile", "/Dockerfile", true)]
    [TestCase("{1.0}", "/1.0", true, Description = "not a range: a one-item choice")]
    [TestCase("{1..}", "/1..", true)]
    [TestCase("\\{a\\}", "/{a}", true)]
    [TestCase("\\*", "/*", true)]
    [TestCase("\\*", "/x", false)]
    [TestCase("a\\#b", "/a#b", true)]
    [TestCase("a.b", "/axb", false, Description = "regex characters are literal")]
    [TestCase("a+b(c)$^|", "/a+b(c)$^|", true)]
    [TestCase("my docker/*", "/my docker/Dockerfile", true)]
    [TestCase("d\u00F6cker/*", "/d\u00F6cker/Dockerfile", true)]
    [TestCase("*.{Dockerfile,dockerfile}", "/x.dockerfile", true)]
    [TestCase("{**/Dockerfile,docker/*}", "/x/y/Dockerfile", true)]
    [TestCase("{**/Dockerfile,docker/*}", "/Dockerfile", false)]
    public void Matches_like_Roslyn(string sectionName, string relativePath, bool expected)
    {
        var matcher = SectionNameMatcher.TryCreate(sectionName);

        Assert.That(matcher, Is.Not.Null, "the section name compiles");
        Assert.That(matcher!.IsMatch(relativePath), Is.EqualTo(expected));
    }

    [TestCase("{a,b", Description = "unclosed brace")]
    [TestCase("{a,{b}", Description = "unclosed outer brace")]
    [TestCase("a}", Description = "stray closing brace")]
    [TestCase("a,b", Description = "comma outside braces, as Roslyn")]
    [TestCase("[abc", Description = "unclosed class")]
    [TestCase("a\\", Description = "trailing backslash")]
    [TestCase("[a\\", Description = "trailing backslash in a class")]
    [TestCase("[]", Description = "empty class")]
    [TestCase("[!]", Description = "empty negated class")]
    [TestCase("[z-a]", Description = "reversed class range")]
    [TestCase("{1..99999999999}", Description = "range bound beyond int, as Roslyn")]
    [TestCase("", Description = "empty")]
    public void Invalid_names_do_not_compile(string sectionName) =>
        Assert.That(SectionNameMatcher.TryCreate(sectionName), Is.Null);

    [Test]
    public void Names_longer_than_the_limit_do_not_compile()
    {
        Assert.That(SectionNameMatcher.TryCreate(new string('a', SectionNameMatcher.MaxNameLength)), Is.Not.Null);
        Assert.That(SectionNameMatcher.TryCreate(new string('a', SectionNameMatcher.MaxNameLength + 1)), Is.Null);
    }

    [TestCase(1000, "{", "", Description = "1000 opening braces")]
    [TestCase(1000, "{a,", "}", Description = "1000 nested choices")]
    [TestCase(100, "{a,", "}", Description = "100 nested choices")]
    public void Deep_nesting_is_refused_quickly(int depth, string open, string close)
    {
        var name = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        var stopwatch = Stopwatch.StartNew();

        var matcher = SectionNameMatcher.TryCreate(name);

        Assert.That(matcher, Is.Null);
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Nesting_up_to_the_limit_compiles()
    {
        var depth = SectionNameMatcher.MaxNesting;
        var name = string.Concat(Enumerable.Repeat("{a,", depth)) + "x" + new string('}', depth);

        var matcher = SectionNameMatcher.TryCreate(name);

        Assert.That(matcher, Is.Not.Null);
        Assert.That(matcher!.IsMatch("/x"), Is.True);
        Assert.That(matcher.IsMatch("/a"), Is.True);
        Assert.That(matcher.IsMatch("/b"), Is.False);
    }

    [Test]
    public void Many_sequential_braces_compile_and_match_quickly()
    {
        var name = string.Concat(Enumerable.Repeat("{a,b}", 800));
        var stopwatch = Stopwatch.StartNew();

        var matcher = SectionNameMatcher.TryCreate(name);
        var matches = matcher?.IsMatch("/" + new string('a', 800));
        var misses = matcher?.IsMatch("/" + new string('a', 799) + "c");

        Assert.That((matches, misses), Is.EqualTo((true, false)));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [TestCase(30, 20_000)]
    [TestCase(200, 4_000)]
    public void Globs_that_make_backtracking_engines_explode_match_in_linear_time(int stars, int length)
    {
        var matcher = SectionNameMatcher.TryCreate(string.Concat(Enumerable.Repeat("*a", stars)) + "*b");
        var path = "/" + new string('a', length);
        var stopwatch = Stopwatch.StartNew();

        var matched = matcher!.IsMatch(path);
        var matchedWithB = matcher.IsMatch(path + "b");

        stopwatch.Stop();
        Assert.That((matched, matchedWithB), Is.EqualTo((false, true)));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), $"took {stopwatch.Elapsed}");
    }

    [Test]
    public void Ranges_accept_any_reading_of_the_digits()
    {
        // Roslyn's regex would give the first range "12" and fail; "1" and "23" also reads the path.
        var matcher = SectionNameMatcher.TryCreate("{1..9}{20..30}");

        Assert.That(matcher!.IsMatch("/123"), Is.True);
        Assert.That(matcher.IsMatch("/1234"), Is.False);
    }

    [TestCase("{-2147483648..2147483647}", "/-2147483648", true)]
    [TestCase("{-2147483648..2147483647}", "/2147483647", true)]
    [TestCase("{-2147483648..2147483647}", "/2147483648", false)]
    [TestCase("{0..5}", "/99999999999999999999999", false)]
    [TestCase("{0..5}", "/-0", true)]
    [TestCase("{0..5}", "/-", false)]
    [TestCase("{0..5}", "/--1", false)]
    public void Range_edges(string sectionName, string path, bool expected) =>
        Assert.That(SectionNameMatcher.TryCreate(sectionName)!.IsMatch(path), Is.EqualTo(expected));
}
