using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

public class ImageReferenceTests
{
    private const string Sha256 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    // text, registry, repository, tag, digest, familiar name
    private static readonly object?[][] ValidReferences =
    [
        ["node", "docker.io", "library/node", null, null, "node"],
        ["node:20-alpine", "docker.io", "library/node", "20-alpine", null, "node"],
        ["docker.io/node", "docker.io", "library/node", null, null, "node"],
        ["docker.io/library/node:20", "docker.io", "library/node", "20", null, "node"],
        ["index.docker.io/library/node", "docker.io", "library/node", null, null, "node"],
        ["index.docker.io/node", "docker.io", "library/node", null, null, "node"],
        ["nginxinc/nginx-unprivileged:alpine", "docker.io", "nginxinc/nginx-unprivileged", "alpine", null, "nginxinc/nginx-unprivileged"],
        ["docker.io/nginxinc/nginx-unprivileged", "docker.io", "nginxinc/nginx-unprivileged", null, null, "nginxinc/nginx-unprivileged"],
        ["mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com", "dotnet/aspnet", "8.0", null, "mcr.microsoft.com/dotnet/aspnet"],
        ["mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled@" + Sha256, "mcr.microsoft.com", "dotnet/aspnet", "8.0-jammy-chiseled", Sha256, "mcr.microsoft.com/dotnet/aspnet"],
        ["mcr.microsoft.com/dotnet/aspnet@" + Sha256, "mcr.microsoft.com", "dotnet/aspnet", null, Sha256, "mcr.microsoft.com/dotnet/aspnet"],
        ["localhost:5000/x", "localhost:5000", "x", null, null, "localhost:5000/x"],
        ["localhost:5000/x:1.0", "localhost:5000", "x", "1.0", null, "localhost:5000/x"],
        ["localhost/x", "localhost", "x", null, null, "localhost/x"],
        ["localhost", "docker.io", "library/localhost", null, null, "localhost"],
        ["localhost:5000", "docker.io", "library/localhost", "5000", null, "localhost"],
        ["myregistry:5000/team/app", "myregistry:5000", "team/app", null, null, "myregistry:5000/team/app"],
        ["127.0.0.1:5000/app:v2", "127.0.0.1:5000", "app", "v2", null, "127.0.0.1:5000/app"],
        ["[::1]:5000/app", "[::1]:5000", "app", null, null, "[::1]:5000/app"],
        ["Registry/app", "Registry", "app", null, null, "Registry/app"],
        ["gcr.io/distroless/static-debian12:nonroot", "gcr.io", "distroless/static-debian12", "nonroot", null, "gcr.io/distroless/static-debian12"],
        ["ghcr.io/org/team/sub/app:1", "ghcr.io", "org/team/sub/app", "1", null, "ghcr.io/org/team/sub/app"],
        ["user/app", "docker.io", "user/app", null, null, "user/app"],
        ["a/b/c", "docker.io", "a/b/c", null, null, "a/b/c"],
        ["library/node", "docker.io", "library/node", null, null, "node"],
        ["library/a/b", "docker.io", "library/a/b", null, null, "library/a/b"],
        ["my-app__x.y--z", "docker.io", "library/my-app__x.y--z", null, null, "my-app__x.y--z"],
        ["app:Tag_With.Caps-1", "docker.io", "library/app", "Tag_With.Caps-1", null, "app"],
        ["app:_underscore", "docker.io", "library/app", "_underscore", null, "app"],
        ["scratch", "docker.io", "library/scratch", null, null, "scratch"],
    ];

    private static IEnumerable<TestCaseData> ValidCases() =>
        ValidReferences.Select(row => new TestCaseData(row).SetArgDisplayNames((string)row[0]!));

