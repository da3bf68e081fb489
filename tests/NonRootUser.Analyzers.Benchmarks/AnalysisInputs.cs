using System.Text;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>One or more Dockerfiles measured together (a corpus is many small files, a generated input one big file).</summary>
public sealed record AnalysisInput(string Name, IReadOnlyList<string> Files)
{
    public long Bytes { get; } = Files.Sum(file => (long)Encoding.UTF8.GetByteCount(file));

    public override string ToString() => Name;
}

/// <summary>
/// What parse+analyse is measured on: BuildKit's corpus, realistic .NET Dockerfiles (the typical ≤ 4 KB file a
/// build analyses), and generated Dockerfiles of 1 KB, 100 KB and 10 MB to show how the cost scales.
/// </summary>
public static class AnalysisInputs
{
    /// <summary>The sizes of the generated inputs; throughput should not depend on them.</summary>
    public static readonly int[] GeneratedSizes = { 1_000, 100_000, 10_000_000 };

    public static IReadOnlyList<AnalysisInput> All() =>
        new[] { Corpus(), Realistic() }
            .Concat(RealisticSamples.Select(sample => new AnalysisInput("realistic/" + sample.Name, new[] { sample.Text })))
            .Concat(GeneratedSizes.Select(Generated))
            .ToList();

    public static AnalysisInput Corpus()
    {
        var texts = BenchmarkInputs.CorpusTexts();
        return new AnalysisInput($"buildkit-corpus ({texts.Count} files)", texts);
    }

    public static AnalysisInput Realistic() =>
        new($"realistic ({RealisticSamples.Length} files)", RealisticSamples.Select(sample => sample.Text).ToList());

    public static AnalysisInput Generated(int approximateBytes)
    {
        var input = BenchmarkInputs.Generated(approximateBytes);
        return new AnalysisInput(input.Name, input.Files);
    }

    /// <summary>Dockerfiles like the ones users of the package write (each well under 4 KB).</summary>
    public static readonly (string Name, string Text)[] RealisticSamples =
    {
        ("vs-template", """
            # See https://aka.ms/customizecontainer to learn how to customize your debug container.
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
            USER $APP_UID
            WORKDIR /app
            EXPOSE 8080
            EXPOSE 8081

            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            ARG BUILD_CONFIGURATION=Release
            WORKDIR /src
            COPY ["WebApplication1/WebApplication1.csproj", "WebApplication1/"]
            RUN dotnet restore "./WebApplication1/WebApplication1.csproj"
            COPY . .
            WORKDIR "/src/WebApplication1"
            RUN dotnet build "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/build

            FROM build AS publish
            ARG BUILD_CONFIGURATION=Release
            RUN dotnet publish "./WebApplication1.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

            FROM base AS final
            WORKDIR /app
            COPY --from=publish /app/publish .
            ENTRYPOINT ["dotnet", "WebApplication1.dll"]

            """),
        ("dotnet-docker-alpine", """
            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0-alpine AS build
            ARG TARGETARCH
            WORKDIR /source
            COPY --link aspnetapp/*.csproj .
            RUN dotnet restore -a $TARGETARCH
            COPY --link aspnetapp/. .
            RUN dotnet publish -a $TARGETARCH --no-restore -o /app

            FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine
            EXPOSE 8080
            WORKDIR /app
            COPY --link --from=build /app .
            USER $APP_UID
            ENTRYPOINT ["./aspnetapp"]

            """),
        ("alpine-adduser", """
            FROM alpine:3.20
            RUN apk add --no-cache icu-libs \
             && addgroup -S -g 10001 app \
             && adduser -S -D -u 10001 -G app -h /home/app app
            COPY --chown=app:app ./out /app
            ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
                HOME=/home/app
            USER app:app
            CMD ["/app/MyService"]

            """),
        ("debian-heredoc", """
            # syntax=docker/dockerfile:1
            ARG UID=10001
            FROM debian:bookworm-slim AS runtime
            ARG UID
            RUN <<EOF
            set -eux
            apt-get update
            apt-get install -y --no-install-recommends ca-certificates libicu72
            rm -rf /var/lib/apt/lists/*
            groupadd --gid ${UID} app
            useradd --uid ${UID} --gid app --create-home --shell /usr/sbin/nologin app
            EOF
            COPY --chown=${UID}:${UID} ./publish /app
            USER ${UID}:${UID}
            ENTRYPOINT ["/app/Service"]

            """),
        ("windows-nanoserver", """
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

            """),
    };
}
