namespace NonRootUser.Analyzers.TestData;

/// <summary>
/// Dockerfiles shaped like the ones .NET teams write (Visual Studio's template, dotnet-docker samples, Alpine,
/// Debian heredocs, Windows): the fuzzer's seeds and the benchmarks' realistic inputs. Linked into both projects.
/// </summary>
internal static class RealisticDockerfiles
{
    /// <summary>Visual Studio's container template (fast mode base stage, build, publish, final).</summary>
    public const string VisualStudioTemplate = """
        # See https://aka.ms/customizecontainer to learn how to customize your debug container.

        # This stage is used when running from VS in fast mode (Default for Debug configuration)
        FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
        USER $APP_UID
        WORKDIR /app
        EXPOSE 8080
        EXPOSE 8081


        # This stage is used to build the service project
        FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
        ARG BUILD_CONFIGURATION=Release
        WORKDIR /src
        COPY ["WebApplication1/WebApplication1.csproj", "WebApplication1/"]
        RUN dotnet restore "./WebApplication1/WebApplication1.csproj"
        COPY . .
        WORKDIR "/src/WebApplication1"
        RUN dotnet build "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/build

        # This stage is used to publish the service project to be copied to the final stage
        FROM build AS publish
        ARG BUILD_CONFIGURATION=Release
        RUN dotnet publish "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

        # This stage is used in production or when running from VS in regular mode
        FROM base AS final
        WORKDIR /app
        COPY --from=publish /app/publish .
        ENTRYPOINT ["dotnet", "WebApplication1.dll"]

        """;

    /// <summary>A dotnet-docker style sample: cross-compiled SDK stage, Alpine runtime, the image's own app user.</summary>
    public const string DotnetDockerAlpineSample = """
        # Learn about building .NET container images:
        # https://github.com/dotnet/dotnet-docker/blob/main/samples/README.md
        FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build
        ARG TARGETARCH
        WORKDIR /source

        # Copy project file and restore as distinct layers
        COPY --link aspnetapp/*.csproj .
        RUN dotnet restore -a $TARGETARCH

        # Copy source code and publish app
        COPY --link aspnetapp/. .
        RUN dotnet publish -a $TARGETARCH --no-restore -o /app


        # Runtime stage
        FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine
        EXPOSE 8080
        WORKDIR /app
        COPY --link --from=build /app .
        USER $APP_UID
        ENTRYPOINT ["./aspnetapp"]

        """;

    /// <summary>A chiseled (distroless) runtime with a self-contained app and a numeric user.</summary>
    public const string ChiseledSample = """
        FROM mcr.microsoft.com/dotnet/sdk:8.0-jammy AS build
        WORKDIR /source
        COPY . .
        RUN dotnet publish --self-contained -r linux-x64 -o /app \
            -p:PublishTrimmed=true \
            -p:InvariantGlobalization=true

        FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled
        WORKDIR /app
        COPY --from=build /app .
        USER 1654:1654
        ENTRYPOINT ["./app"]

        """;

    /// <summary>Plain Alpine: the user is created with BusyBox adduser.</summary>
    public const string AlpineAdduser = """
        FROM alpine:3.20
        RUN apk add --no-cache icu-libs \
         && addgroup -S -g 10001 app \
         && adduser -S -D -u 10001 -G app -h /home/app app
        COPY --chown=app:app ./out /app
        ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
            HOME=/home/app
        USER app:app
        CMD ["/app/MyService"]

        """;

    /// <summary>Debian with a heredoc RUN and an ARG-driven uid.</summary>
    public const string DebianHeredoc = """
        # syntax=docker/dockerfile:1
        ARG UID=10001
        FROM debian:bookworm-slim AS runtime
        ARG UID
        RUN <<EOF
        set -eux
        groupadd --gid ${UID} app
        useradd --uid ${UID} --gid app --create-home --shell /usr/sbin/nologin app
        EOF
        COPY <<-"EOT" /etc/motd
        	hello from ${UID}
        	EOT
        USER ${UID}:${UID}

        """;

    /// <summary>Windows Nano Server with the backtick escape, as Windows samples are written.</summary>
    public const string WindowsNanoServer = """
        # escape=`
        FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022 AS build
        WORKDIR C:\source
        COPY . .
        RUN dotnet publish -c Release -o C:\app `
            --no-self-contained

        FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
        WORKDIR C:\app
        COPY --from=build C:\app .
        USER ContainerUser
        ENTRYPOINT ["dotnet", "aspnetapp.dll"]

        """;

    /// <summary>Windows Server Core with PowerShell and a local account created by <c>net user</c>.</summary>
    public const string WindowsServerCore = """
        # escape=`
        FROM mcr.microsoft.com/windows/servercore:ltsc2022
        SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
        RUN net user /add appuser; `
            net localgroup Users appuser /add
        USER appuser
        ENTRYPOINT ["C:\\app\\service.exe"]

        """;

    /// <summary>ARGs before FROM, a variable base image, a temporary switch to root and an ONBUILD trigger.</summary>
    public const string ArgsAndRootSwitch = """
        ARG DOTNET_VERSION=8.0
        ARG BASE=mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
        FROM ${BASE} AS runtime
        ENV APP_HOME=/app \
            ASPNETCORE_URLS=http://+:8080
        USER root
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        USER app
        HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/health || exit 1
        ONBUILD USER root

        """;
}