    [TestCaseSource(nameof(ValidCases))]
    public void Parses_and_normalises(string text, string registry, string repository, string? tag, string? digest, string familiar)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.True, error);
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(reference!.Registry, Is.EqualTo(registry));
            Assert.That(reference.Repository, Is.EqualTo(repository));
            Assert.That(reference.Tag, Is.EqualTo(tag));
            Assert.That(reference.Digest, Is.EqualTo(digest));
            Assert.That(reference.FamiliarName, Is.EqualTo(familiar));
            Assert.That(reference.FullName, Is.EqualTo(registry + "/" + repository));
            Assert.That(reference.Original, Is.EqualTo(text));
        });
    }

    [TestCase("", "the reference is empty")]
    [TestCase("  node:20  ", "it contains white space")]
    [TestCase("node 20", "it contains white space")]
    [TestCase("Node", "repository name \"library/Node\" must be lowercase")]
    [TestCase("docker.io/Library/node", "repository name \"Library/node\" must be lowercase")]
    [TestCase("mcr.microsoft.com/DotNet/aspnet", "repository name \"DotNet/aspnet\" must be lowercase")]
    [TestCase("node:", "tag \"\" is not valid (at most 128 letters, digits, '_', '.' or '-', not starting with '.' or '-')")]
    [TestCase("node:-x", "tag \"-x\" is not valid (at most 128 letters, digits, '_', '.' or '-', not starting with '.' or '-')")]
    [TestCase("node:.x", "tag \".x\" is not valid (at most 128 letters, digits, '_', '.' or '-', not starting with '.' or '-')")]
    [TestCase("node:a+b", "tag \"a+b\" is not valid (at most 128 letters, digits, '_', '.' or '-', not starting with '.' or '-')")]
    [TestCase(":20", "the repository name is missing")]
    [TestCase("@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "the repository name is missing")]
    [TestCase("node@sha256:abc", "digest \"sha256:abc\" is not valid (sha256 needs 64 lower-case hex digits)")]
    [TestCase("node@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "digest \"sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef\" is not valid (sha256 needs 64 lower-case hex digits)")]
    [TestCase("node@md5:0123456789abcdef0123456789abcdef", "digest algorithm \"md5\" is not supported (sha256, sha384 or sha512)")]
    [TestCase("node@latest", "digest \"latest\" is not valid (expected algorithm:hex, e.g. sha256:…)")]
    [TestCase("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "a 64-character hexadecimal string is an image ID, not a repository name")]
    [TestCase("my_/app", "repository path component \"my_\" is not valid (lower-case letters and digits joined by '.', '_', '__' or '-')")]
    [TestCase("a___b", "repository path component \"a___b\" is not valid (lower-case letters and digits joined by '.', '_', '__' or '-')")]
    [TestCase("a..b", "repository path component \"a..b\" is not valid (lower-case letters and digits joined by '.', '_', '__' or '-')")]
    [TestCase("-app", "repository path component \"-app\" is not valid (lower-case letters and digits joined by '.', '_', '__' or '-')")]
    [TestCase("user//app", "repository \"user//app\" has an empty path component")]
    [TestCase("ghcr.io/", "repository \"\" has an empty path component")]
    [TestCase("-bad.io/app", "registry \"-bad.io\" is not a valid host[:port]")]
    [TestCase("bad..io/app", "registry \"bad..io\" is not a valid host[:port]")]
    [TestCase("host.io:port/app", "registry \"host.io:port\" is not a valid host[:port]")]
    [TestCase("$BASE_IMAGE", "it contains a variable that was not expanded")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}", "it contains a variable that was not expanded")]
    public void Rejects_invalid_references_with_a_reason(string text, string reason)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(reference, Is.Null);
            Assert.That(error, Is.EqualTo($"invalid image reference \"{text}\": {reason}"));
        });
    }

    [Test]
    public void Rejects_null_without_throwing()
    {
        Assert.That(ImageReference.TryParse(null!, out var reference, out var error), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(reference, Is.Null);
            Assert.That(error, Does.EndWith("the reference is empty"));
        });
    }

    [Test]
    public void Rejects_names_longer_than_255_characters()
    {
        var text = "registry.io/" + new string('a', 250);
        Assert.That(ImageReference.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.EndWith("the repository name is longer than 255 characters"));
    }

    [Test]
    public void Rejects_tags_longer_than_128_characters()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageReference.TryParse("node:" + new string('a', 128), out _, out _), Is.True);
            Assert.That(ImageReference.TryParse("node:" + new string('a', 129), out _, out _), Is.False);
        });
    }

    [TestCase("node", "docker.io/library/node")]
    [TestCase("node", "index.docker.io/library/node")]
    [TestCase("node", "docker.io/node")]
    [TestCase("node:20", "docker.io/library/node:20")]
    [TestCase("MCR.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0")]
    public void Equal_when_the_normalised_references_are_equal(string left, string right)
    {
        var a = Parse(left);
        var b = Parse(right);
        Assert.Multiple(() =>
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        });
    }

    [TestCase("node", "node:latest")]
    [TestCase("node:20", "node:22")]
    [TestCase("node", "user/node")]
    [TestCase("localhost/node", "node")]
    public void Different_when_the_normalised_references_differ(string left, string right) =>
        Assert.That(Parse(left), Is.Not.EqualTo(Parse(right)));

    [TestCase("node", "node")]
    [TestCase("docker.io/library/node:20-alpine", "node:20-alpine")]
    [TestCase("index.docker.io/nginxinc/nginx-unprivileged:alpine", "nginxinc/nginx-unprivileged:alpine")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/aspnet:8.0")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0@" + Sha256, "mcr.microsoft.com/dotnet/aspnet:8.0@" + Sha256)]
    public void ToString_shows_the_familiar_form(string text, string expected) =>
        Assert.That(Parse(text).ToString(), Is.EqualTo(expected));

    [TestCase("node", "latest")]
    [TestCase("node:20", "20")]
    [TestCase("node:20@" + Sha256, "20")]
    [TestCase("node@" + Sha256, null)]
    public void EffectiveTag_is_latest_only_without_tag_and_digest(string text, string? expected) =>
        Assert.That(Parse(text).EffectiveTag, Is.EqualTo(expected));

    private static ImageReference Parse(string text)
    {
        Assert.That(ImageReference.TryParse(text, out var reference, out var error), Is.True, error);
        return reference!;
    }
}
