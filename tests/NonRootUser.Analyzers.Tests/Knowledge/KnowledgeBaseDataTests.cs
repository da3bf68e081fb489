using System.Diagnostics;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

/// <summary>The shipped data file is sound, and the reader reports each kind of malformed line precisely.</summary>
public class KnowledgeBaseDataTests
{
    private const string Header = "format 1\nsource s a citation\n";

    [Test]
    public void The_built_in_data_has_no_errors() =>
        Assert.That(BaseImageCatalog.BuiltInErrors, Is.Empty);

    [Test]
    public void The_built_in_data_is_not_empty_and_every_entry_cites_a_source()
    {
        var entries = BaseImageCatalog.BuiltIn.Entries.ToList();
        Assert.That(entries, Has.Count.GreaterThan(500));
        Assert.That(entries.Where(e => e.Info is not null).Select(e => e.Info!.Source), Has.All.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Every_windows_entry_runs_as_a_container_account_and_only_nano_server_as_container_user()
    {
        var windows = BaseImageCatalog.BuiltIn.Entries.Where(e => e.Info?.IsWindows == true).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(windows, Is.Not.Empty);
            Assert.That(
                windows.Where(e => e.Info!.DefaultUser is not ("ContainerUser" or "ContainerAdministrator")).Select(e => e.Pattern.Text),
                Is.Empty,
                "a Windows image runs as ContainerUser or ContainerAdministrator");
            Assert.That(
                windows.Where(e => e.Info!.DefaultUser == "ContainerUser").Select(e => e.Pattern.Text),
                Has.All.Match("nanoserver"),
                "only Nano Server images run as ContainerUser");
            Assert.That(
                windows.Where(e => e.Info!.Users.All(u => u.Name != "ContainerAdministrator")).Select(e => e.Pattern.Text),
                Is.Empty,
                "every Windows image has ContainerAdministrator");
        });
    }

    [Test]
    public void Every_entry_with_known_accounts_lists_root_or_is_windows_or_scratch()
    {
        var suspicious = BaseImageCatalog.BuiltIn.Entries
            .Where(e => e.Info is { AccountsKnown: true, IsWindows: false } && e.Pattern.Text != "scratch")
            .Where(e => e.Info!.Users.All(u => u.Name != "root"))
            .Select(e => e.Pattern.Text);
        Assert.That(suspicious, Is.Empty);
    }

