using System.Globalization;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

/// <summary>
/// Lookups of real image strings in the built-in knowledge base. Columns: image, the user it runs as (null = root),
/// whether its accounts are known, users that must be present ("name" or "name:uid"), users that must be absent,
/// and the exact ENV ("" = none).
/// </summary>
public class BuiltInCatalogTests
{
    private const string Sha256 = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    // .NET 8 and later
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", null, true, "root:0,app:1654,www-data:33,nobody", "ubuntu,gnats", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:9.0", null, true, "app:1654,_apt:42", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0", null, true, "app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet", null, true, "app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:latest", null, true, "app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:8.0.11-bookworm-slim", null, true, "app:1654,www-data", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim-arm64v8", null, true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy", null, true, "app:1654,www-data", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-noble", null, true, "app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:10.0-noble", null, true, "app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:9.0", null, true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "1654", true, "root:0,app:1654", "www-data,nobody,ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled-composite", "1654", true, "root,app", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled@" + Sha256, "1654", true, "app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:9.0-noble-chiseled-extra", "1654", true, "root,app:1654", "ubuntu,nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", "1654", true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/nightly/aspnet:11.0-resolute-chiseled", "1654", true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-azurelinux3.0-distroless", "1654", true, "root,app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:9.0-azurelinux3.0-distroless-extra", "1654", true, "app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-azurelinux3.0", null, false, "root,app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-cbl-mariner2.0-distroless", "1654", false, "app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:8.0-alpine", null, true, "app:1654,cron,nobody", "squid,www-data", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:8.0-alpine3.19", null, true, "app:1654,squid", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-alpine3.20-composite", null, true, "app:1654", "squid", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-alpine3.15", null, false, "app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/nightly/sdk:10.0-noble", null, true, "app:1654,ubuntu", "", "APP_UID=1654")]
    [TestCase("MCR.Microsoft.com/dotnet/aspnet:8.0", null, true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:8.0.404-jammy-arm64v8", null, true, "app:1654", "ubuntu", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.22", null, true, "app:1654,cron", "squid", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless", "1654", true, "root,app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled-extra-amd64", "1654", true, "app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:9.0-trixie-slim", null, true, "app:1654,www-data", "ubuntu", "APP_UID=1654")]
    // Before .NET 8: no app user, no APP_UID
    [TestCase("mcr.microsoft.com/dotnet/aspnet:6.0", null, true, "root,www-data,gnats", "app,ubuntu", "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:7.0", null, true, "root", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:7.0-bookworm-slim", null, true, "root,www-data", "app,gnats", "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:6.0-jammy", null, true, "root", "app,ubuntu", "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:6.0-alpine", null, true, "root,cron", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/core/aspnet:3.1", null, true, "root", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:5.0-focal", null, false, "root", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:7.0-jammy-chiseled", "1654", true, "root,app:1654", "nobody", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:6.0-cbl-mariner2.0-distroless", "app", false, "app:101", "", "")]
    // Windows
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022", "ContainerUser", true, "ContainerUser,ContainerAdministrator", "app,root", "")]
    [TestCase("mcr.microsoft.com/dotnet/runtime:6.0-nanoserver-1809", "ContainerUser", true, "ContainerUser", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/sdk:9.0-windowsservercore-ltsc2022", "ContainerAdministrator", false, "ContainerAdministrator", "app", "")]
    // OS images
    [TestCase("debian:bookworm-slim", null, true, "root:0,www-data:33,_apt:42,nobody:65534", "gnats,ubuntu", "")]
    [TestCase("debian:12", null, true, "www-data:33", "gnats", "")]
    [TestCase("debian", null, true, "www-data:33", "gnats", "")]
    [TestCase("debian:bullseye", null, true, "gnats:41,www-data:33", "", "")]
    [TestCase("debian:sid", null, false, "root", "", "")]
    [TestCase("ubuntu:22.04", null, true, "root,www-data", "ubuntu", "")]
    [TestCase("ubuntu:jammy-20240911", null, true, "root", "ubuntu", "")]
    [TestCase("ubuntu:24.04", null, true, "ubuntu:1000,www-data", "", "")]
    [TestCase("ubuntu:noble", null, true, "ubuntu:1000", "", "")]
    [TestCase("ubuntu", null, true, "ubuntu:1000", "", "")]
    [TestCase("ubuntu:20.04", null, false, "root", "", "")]
    [TestCase("alpine", null, true, "root,nobody,guest,ntp", "squid,www-data,ubuntu", "")]
    [TestCase("alpine:3.21.2", null, true, "cron", "squid,adm", "")]
    [TestCase("alpine:3.19", null, true, "squid,adm,operator", "", "")]
    [TestCase("alpine:3.14", null, false, "root", "", "")]
    [TestCase("busybox:1.36", null, true, "root,operator,www-data", "nobody2", "")]
    [TestCase("fedora:40", null, false, "root,nobody", "", "")]
    [TestCase("registry.access.redhat.com/ubi9/ubi-minimal:9.4", null, false, "root,nobody", "", "")]
    [TestCase("registry.access.redhat.com/ubi9", null, false, "root", "", "")]
    [TestCase("scratch", null, true, "", "root,nobody", "")]
    // Application images
    [TestCase("node:20", null, true, "node:1000,www-data:33,root", "ubuntu", "")]
    [TestCase("node:20-alpine", null, true, "node:1000,root,cron,nobody", "www-data,squid", "")]
    [TestCase("node:18-alpine3.18", null, true, "node:1000,squid", "", "")]
    [TestCase("node:20-bookworm-slim", null, true, "node:1000,_apt", "gnats", "")]
    [TestCase("node:16-bullseye", null, true, "node:1000,gnats", "", "")]
    [TestCase("node:lts-alpine", null, true, "node:1000,cron", "squid", "")]
    [TestCase("node:hydrogen-alpine3.19", null, true, "node:1000,squid", "", "")]
    [TestCase("node:current-bookworm-slim", null, true, "node:1000", "gnats", "")]
    [TestCase("nginx:stable-alpine-slim", null, true, "nginx:101,cron", "", "")]
    [TestCase("nginx:mainline-alpine3.21-perl", null, true, "nginx:101", "squid", "")]
    [TestCase("redis:alpine", null, true, "redis:999", "", "")]
    [TestCase("python:3.13-slim-trixie", null, true, "www-data", "gnats", "")]
    [TestCase("golang:alpine", null, true, "cron", "", "")]
    [TestCase("php:8.3-fpm-alpine3.20", null, true, "www-data:82,cron", "squid", "")]
    [TestCase("busybox:musl", null, true, "operator", "", "")]
    [TestCase("docker.io/library/node:lts", null, true, "node:1000", "", "")]
    [TestCase("nginx", null, true, "nginx:101,www-data", "", "")]
    [TestCase("index.docker.io/library/nginx:1.27-alpine", null, true, "nginx:101,cron", "www-data", "")]
    [TestCase("nginxinc/nginx-unprivileged:alpine", "101", true, "nginx:101", "", "")]
    [TestCase("nginxinc/nginx-unprivileged:1.27-bookworm", "101", true, "nginx:101,www-data", "", "")]
    [TestCase("httpd:2.4", null, true, "www-data:33", "", "")]
    [TestCase("php:8.3-fpm-alpine", null, true, "www-data:82", "", "")]
    [TestCase("php:8.3-apache", null, true, "www-data:33", "", "")]
    [TestCase("postgres:16", null, true, "postgres:999", "", "")]
    [TestCase("postgres:16-alpine3.20", null, true, "postgres:70", "squid", "")]
    [TestCase("redis:7-alpine", null, true, "redis:999", "", "")]
    [TestCase("redis:7.2", null, true, "redis:999", "", "")]
    [TestCase("mongo:7.0-jammy", null, true, "mongodb:999", "ubuntu", "")]
    [TestCase("mongo:8.0-noble", null, true, "mongodb:999,ubuntu:1000", "", "")]
    [TestCase("mongo:8", null, true, "mongodb:999", "", "")]
    [TestCase("mysql:8.4", null, false, "mysql:999", "", "")]
    [TestCase("mysql:8.0-debian", null, true, "mysql:999,www-data", "", "")]
    [TestCase("rabbitmq:3-management-alpine", null, true, "rabbitmq:100", "", "")]
    [TestCase("rabbitmq:4", null, true, "rabbitmq:999", "", "")]
    [TestCase("python:3.12", null, true, "root,www-data", "ubuntu,python", "")]
    [TestCase("python:3.12-slim-bookworm", null, true, "www-data", "gnats", "")]
    [TestCase("python:3.12-alpine", null, true, "root,cron", "www-data", "")]
    [TestCase("golang:1.22-alpine3.19", null, true, "squid", "", "")]
    [TestCase("ruby:3.3", null, true, "www-data", "", "")]
    [TestCase("eclipse-temurin:21-jre-jammy", null, true, "root", "ubuntu", "")]
    [TestCase("eclipse-temurin:21", null, true, "root", "", "")]
    [TestCase("eclipse-temurin:21-jdk-ubi9-minimal", null, false, "root", "", "")]
    [TestCase("eclipse-temurin:21-jdk-alpine", null, true, "cron", "", "")]
    [TestCase("tomcat:10.1-jdk21-temurin-noble", null, true, "ubuntu:1000", "", "")]
    [TestCase("traefik:v3.1", null, false, "root", "", "")]
    [TestCase("caddy:2-alpine", null, true, "cron", "", "")]
    [TestCase("elasticsearch:8.15.0", "1000:0", false, "elasticsearch:1000", "", "")]
    [TestCase("docker.elastic.co/elasticsearch/elasticsearch:9.0.0", "1000:0", false, "elasticsearch:1000", "", "")]
    [TestCase("grafana/grafana:11.2.0", "472", false, "grafana:472", "", "")]
    [TestCase("bitnami/postgresql:16", "1001", false, "root", "", "")]
    [TestCase("registry.access.redhat.com/ubi9/python-311", "1001", false, "default:1001,root", "", "")]
    [TestCase("quay.io/sclorg/nodejs-20-c9s", "1001", false, "default:1001", "", "")]
    [TestCase("gcr.io/distroless/static-debian12", null, true, "root:0,nonroot:65532,nobody:65534", "app", "")]
    [TestCase("gcr.io/distroless/static-debian12:nonroot", "65532", true, "root:0,nonroot:65532,nobody:65534", "", "")]
    [TestCase("gcr.io/distroless/base-debian12:debug-nonroot", "65532", true, "nonroot:65532", "", "")]
    [TestCase("gcr.io/distroless/java21-debian12:debug", null, true, "nonroot:65532", "", "")]
    [TestCase("gcr.io/distroless/static:nonroot-arm64", "65532", true, "nonroot", "", "")]
    [TestCase("cgr.dev/chainguard/static:latest", "65532", false, "nonroot:65532", "", "")]
    [TestCase("cgr.dev/chainguard/wolfi-base", null, false, "nonroot:65532", "", "")]
    public void Knows_the_image(string image, string? runsAs, bool accountsKnown, string present, string absent, string env) =>
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);

    [TestCase("contoso.azurecr.io/x")]
    [TestCase("contoso.azurecr.io/platform/runtime:1.0")]
    [TestCase("mcr.microsoft.com/dotnet/monitor:8")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:2.1")]
    [TestCase("myorg/node:20")]
    [TestCase("ghcr.io/nodejs/node:20")]
    [TestCase("elasticsearch:7.17.0")]
    [TestCase("python:3.12-windowsservercore-ltsc2022")]
    [TestCase("golang:1.22-nanoserver-ltsc2022")]
    [TestCase("mongo:7.0-windowsservercore-ltsc2022")]
    [TestCase("mcr.microsoft.com/dotnet/runtime-deps:6.0-cbl-mariner1.0-distroless")]
    public void Does_not_know_the_image(string image)
    {
        Assert.That(ImageReference.TryParse(image, out var reference, out var error), Is.True, error);
        Assert.That(BaseImageCatalog.BuiltIn.Find(reference!), Is.Null);
    }

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022", true)]
    [TestCase("mcr.microsoft.com/dotnet/sdk:9.0-windowsservercore-ltsc2022", true)]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", false)]
    [TestCase("node:20", false)]
    [TestCase("scratch", false)]
    public void Marks_windows_images(string image, bool isWindows) =>
        Assert.That(Find(image).IsWindows, Is.EqualTo(isWindows));

    // image, groups that must be present ("name" or "name:gid"), groups that must be absent
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "app:1654,root:0,www-data:33,nogroup", "ubuntu")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "root:0,app:1654", "nogroup,www-data")]
    [TestCase("mcr.microsoft.com/dotnet/aspnet:6.0", "root", "app")]
    [TestCase("ubuntu:24.04", "ubuntu:1000,sudo", "")]
    [TestCase("ubuntu:22.04", "sudo", "ubuntu")]
    [TestCase("alpine", "wheel,www-data:82,ping:999,nogroup:65533,nobody", "sudo")]
    [TestCase("redis:7-alpine", "redis:1000", "")]
    [TestCase("redis:7", "redis:999", "")]
    [TestCase("rabbitmq:3-alpine", "rabbitmq:101", "")]
    [TestCase("node:20", "node:1000,staff", "")]
    [TestCase("busybox", "lock,netdev,wheel", "sudo")]
    [TestCase("gcr.io/distroless/static-debian12:nonroot", "root:0,tty:5,staff:50,nonroot:65532,nobody:65534", "app")]
    [TestCase("scratch", "", "root")]
    public void Knows_the_groups(string image, string present, string absent)
    {
        var info = Find(image);
        Assert.Multiple(() =>
        {
            foreach (var expected in List(present))
            {
                var name = expected.Split(':')[0];
                var group = info.Groups.FirstOrDefault(g => g.Name == name);
                Assert.That(group, Is.Not.Null, $"group {name} should be present");
                if (group is not null && expected.Contains(':'))
                {
                    Assert.That(group.Gid, Is.EqualTo(int.Parse(expected.Split(':')[1], CultureInfo.InvariantCulture)), $"gid of {name}");
                }
            }

            foreach (var name in List(absent))
            {
                Assert.That(info.Groups.Select(g => g.Name), Does.Not.Contain(name), $"group {name} should be absent");
            }
        });
    }

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled", "mcr.microsoft.com/dotnet/aspnet:{8,9,10,11}.0*-{jammy,noble,resolute}-chiseled*", "mcr.microsoft.com/dotnet/aspnet:8.0*-jammy-chiseled*")]
    [TestCase("node:20-alpine3.18", "node:*alpine3.{16,17,18,19}*", "node:*alpine3.18*")]
    [TestCase("scratch", "scratch", "scratch")]
    public void Reports_the_matching_pattern(string image, string writtenAs, string expanded)
    {
        _ = writtenAs; // The data row as written; each alternative is its own entry, named by its expansion.
        Assert.That(Find(image).Pattern, Is.EqualTo(expanded));
    }

    [TestCase("mcr.microsoft.com/dotnet/aspnet:8.0", "dotnet/dotnet-docker@3ed00b611c")]
    [TestCase("node:20", "nodejs/docker-node@f27d936f7d")]
    [TestCase("node:20", "Debian 12/13 base-passwd")]
    [TestCase("gcr.io/distroless/static-debian12:nonroot", "GoogleContainerTools/distroless@cd080764af")]
    [TestCase("debian:bullseye", "NOT in research/base-images.md")]
    public void Cites_its_sources(string image, string citation) =>
        Assert.That(Find(image).Source, Does.Contain(citation));

    [Test]
    public void Finds_by_string_too()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BaseImageCatalog.BuiltIn.Find("node:20")?.Users.Select(u => u.Name), Does.Contain("node"));
            Assert.That(BaseImageCatalog.BuiltIn.Find("Not A Reference"), Is.Null);
            Assert.That(BaseImageCatalog.BuiltIn.Find((string)null!), Is.Null);
            Assert.That(BaseImageCatalog.BuiltIn.Find((ImageReference)null!), Is.Null);
        });
    }

    [Test]
    public void Digest_only_references_match_rows_without_a_tag_constraint()
    {
        Assert.Multiple(() =>
        {
            // "node" (any tag) applies; a tag-specific row such as alpine's "latest" cannot.
            Assert.That(Find("node@" + Sha256).Users.Select(u => u.Name), Does.Contain("node"));
            Assert.That(Find("alpine@" + Sha256).AccountsKnown, Is.False);
            Assert.That(Find("gcr.io/distroless/static@" + Sha256).DefaultUser, Is.Null);
        });
    }

    [Test]
    public void Is_the_same_instance_every_time()
    {
        var first = BaseImageCatalog.BuiltIn;
        Assert.That(BaseImageCatalog.BuiltIn, Is.SameAs(first));
    }

    [Test]
    public void Loads_once_under_concurrent_first_use()
    {
        var found = new BaseImageInfo?[16];
        Parallel.For(0, found.Length, i => found[i] = BaseImageCatalog.BuiltIn.Find("mcr.microsoft.com/dotnet/aspnet:8.0"));
        Assert.That(found, Has.All.Not.Null);
    }

    private static BaseImageInfo Find(string image) => CatalogAssertions.Find(image);

    private static IEnumerable<string> List(string commaSeparated) => CatalogAssertions.List(commaSeparated);
}
