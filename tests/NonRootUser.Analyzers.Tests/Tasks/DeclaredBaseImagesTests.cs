using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Tasks;

namespace NonRootUser.Analyzers.Tests.Tasks;

/// <summary>Reading <c>NonRootUserBaseImage</c> items into catalog entries.</summary>
public class DeclaredBaseImagesTests
{
    [Test]
    public void Reads_the_pattern_default_user_accounts_and_environment()
    {
        var declared = DeclaredBaseImages.Read(new[]
        {
            new BaseImageItem(" contoso.azurecr.io/platform/runtime ", " svc ", "root:0:0; svc:1000:1000 ;", "root:0;svc:1000", "APP_UID=1000; HOME = /home/svc"),
        });

        var image = declared.Images.Single();
        Assert.Multiple(() =>
        {
            Assert.That(declared.Problems, Is.Empty);
            Assert.That(image.Pattern, Is.EqualTo("contoso.azurecr.io/platform/runtime"));
            Assert.That(image.DefaultUser, Is.EqualTo("svc"));
            Assert.That(image.Users, Is.EqualTo(new[] { new UserAccount("root", 0, 0), new UserAccount("svc", 1000, 1000) }));
            Assert.That(image.Groups, Is.EqualTo(new[] { new GroupAccount("root", 0), new GroupAccount("svc", 1000) }));
            Assert.That(image.Environment, Is.EqualTo(new Dictionary<string, string> { ["APP_UID"] = "1000", ["HOME"] = "/home/svc" }));
            Assert.That(image.AccountsKnown, Is.True);
        });
    }

    [Test]
    public void Without_Users_the_accounts_are_not_claimed_to_be_complete()
    {
        var image = DeclaredBaseImages.Read(new[] { new BaseImageItem("contoso.azurecr.io/tools", User: "svc") }).Images.Single();

        Assert.Multiple(() =>
        {
            Assert.That(image.AccountsKnown, Is.False);
            Assert.That(image.DefaultUser, Is.EqualTo("svc"));
        });
    }

    [Test]
    public void Without_User_the_image_runs_as_root() =>
        Assert.That(DeclaredBaseImages.Read(new[] { new BaseImageItem("contoso.azurecr.io/tools", User: " ") }).Images.Single().DefaultUser, Is.Null);

    [TestCase("")]
    [TestCase("contoso.azurecr.io/{runtime")]
    [TestCase("contoso.azurecr.io/run time")]
    [TestCase("contoso.azurecr.io/runtime@sha256:1234")]
    public void Leaves_out_an_item_with_an_invalid_pattern_and_says_why(string pattern)
    {
        var declared = DeclaredBaseImages.Read(new[] { new BaseImageItem(pattern, User: "svc"), new BaseImageItem("contoso.azurecr.io/ok") });

        Assert.Multiple(() =>
        {
            Assert.That(declared.Images.Select(i => i.Pattern), Is.EqualTo(new[] { "contoso.azurecr.io/ok" }));
            Assert.That(declared.Problems.Single(), Does.StartWith($"NonRootUser.Analyzers ignores the NonRootUserBaseImage item '{pattern.Trim()}': "));
            Assert.That(declared.Problems.Single(), Does.Contain("%2A"));
        });
    }

    [Test]
    public void Drops_an_Env_entry_that_is_not_NAME_VALUE_and_keeps_the_item()
    {
        var declared = DeclaredBaseImages.Read(new[] { new BaseImageItem("contoso.azurecr.io/runtime", Env: "GOOD=1;oops;=2;EMPTY=") });

        Assert.Multiple(() =>
        {
            Assert.That(declared.Images.Single().Environment, Is.EqualTo(new Dictionary<string, string> { ["GOOD"] = "1", ["EMPTY"] = "" }));
            Assert.That(declared.Problems, Has.Count.EqualTo(2));
            Assert.That(declared.Problems[0], Does.Contain("'oops' in the Env metadata of the NonRootUserBaseImage item 'contoso.azurecr.io/runtime'"));
        });
    }

    [Test]
    public void A_later_item_wins_over_an_earlier_one_that_matches_as_well()
    {
        var declared = DeclaredBaseImages.Read(new[]
        {
            new BaseImageItem("contoso.azurecr.io/runtime", User: "first"),
            new BaseImageItem("contoso.azurecr.io/runtime", User: "second"),
        });

        var catalog = BaseImageCatalog.Empty.WithDeclared(declared.Images);

        Assert.That(catalog.Find("contoso.azurecr.io/runtime:1.0")?.DefaultUser, Is.EqualTo("second"));
    }

    [Test]
    public void Wildcards_and_alternatives_match_as_the_catalog_defines_them()
    {
        var catalog = BaseImageCatalog.Empty.WithDeclared(DeclaredBaseImages.Read(new[]
        {
            new BaseImageItem("contoso.azurecr.io/*", User: "svc"),
            new BaseImageItem("fabrikam.io/{api,worker}:2.*", User: "app"),
        }).Images);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("contoso.azurecr.io/platform/runtime:2.3")?.DefaultUser, Is.EqualTo("svc"));
            Assert.That(catalog.Find("fabrikam.io/worker:2.1")?.DefaultUser, Is.EqualTo("app"));
            Assert.That(catalog.Find("fabrikam.io/worker:3.0"), Is.Null);
        });
    }

    [Test]
    public void A_digest_pins_one_image_and_wins_over_a_tag_pattern()
    {
        var digest = "sha256:" + new string('a', 64);
        var catalog = BaseImageCatalog.Empty.WithDeclared(DeclaredBaseImages.Read(new[]
        {
            new BaseImageItem("contoso.azurecr.io/runtime@" + digest, User: "pinned"),
            new BaseImageItem("contoso.azurecr.io/runtime", User: "any"),
        }).Images);

        Assert.Multiple(() =>
        {
            Assert.That(catalog.Find("contoso.azurecr.io/runtime:2.0@" + digest)?.DefaultUser, Is.EqualTo("pinned"));
            Assert.That(catalog.Find("contoso.azurecr.io/runtime:2.0")?.DefaultUser, Is.EqualTo("any"));
        });
    }

    [Test]
    public void No_items_declare_nothing()
    {
        var declared = DeclaredBaseImages.Read(null);

        Assert.That((declared.Images.Count, declared.Problems.Count), Is.EqualTo((0, 0)));
    }
}
