using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

/// <summary>Images the project declares: patterns, precedence over the built-in data, and forgiving input.</summary>
public class DeclaredBaseImageTests
{
    private static readonly Dictionary<string, string> NoEnv = new();

    // pattern, image, matches
    [TestCase("contoso.azurecr.io/platform/runtime", "contoso.azurecr.io/platform/runtime", true)]
    [TestCase("contoso.azurecr.io/platform/runtime", "contoso.azurecr.io/platform/runtime:1.2", true)]
    [TestCase("contoso.azurecr.io/platform/runtime", "contoso.azurecr.io/platform/runtime:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [TestCase("contoso.azurecr.io/platform/runtime", "contoso.azurecr.io/platform/runtime-debug:1.2", false)]
    [TestCase("contoso.azurecr.io/platform/runtime", "contoso.azurecr.io/platform/other", false)]
    [TestCase("contoso.azurecr.io/platform/runtime", "other.azurecr.io/platform/runtime", false)]
    [TestCase("Contoso.AzureCR.io/platform/runtime", "contoso.azurecr.io/platform/runtime", true)]
    [TestCase("contoso.azurecr.io/platform/runtime", "CONTOSO.azurecr.io/platform/runtime", true)]
    [TestCase("contoso.azurecr.io/*", "contoso.azurecr.io/x", true)]
    [TestCase("contoso.azurecr.io/*", "contoso.azurecr.io/a/b/c:1", true)]
    [TestCase("contoso.azurecr.io/*", "contoso.azurecr.io.evil.com/x", false)]
    [TestCase("*.azurecr.io/*", "fabrikam.azurecr.io/app:2", true)]
    [TestCase("contoso.azurecr.io/platform/runtime:1.*", "contoso.azurecr.io/platform/runtime:1.4", true)]
    [TestCase("contoso.azurecr.io/platform/runtime:1.*", "contoso.azurecr.io/platform/runtime:2.0", false)]
    [TestCase("contoso.azurecr.io/platform/runtime:1.*", "contoso.azurecr.io/platform/runtime", false)]
    [TestCase("contoso.azurecr.io/platform/runtime:latest", "contoso.azurecr.io/platform/runtime", true)]
    [TestCase("contoso.azurecr.io/platform/runtime:*-debug", "contoso.azurecr.io/platform/runtime:1-debug", true)]
    [TestCase("contoso.azurecr.io/platform/runtime:*-debug", "contoso.azurecr.io/platform/runtime:1-debugger", false)]
    [TestCase("contoso.azurecr.io/{platform,tools}/runtime", "contoso.azurecr.io/tools/runtime", true)]
    [TestCase("contoso.azurecr.io/{platform,tools}/runtime", "contoso.azurecr.io/apps/runtime", false)]
    [TestCase("myorg/*", "myorg/app", true)]
    [TestCase("myorg/*", "docker.io/myorg/app:1", true)]
    [TestCase("myorg/*", "index.docker.io/myorg/app", true)]
    [TestCase("myorg/*", "myorganisation/app", false)]
    [TestCase("node", "docker.io/library/node:20", true)]
    [TestCase("docker.io/library/node", "node", true)]
    [TestCase("localhost:5000/*", "localhost:5000/app", true)]
    [TestCase("*", "anything.io/at/all:1", true)]
    [TestCase("*", "node", true)]
    [TestCase("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [TestCase("app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "app:1", false)]
    public void Patterns_match_normalised_references(string pattern, string image, bool matches)
    {
        var catalog = BaseImageCatalog.Empty.WithDeclared([BaseImageCatalog.Declare(pattern, "1000", ["root:0"], [], NoEnv)]);
        Assert.That(catalog.Find(image), matches ? Is.Not.Null : Is.Null);
    }

    [Test]
    public void Declare_builds_the_entry()
    {
        var info = BaseImageCatalog.Declare(
            " contoso.azurecr.io/platform/runtime ",
            " 1000 ",
            ["root:0", "app:1000:1000", " ", "app:1001", "svc"],
            ["root:0", "app:1000", ""],
            new Dictionary<string, string> { ["APP_UID"] = "1000" });
        Assert.Multiple(() =>
        {
            Assert.That(info.Pattern, Is.EqualTo("contoso.azurecr.io/platform/runtime"));
            Assert.That(info.DefaultUser, Is.EqualTo("1000"));
            Assert.That(info.Users, Is.EqualTo(new[] { new UserAccount("root", 0), new UserAccount("app", 1001), new UserAccount("svc") }));
            Assert.That(info.Groups, Is.EqualTo(new[] { new GroupAccount("root", 0), new GroupAccount("app", 1000) }));
            Assert.That(info.Environment, Is.EquivalentTo(new Dictionary<string, string> { ["APP_UID"] = "1000" }));
            Assert.That(info.AccountsKnown, Is.True, "users were listed");
            Assert.That(info.IsWindows, Is.False);
            Assert.That(info.Source, Is.EqualTo("declared in the project"));
        });
    }

    [Test]
    public void Declare_without_users_leaves_the_accounts_unknown()
    {
        var info = BaseImageCatalog.Declare("contoso.azurecr.io/*", "1000", [], [], NoEnv);
        Assert.That(info.AccountsKnown, Is.False);
    }

    [Test]
    public void Declare_can_state_completeness_and_windows()
    {
        var info = BaseImageCatalog.Declare("contoso.azurecr.io/win", "ContainerUser", [], [], NoEnv, accountsKnown: true, isWindows: true);
        Assert.Multiple(() =>
        {
            Assert.That(info.AccountsKnown, Is.True);
            Assert.That(info.IsWindows, Is.True);
        });
    }

    [Test]
    public void Declare_keeps_a_name_when_its_id_is_malformed_and_never_throws()
    {
        var info = BaseImageCatalog.Declare(null!, "", ["app:abc", ":5"], ["grp:x"], null!);
        Assert.Multiple(() =>
        {
            Assert.That(info.Pattern, Is.Empty);
            Assert.That(info.DefaultUser, Is.Null);
            Assert.That(info.Users, Is.EqualTo(new[] { new UserAccount("app") }));
            Assert.That(info.Groups, Is.EqualTo(new[] { new GroupAccount("grp") }));
            Assert.That(info.Environment, Is.Empty);
        });
        Assert.That(() => BaseImageCatalog.Declare("x", null, null!, null!, null!), Throws.Nothing);
    }

    [Test]
    public void Declared_entries_override_built_in_ones()
    {
        var declared = BaseImageCatalog.Declare("mcr.microsoft.com/dotnet/aspnet:8.0", "app", ["root", "app:1654", "svc"], [], NoEnv);
        var catalog = BaseImageCatalog.BuiltIn.WithDeclared([declared]);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("mcr.microsoft.com/dotnet/aspnet:8.0"), Is.SameAs(declared));
            Assert.That(catalog.Find("mcr.microsoft.com/dotnet/aspnet:9.0")?.Source, Does.Contain("dotnet/dotnet-docker"), "other tags stay built-in");
            Assert.That(BaseImageCatalog.BuiltIn.Find("mcr.microsoft.com/dotnet/aspnet:8.0"), Is.Not.SameAs(declared), "the built-in catalog is unchanged");
        });
    }

    [Test]
    public void A_declared_wildcard_beats_a_more_specific_built_in_row()
    {
        var declared = BaseImageCatalog.Declare("node:*", "node", ["root", "node"], [], NoEnv);
        var catalog = BaseImageCatalog.BuiltIn.WithDeclared([declared]);
        Assert.That(catalog.Find("node:20-alpine3.18"), Is.SameAs(declared));
    }

    [Test]
    public void Declared_images_fill_gaps_in_the_built_in_data()
    {
        var declared = BaseImageCatalog.Declare("contoso.azurecr.io/*", "1000", [], [], NoEnv);
        var catalog = BaseImageCatalog.BuiltIn.WithDeclared([declared]);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("contoso.azurecr.io/x"), Is.SameAs(declared));
            Assert.That(catalog.Find("node:20")?.Source, Does.Contain("docker-node"));
        });
    }

    [Test]
    public void The_most_specific_declared_pattern_wins_regardless_of_order()
    {
        var everything = BaseImageCatalog.Declare("contoso.azurecr.io/*", "1000", [], [], NoEnv);
        var runtime = BaseImageCatalog.Declare("contoso.azurecr.io/platform/runtime", "2000", [], [], NoEnv);
        var debug = BaseImageCatalog.Declare("contoso.azurecr.io/platform/runtime:*-debug", null, [], [], NoEnv);
        var catalog = BaseImageCatalog.Empty.WithDeclared([everything, debug, runtime]);
        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("contoso.azurecr.io/platform/runtime:1.0"), Is.SameAs(runtime));
            Assert.That(catalog.Find("contoso.azurecr.io/platform/runtime:1.0-debug"), Is.SameAs(debug));
            Assert.That(catalog.Find("contoso.azurecr.io/platform/other:1.0"), Is.SameAs(everything));
        });
    }

    [Test]
    public void Equally_specific_declared_patterns_go_by_order()
    {
        var first = BaseImageCatalog.Declare("contoso.azurecr.io/app:1*", "1", [], [], NoEnv);
        var second = BaseImageCatalog.Declare("contoso.azurecr.io/app:*1", "2", [], [], NoEnv);
        Assert.That(BaseImageCatalog.Empty.WithDeclared([first, second]).Find("contoso.azurecr.io/app:1"), Is.SameAs(first));
    }

    [Test]
    public void Later_declarations_layer_over_earlier_ones()
    {
        var older = BaseImageCatalog.Declare("contoso.azurecr.io/app", "1", [], [], NoEnv);
        var newer = BaseImageCatalog.Declare("contoso.azurecr.io/*", "2", [], [], NoEnv);
        var catalog = BaseImageCatalog.Empty.WithDeclared([older]).WithDeclared([newer]);
        Assert.That(catalog.Find("contoso.azurecr.io/app"), Is.SameAs(newer));
    }

    [Test]
    public void Invalid_or_missing_declarations_are_skipped()
    {
        var valid = BaseImageCatalog.Declare("contoso.azurecr.io/app", "1", [], [], NoEnv);
        var invalid = BaseImageCatalog.Declare("contoso.azurecr.io/{app", "2", [], [], NoEnv);
        var catalog = BaseImageCatalog.Empty.WithDeclared([invalid, null!, valid]);
        Assert.That(catalog.Find("contoso.azurecr.io/app"), Is.SameAs(valid));
    }

    [Test]
    public void Declaring_nothing_returns_the_same_catalog()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BaseImageCatalog.BuiltIn.WithDeclared([]), Is.SameAs(BaseImageCatalog.BuiltIn));
            Assert.That(BaseImageCatalog.BuiltIn.WithDeclared(null!), Is.SameAs(BaseImageCatalog.BuiltIn));
        });
    }

    [TestCase("contoso.azurecr.io/platform/runtime", null)]
    [TestCase("contoso.azurecr.io/*", null)]
    [TestCase("node:{20,22}-alpine*", null)]
    [TestCase("", "the pattern is empty")]
    [TestCase("   ", "the pattern is empty")]
    [TestCase("contoso.azurecr.io/{a,b", "pattern \"contoso.azurecr.io/{a,b\": '{' without '}'")]
    [TestCase("contoso.azurecr.io/App", "pattern \"contoso.azurecr.io/App\": repository \"App\" must be lowercase")]
    [TestCase("contoso.azurecr.io/app name", "pattern \"contoso.azurecr.io/app name\": character ' ' is not allowed")]
    [TestCase("contoso.azurecr.io/app:", "pattern \"contoso.azurecr.io/app:\": tag \"\" is not valid")]
    [TestCase(":1", "pattern \":1\": the repository name is missing")]
    [TestCase("app@sha256:abc", "pattern \"app@sha256:abc\": digest \"sha256:abc\" is not valid (sha256 needs 64 lower-case hex digits)")]
    public void IsValidPattern_explains_what_is_wrong(string pattern, string? error)
    {
        Assert.That(BaseImageCatalog.IsValidPattern(pattern, out var actual), Is.EqualTo(error is null));
        Assert.That(actual, Is.EqualTo(error));
    }
}
