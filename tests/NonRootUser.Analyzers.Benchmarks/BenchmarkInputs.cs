using System.Text;

namespace NonRootUser.Analyzers.Benchmarks;

/// <summary>Named Dockerfiles to parse (one, or a set of small ones).</summary>
public sealed record BenchmarkInput(string Name, IReadOnlyList<string> Files)
{
    public long Bytes { get; } = Files.Sum(file => (long)Encoding.UTF8.GetByteCount(file));

    public override string ToString() => Name;
}

/// <summary>The inputs parsed: BuildKit's corpus files and generated Dockerfiles of 1 KB, 100 KB and 10 MB.</summary>
public static class BenchmarkInputs
{
    public static IReadOnlyList<BenchmarkInput> All() =>
        new[] { CorpusFiles() }
            .Concat(new[] { 1_000, 100_000, 10_000_000 }.Select(Generated))
            .ToList();

    /// <summary>All of BuildKit's parser test Dockerfiles, as one input of many small files.</summary>
    public static BenchmarkInput CorpusFiles()
    {
        var texts = CorpusTexts();
        return new BenchmarkInput($"corpus {texts.Count} files", texts);
    }

    public static IReadOnlyList<string> CorpusTexts()
    {
        var parser = Path.Combine(LocateCorpus(), "parser");
        return Directory.GetDirectories(parser)
            .Where(folder => File.Exists(Path.Combine(folder, "result")))
            .OrderBy(folder => folder, StringComparer.Ordinal)
            .Select(folder => File.ReadAllText(Path.Combine(folder, "Dockerfile")))
            .ToList();
    }

    public static BenchmarkInput Generated(int approximateBytes) =>
        new(approximateBytes switch
        {
            >= 1_000_000 => $"generated {approximateBytes / 1_000_000} MB",
            >= 1_000 => $"generated {approximateBytes / 1_000} KB",
            _ => $"generated {approximateBytes} B",
        }, new[] { DockerfileGenerator.Generate(approximateBytes) });

    private static string LocateCorpus()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NonRootUser.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        // BenchmarkDotNet runs a copy of this program from a generated folder: fall back to the working directory.
        directory ??= new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NonRootUser.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("Run from inside the repository: NonRootUser.Analyzers.sln not found.")
            : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpus", "buildkit"));
    }
}

/// <summary>Deterministic, realistic Dockerfiles: stages, continuations, ENV/LABEL pairs, JSON forms, comments, heredocs.</summary>
public static class DockerfileGenerator
{
    private static readonly string[] Blocks =
    {
        "# syntax-like comment that is not a directive\nFROM mcr.microsoft.com/dotnet/sdk:8.0 AS build{0}\nWORKDIR /src\n",
        "COPY --from=base --chown=app:app [\"src/App.csproj\", \"src/\"]\nRUN dotnet restore \"src/App.csproj\"\n",
        "RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl ca-certificates git \\\n    # keep the image small\n    && rm -rf /var/lib/apt/lists/*\n",
        "ENV ASPNETCORE_URLS=http://+:8080 DOTNET_RUNNING_IN_CONTAINER=true NAME_{0}=\"value with spaces\"\nLABEL org.opencontainers.image.source=\"https://example.com/repo\" version=1.{0}\n",
        "ARG VERSION_{0}=1.0.{0}\nARG TARGETARCH\nEXPOSE 8080/tcp 8443\nVOLUME [\"/data\", \"/logs\"]\n",
        "RUN <<EOF\nset -eu\ngroupadd --system app\nuseradd --system --gid app --home /app app\nEOF\n",
        "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8080/health || exit 1\nSTOPSIGNAL SIGTERM\n",
        "USER app:app\nENTRYPOINT [\"dotnet\", \"App.dll\"]\nCMD [\"--urls\", \"http://+:8080\"]\n",
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine AS final{0}\nCOPY --from=build /app/publish /app\nENV PATH /usr/local/bin:$PATH\nONBUILD RUN echo rebuilt\n\n",
    };

    public static string Generate(int approximateBytes)
    {
        var builder = new StringBuilder(approximateBytes + 1024);
        var index = 0;
        while (builder.Length < approximateBytes)
        {
            builder.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Blocks[index % Blocks.Length], index);
            index++;
        }

        return builder.ToString();
    }
}
