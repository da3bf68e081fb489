using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tests.Knowledge;

/// <summary>
/// Images a real-world run found missing or wrong in the built-in knowledge base, one table per fix. Columns as in
/// <see cref="CatalogAssertions.Knows"/>: image, the user it runs as (null = root), whether its accounts are known,
/// users that must be present ("name" or "name:uid"), users that must be absent, and the exact ENV ("" = none).
/// </summary>
public class KnowledgeGapTests
{
    // Windows base images and the images built on them.
    [TestCase("mcr.microsoft.com/windows/nanoserver:ltsc2022", "ContainerUser", true, "ContainerUser,ContainerAdministrator", "root,app", "")]
    [TestCase("mcr.microsoft.com/windows/nanoserver:1809", "ContainerUser", true, "ContainerUser", "", "")]
    [TestCase("mcr.microsoft.com/windows/nanoserver:ltsc2025-amd64", "ContainerUser", true, "ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/windows/nanoserver:sac2016", "ContainerAdministrator", true, "ContainerUser", "", "")]
    [TestCase("microsoft/nanoserver", "ContainerAdministrator", true, "ContainerUser,ContainerAdministrator", "", "")]
    [TestCase("microsoft/nanoserver:10.0.14393.2007", "ContainerAdministrator", true, "ContainerUser", "", "")]
    [TestCase("microsoft/nanoserver:1709", "ContainerUser", true, "ContainerAdministrator", "", "")]
    [TestCase("microsoft/nanoserver:1803_KB4338819", "ContainerUser", true, "ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/windows/servercore:ltsc2022", "ContainerAdministrator", false, "ContainerAdministrator,ContainerUser,Administrator", "root", "")]
    [TestCase("mcr.microsoft.com/windows/servercore/iis", "ContainerAdministrator", false, "ContainerUser", "", "")]
    [TestCase("mcr.microsoft.com/windows/server:ltsc2022", "ContainerAdministrator", false, "ContainerAdministrator,ContainerUser", "", "")]
    [TestCase("mcr.microsoft.com/windows:20H2", "ContainerAdministrator", false, "ContainerAdministrator,ContainerUser", "", "")]
    [TestCase("microsoft/windowsservercore:ltsc2016", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("microsoft/aspnet:4.7.2", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("microsoft/iis", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("microsoft/dotnet-framework:4.7.2-sdk", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019", "ContainerAdministrator", false, "ContainerAdministrator", "app", "")]
    [TestCase("mcr.microsoft.com/dotnet/framework/runtime:4.8.1", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/powershell:lts-nanoserver-1809", "ContainerUser", true, "ContainerUser,ContainerAdministrator", "", "")]
    [TestCase("mcr.microsoft.com/powershell:7.4-windowsservercore-ltsc2022", "ContainerAdministrator", false, "ContainerAdministrator", "", "")]
    public void Knows_windows_images(string image, string runsAs, bool accountsKnown, string present, string absent, string env)
    {
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);
        Assert.That(CatalogAssertions.Find(image).IsWindows, Is.True, "a Windows image");
    }

    // SQL Server: mssql (10001) from 2019 on, root before.
    [TestCase("mcr.microsoft.com/mssql/server:2019-latest", "mssql", false, "mssql:10001,root:0", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2019-CU27-ubuntu-20.04", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2022-latest", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2025-latest", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:latest", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server", "mssql", false, "mssql:10001", "", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2017-latest", null, false, "root", "mssql", "")]
    [TestCase("mcr.microsoft.com/mssql/server:2017-CU31-ubuntu-18.04", null, false, "root", "", "")]
    [TestCase("microsoft/mssql-server-linux:2017-CU7", null, false, "root", "", "")]
    [TestCase("mcr.microsoft.com/mssql/rhel/server:2022-latest", "mssql", false, "mssql,root,nobody", "", "")]
    [TestCase("mcr.microsoft.com/mssql/rhel/server:2019-CU15-rhel-8", "mssql", false, "mssql", "", "")]
    public void Knows_sql_server_images(string image, string? runsAs, bool accountsKnown, string present, string absent, string env) =>
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);

    // Bitnami: USER 1001 only where the Dockerfile says so; minideb and the runtime images run as root.
    [TestCase("bitnami/minideb:bookworm", null, true, "root:0,www-data:33,_apt:42,nobody:65534", "gnats,ubuntu", "")]
    [TestCase("bitnami/minideb", null, true, "root,www-data", "gnats", "")]
    [TestCase("bitnami/minideb:trixie", null, true, "www-data:33", "", "")]
    [TestCase("bitnami/minideb:bullseye", null, true, "gnats:41", "", "")]
    [TestCase("bitnami/minideb:stretch", null, false, "root", "", "")]
    [TestCase("bitnami/aspnet-core:9", null, false, "root", "", "")]
    [TestCase("bitnami/aspnet-core:8.0.14-debian-12-r0", null, false, "root", "", "")]
    [TestCase("bitnami/dotnet:9", null, false, "root", "", "")]
    [TestCase("bitnami/dotnet-sdk:9.0.300-debian-12-r2", null, false, "root", "", "")]
    [TestCase("bitnami/git:2", null, false, "root", "", "")]
    [TestCase("bitnami/node:22", null, false, "root", "", "")]
    [TestCase("bitnami/python:3.12", null, false, "root", "", "")]
    [TestCase("bitnami/java:21", null, false, "root", "", "")]
    [TestCase("bitnami/golang:1.23", null, false, "root", "", "")]
    [TestCase("bitnami/php-fpm:8.3", null, false, "root", "", "")]
    [TestCase("bitnami/postgresql:17", "1001", false, "root", "", "")]
    [TestCase("docker.io/bitnami/redis:7.4", "1001", false, "root", "", "")]
    [TestCase("bitnami/nginx:1.27", "1001", false, "root", "", "")]
    [TestCase("bitnami/kubectl:1.31", "1001", false, "root", "", "")]
    [TestCase("bitnami/mongodb:8.0", "1001", false, "root", "", "")]
    [TestCase("bitnami/mysql:8.4", "1001", false, "root", "", "")]
    [TestCase("bitnami/mariadb:11.4", "1001", false, "root", "", "")]
    [TestCase("bitnami/rabbitmq:4.0", "1001", false, "root", "", "")]
    [TestCase("bitnami/kafka:3.9", "1001", false, "root", "", "")]
    [TestCase("bitnami/keycloak:26", "1001", false, "root", "", "")]
    public void Knows_bitnami_images(string image, string? runsAs, bool accountsKnown, string present, string absent, string env) =>
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);

    // Jenkins: jenkins 1000 on every Linux variant.
    [TestCase("jenkins/jenkins:lts", "jenkins", true, "jenkins:1000,root:0,www-data", "ubuntu", "")]
    [TestCase("jenkins/jenkins", "jenkins", true, "jenkins:1000", "", "")]
    [TestCase("jenkins/jenkins:2.462.1-jdk17", "jenkins", true, "jenkins:1000,gnats", "", "")]
    [TestCase("jenkins/jenkins:lts-alpine", "jenkins", false, "jenkins:1000,root", "", "")]
    [TestCase("jenkins/jenkins:lts-rhel-ubi9-jdk21", "jenkins", false, "jenkins:1000,root,nobody", "", "")]
    public void Knows_jenkins_images(string image, string? runsAs, bool accountsKnown, string present, string absent, string env) =>
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);

    // Other Microsoft images built on the .NET images.
    [TestCase("mcr.microsoft.com/azure-functions/dotnet:4", null, false, "root", "app", "")]
    [TestCase("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated8.0", null, false, "root,app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated9.0-appservice", null, false, "app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated6.0", null, false, "root", "app", "")]
    [TestCase("mcr.microsoft.com/playwright/dotnet:v1.49.0-noble", null, false, "root,pwuser,app:1654,ubuntu:1000", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/playwright/dotnet:v1.40.0-jammy", null, false, "root,pwuser", "ubuntu", "")]
    [TestCase("mcr.microsoft.com/playwright/dotnet:v1.30.0-focal", null, false, "root,pwuser", "", "")]
    [TestCase("mcr.microsoft.com/devcontainers/base:ubuntu", null, false, "root,vscode", "", "")]
    [TestCase("mcr.microsoft.com/devcontainers/base:bookworm", null, false, "vscode:1000", "", "")]
    [TestCase("mcr.microsoft.com/devcontainers/dotnet:1-8.0-bookworm", null, false, "vscode,app:1654", "", "APP_UID=1654")]
    [TestCase("mcr.microsoft.com/devcontainers/dotnet:6.0", null, false, "vscode", "app", "")]
    [TestCase("mcr.microsoft.com/devcontainers/javascript-node:22", null, false, "root", "vscode", "")]
    public void Knows_other_microsoft_images(string image, string? runsAs, bool accountsKnown, string present, string absent, string env) =>
        CatalogAssertions.Knows(image, runsAs, accountsKnown, present, absent, env);

    // Deliberately unknown: variants and images the sources do not cover.
    [TestCase("bitnami/wordpress:6")]
    [TestCase("bitnami/zookeeper:3.9")]
    [TestCase("mcr.microsoft.com/mssql/server:vNext-CTP2.0-ubuntu")]
    [TestCase("mcr.microsoft.com/powershell:lts-ubuntu-22.04")]
    [TestCase("jenkins/jenkins:lts-windowsservercore-ltsc2019")]
    [TestCase("mcr.microsoft.com/azure-functions/dotnet:3.0-nanoserver-1809")]
    [TestCase("mcr.microsoft.com/dotnet/framework/wcf:4.8")]
    [TestCase("hashicorp/terraform:1.9")]
    public void Leaves_unconfirmed_images_unknown(string image) => CatalogAssertions.IsUnknown(image);

    [TestCase("bitnami/postgresql:17", "bitnami/containers")]
    [TestCase("bitnami/aspnet-core:9", "aspnet-core/9,")]
    [TestCase("bitnami/minideb", "bitnami/minideb mkimage")]
    [TestCase("mcr.microsoft.com/mssql/server:2022-latest", "microsoft/mssql-docker#549")]
    [TestCase("jenkins/jenkins:lts", "jenkinsci/docker")]
    [TestCase("mcr.microsoft.com/windows/nanoserver:ltsc2022", "container-security.md")]
    [TestCase("mcr.microsoft.com/windows/server:ltsc2022", "(unconfirmed)")]
    [TestCase("mcr.microsoft.com/dotnet/framework/sdk:4.8.1", "microsoft/dotnet-framework-docker")]
    [TestCase("mcr.microsoft.com/powershell:lts-nanoserver-1809", "PowerShell/PowerShell-Docker")]
    [TestCase("mcr.microsoft.com/playwright/dotnet:v1.49.0-noble", "microsoft/playwright-dotnet")]
    public void Cites_its_sources(string image, string citation) =>
        Assert.That(CatalogAssertions.Find(image).Source, Does.Contain(citation));
}
