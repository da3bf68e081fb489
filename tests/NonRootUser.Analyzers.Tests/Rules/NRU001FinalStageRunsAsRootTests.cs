using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU001FinalStageRunsAsRootTests
{
    private static void Verify(string markup, AnalysisOptions? options = null) =>
        RuleAssert.Verify(RuleIdentifiers.FinalStageRunsAsRoot, markup, options);

    [TestCase("[|FROM mcr.microsoft.com/dotnet/aspnet:8.0|]\nCOPY . /app\nENTRYPOINT [\"dotnet\", \"app.dll\"]\n", TestName = "aspnet 8.0 without USER")]
    [TestCase("[|FROM ubuntu:24.04|]\nRUN apt-get update\n", TestName = "ubuntu without USER")]
    [TestCase("[|FROM scratch|]\nCOPY app /app\nENTRYPOINT [\"/app\"]\n", TestName = "scratch without USER")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\n[|FROM scratch AS export|]\nCOPY --from=build /out /\n", TestName = "scratch without a program still runs as root")]
    [TestCase("[|FROM mcr.microsoft.com/windows/servercore-unknown:ltsc2022|]\n", TestName = "an unknown Windows image")]
    [TestCase("[|FROM contoso.azurecr.io/platform/runtime:2.3|]\n", TestName = "unknown image without USER")]
    [TestCase("[|FROM gcr.io/distroless/static-debian12|]\n", TestName = "distroless without nonroot tag")]
    [TestCase("[|from node:20-alpine|]\nrun npm ci\n", TestName = "lower-case keywords")]
    [TestCase("[|FROM mcr.microsoft.com/dotnet/runtime:8.0-windowsservercore-ltsc2022|]\n", TestName = "windows servercore")]
    [TestCase("[|FROM mcr.microsoft.com/dotnet/aspnet:8.0|]\nONBUILD USER app\n", TestName = "ONBUILD USER does not apply")]
    [TestCase("[|FROM mcr.microsoft.com/dotnet/aspnet:8.0|]\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", TestName = "HEALTHCHECK is no USER")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nUSER app\nRUN dotnet publish -o /out\n[|FROM mcr.microsoft.com/dotnet/aspnet:8.0|]\nCOPY --from=build /out /app\n", TestName = "USER in a builder stage does not apply to the final stage")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nWORKDIR /app\nEXPOSE 8080\n\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet build\n\nFROM build AS publish\nRUN dotnet publish -o /app/publish\n\n[|FROM base AS final|]\nWORKDIR /app\nCOPY --from=publish /app/publish .\n", TestName = "Visual Studio template without USER")]
    [TestCase("ARG BASE\n[|FROM ${BASE}|]\n", TestName = "unresolved base image")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nFROM base AS middle\n[|FROM middle AS final|]\n", TestName = "a chain of stages without USER")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS final\nUSER $APP_UID\n[|FROM redis:7|]\n", TestName = "only the last stage counts")]
    [TestCase("[|FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build|]\n", TestName = "FROM with platform flag")]
    [TestCase("[|FROM mcr.microsoft.com/dotnet/aspnet:8.0 \\\n    AS final|]\n", TestName = "FROM spanning a continuation")]
    public void Reports_a_stage_without_USER_on_a_root_base_image(string markup) => Verify(markup);

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n", TestName = "USER $APP_UID")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nUSER app\nWORKDIR /app\n\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet build\n\nFROM build AS publish\nRUN dotnet publish -o /app/publish\n\nFROM base AS final\nWORKDIR /app\nCOPY --from=publish /app/publish .\n", TestName = "Visual Studio template with USER app in base")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:9.0 AS base\nUSER $APP_UID\nFROM base AS final\n", TestName = "Visual Studio template with USER $APP_UID in base")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\nCOPY --from=build /out /app\n", TestName = "chiseled image without USER")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra\n", TestName = "noble chiseled extra")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0-distroless\n", TestName = "azure linux distroless")]
    [TestCase("FROM gcr.io/distroless/static-debian12:nonroot\n", TestName = "distroless nonroot")]
    [TestCase("FROM nginxinc/nginx-unprivileged:alpine\n", TestName = "nginx unprivileged")]
    [TestCase("FROM cgr.dev/chainguard/static:latest\n", TestName = "chainguard")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n", TestName = "windows nanoserver")]
    [TestCase("FROM bitnami/nginx:1.27\n", TestName = "bitnami")]
    [TestCase("ARG BASE=mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nFROM ${BASE}\n", TestName = "global ARG in FROM")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER ${MISSING}\n", TestName = "unresolved USER is NRU005's finding")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER root\n", TestName = "USER root is NRU002's finding")]
    public void Stays_silent_when_a_USER_applies_or_the_image_is_non_root(string markup) => Verify(markup);

    [Test]
    public void The_message_for_a_Windows_image_suggests_ContainerUser() =>
        Assert.That(RuleAssert.Messages(RuleIdentifiers.FinalStageRunsAsRoot, "FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\n").Single(), Does.Contain("USER ContainerUser"));

    [Test]
    public void A_build_argument_can_choose_a_non_root_base()
    {
        var options = new AnalysisOptions { BuildArguments = new Dictionary<string, string> { ["BASE"] = "gcr.io/distroless/base-debian12:nonroot" } };
        Verify("ARG BASE=ubuntu:24.04\nFROM ${BASE}\n", options);
        Verify("ARG BASE=ubuntu:24.04\n[|FROM ${BASE}|]\n");
    }

    [Test]
    public void The_target_stage_is_analysed_instead_of_the_last()
    {
        var options = new AnalysisOptions { TargetStage = "runtime" };
        Verify("[|FROM ubuntu:24.04 AS runtime|]\nFROM gcr.io/distroless/static-debian12:nonroot AS release\n", options);
        Verify("FROM ubuntu:24.04 AS runtime\nUSER ubuntu\n[|FROM ubuntu:24.04 AS release|]\n");
        Verify("FROM ubuntu:24.04 AS runtime\nUSER ubuntu\nFROM ubuntu:24.04 AS release\n", options);
    }

    [Test]
    public void The_message_names_the_image_and_the_account_it_already_has()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.FinalStageRunsAsRoot, "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n").Single();
        Assert.That(message, Does.Contain("mcr.microsoft.com/dotnet/aspnet:8.0"));
        Assert.That(message, Does.Contain("USER $APP_UID"));
        Assert.That(message, Does.Contain("1654"));
    }

    [Test]
    public void The_message_for_an_unknown_image_says_how_to_declare_it()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.FinalStageRunsAsRoot, "FROM contoso.azurecr.io/platform/runtime:2.3\n").Single();
        Assert.That(message, Does.Contain("not known"));
        Assert.That(message, Does.Contain("<NonRootUserBaseImage Include=\"contoso.azurecr.io/platform/runtime\""));
    }

    [Test]
    public void The_message_for_node_suggests_its_node_user()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.FinalStageRunsAsRoot, "FROM node:20\n").Single();
        Assert.That(message, Does.Contain("USER node"));
    }
}