    [Test]
    public void Reads_a_small_file()
    {
        var result = Read(Header + """
            # comment
            accounts base source=s users=root:0,daemon:1:1 groups=root:0  # trailing comment
            accounts more include=base users=daemon:2,extra groups=extra:7 unconfirmed
            image example.io/app:{1,2}* accounts=more runs-as=1000:0 env=A=1 env=B=x=y windows \
                source=s
            image example.io/gone unknown source=s
            """);
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Entries.Select(e => e.Pattern.Text), Is.EqualTo(new[] { "example.io/app:1*", "example.io/app:2*", "example.io/gone" }));
        var info = result.Entries[0].Info!;
        Assert.Multiple(() =>
        {
            Assert.That(info.Pattern, Is.EqualTo("example.io/app:1*"));
            Assert.That(info.DefaultUser, Is.EqualTo("1000:0"));
            Assert.That(info.Users, Is.EqualTo(new[] { new UserAccount("root", 0), new UserAccount("daemon", 2), new UserAccount("extra") }));
            Assert.That(info.Groups, Is.EqualTo(new[] { new GroupAccount("root", 0), new GroupAccount("extra", 7) }));
            Assert.That(info.Environment, Is.EquivalentTo(new Dictionary<string, string> { ["A"] = "1", ["B"] = "x=y" }));
            Assert.That(info.IsWindows, Is.True);
            Assert.That(info.AccountsKnown, Is.False, "an unconfirmed set makes the accounts unknown");
            Assert.That(info.Source, Is.EqualTo("a citation"));
            Assert.That(result.Entries[2].Info, Is.Null);
        });
    }

    [Test]
    public void Cites_the_row_source_first_then_the_sets_sources_once()
    {
        var result = Read("""
            format 1
            source os the OS
            source img the image
            accounts a source=os users=root
            accounts b include=a users=x
            image example.io/app accounts=a,b source=img
            """);
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.Entries.Single().Info!.Source, Is.EqualTo("the image; the OS"));
    }

    [TestCase("bogus x", "BaseImages.txt(3): unknown statement 'bogus' (expected format, source, accounts or image)")]
    [TestCase("image example.io/app", "BaseImages.txt(3): image 'example.io/app' has no source=")]
    [TestCase("image example.io/app source=nope", "BaseImages.txt(3): source 'nope' is not defined (define sources before using them)")]
    [TestCase("image example.io/app accounts=nope source=s", "BaseImages.txt(3): account set 'nope' is not defined (define sets before using them)")]
    [TestCase("image example.io/app users=root:x source=s", "BaseImages.txt(3): user \"root:x\" has an id that is not a non-negative number")]
    [TestCase("image example.io/app users=a:1:2:3 source=s", "BaseImages.txt(3): user \"a:1:2:3\" is not name[:uid[:gid]]")]
    [TestCase("image example.io/app groups=g:1:2 source=s", "BaseImages.txt(3): group \"g:1:2\" is not name[:gid]")]
    [TestCase("image example.io/app users=a,,b source=s", "BaseImages.txt(3): 'users=' has an empty item")]
    [TestCase("image example.io/app env=NOVALUE source=s", "BaseImages.txt(3): env 'NOVALUE' is not NAME=value")]
    [TestCase("image example.io/app colour=blue source=s", "BaseImages.txt(3): unknown field 'colour=blue' in 'image' (expected accounts=, users=, groups=, runs-as=, env=, source=, windows, unconfirmed, unknown)")]
    [TestCase("image example.io/app include=x source=s", "BaseImages.txt(3): unknown field 'include=x' in 'image' (expected accounts=, users=, groups=, runs-as=, env=, source=, windows, unconfirmed, unknown)")]
    [TestCase("image example.io/app runs-as= source=s", "BaseImages.txt(3): unknown field 'runs-as=' in 'image' (expected accounts=, users=, groups=, runs-as=, env=, source=, windows, unconfirmed, unknown)")]
    [TestCase("image example.io/app unknown runs-as=1 source=s", "BaseImages.txt(3): image 'example.io/app' is 'unknown': it can only carry source=")]
    [TestCase("image example.io/{a,b source=s", "BaseImages.txt(3): pattern \"example.io/{a,b\": '{' without '}'")]
    [TestCase("image example.io/a}b source=s", "BaseImages.txt(3): pattern \"example.io/a}b\": '}' without '{'")]
    [TestCase("image example.io/App source=s", "BaseImages.txt(3): pattern \"example.io/App\": repository \"App\" must be lowercase")]
    [TestCase("image example.io/a$b source=s", "BaseImages.txt(3): pattern \"example.io/a$b\": character '$' is not allowed")]
    [TestCase("image source=s", "BaseImages.txt(3): 'image' needs a pattern")]
    [TestCase("accounts users=a", "BaseImages.txt(3): 'accounts' needs a set name")]
    [TestCase("accounts x runs-as=1", "BaseImages.txt(3): unknown field 'runs-as=1' in 'accounts' (expected include=, users=, groups=, source=, unconfirmed)")]
    [TestCase("source s again", "BaseImages.txt(3): source 's' is defined twice")]
    [TestCase("source lonely", "BaseImages.txt(3): 'source' needs an id and a citation")]
    [TestCase("format 1", "BaseImages.txt(3): 'format' must appear once, before everything else")]
    public void Reports_a_malformed_line(string line, string error) =>
        Assert.That(Read(Header + line).Errors, Is.EqualTo(new[] { error }));

    [Test]
    public void Reports_a_set_defined_twice()
    {
        var errors = Read(Header + "accounts a users=x\naccounts a users=y").Errors;
        Assert.That(errors, Is.EqualTo(new[] { "BaseImages.txt(4): account set 'a' is defined twice" }));
    }

    [Test]
    public void Reports_a_pattern_defined_twice_even_through_alternatives()
    {
        var errors = Read(Header + "image example.io/{a,b} source=s\n\nimage example.io/b source=s").Errors;
        Assert.That(errors, Is.EqualTo(new[] { "BaseImages.txt(5): pattern 'example.io/b' is already defined on line 3" }));
    }

    [Test]
    public void Reports_errors_on_the_first_line_of_a_continued_statement()
    {
        var errors = Read(Header + "image example.io/a \\\n   users=a \\\n   colour=x source=s").Errors;
        Assert.That(errors, Has.Count.EqualTo(1).And.One.StartsWith("BaseImages.txt(3): unknown field 'colour=x'"));
    }

    [TestCase("source s x\nformat 1", "BaseImages.txt(1): the file must start with 'format 1'")]
    [TestCase("format 2", "BaseImages.txt(1): unsupported format (this reader understands 'format 1')")]
    [TestCase("# only a comment", "BaseImages.txt(0): the file must start with 'format 1'")]
    public void Requires_the_format_line_first(string text, string error) =>
        Assert.That(Read(text).Errors, Does.Contain(error));

    [Test]
    public void Lookups_are_cheap()
    {
        var images = new[]
        {
            "mcr.microsoft.com/dotnet/aspnet:8.0", "node:20-alpine", "gcr.io/distroless/static-debian12:nonroot",
            "contoso.azurecr.io/platform/runtime:1.2", "bitnami/postgresql:16", "ubuntu:24.04",
        }.Select(text => ImageReference.TryParse(text, out var r, out _) ? r! : throw new InvalidOperationException(text)).ToArray();
        var catalog = BaseImageCatalog.BuiltIn;
        catalog.Find(images[0]);

        const int rounds = 20_000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            catalog.Find(images[i % images.Length]);
        }

        stopwatch.Stop();
        var microseconds = stopwatch.Elapsed.TotalMilliseconds * 1000 / rounds;
        TestContext.Out.WriteLine($"average lookup: {microseconds:F2} µs over {rounds} lookups");
        Assert.That(microseconds, Is.LessThan(200), "a lookup should take microseconds, not milliseconds");
    }

    [Test]
    public void Loading_the_data_is_cheap()
    {
        var text = ReadEmbeddedData();
        var stopwatch = Stopwatch.StartNew();
        var result = KnowledgeBaseReader.Read(text, "BaseImages.txt");
        stopwatch.Stop();
        TestContext.Out.WriteLine($"read {result.Entries.Count} entries in {stopwatch.Elapsed.TotalMilliseconds:F1} ms (warm JIT)");
        Assert.That(result.Errors, Is.Empty);
    }

    private static string ReadEmbeddedData()
    {
        using var stream = typeof(BaseImageCatalog).Assembly.GetManifestResourceStream("NonRootUser.Analyzers.Knowledge.BaseImages.txt");
        Assert.That(stream, Is.Not.Null);
        using var reader = new StreamReader(stream!);
        return reader.ReadToEnd();
    }

    private static KnowledgeBaseReader.Result Read(string text) => KnowledgeBaseReader.Read(text, "BaseImages.txt");
}
