using CsCheck;

namespace NonRootUser.Analyzers.Tests.Fuzzing;

/// <summary>
/// Generates syntactically valid Dockerfiles from a small grammar of the instructions the rules look at (FROM, ARG,
/// ENV, USER, RUN that creates accounts, COPY --from/--chown, ONBUILD), with random line continuations, heredocs and
/// the Windows escape character. Docker's parser accepts every one of them, so the analyzer's parser must too.
/// </summary>
internal static class DockerfileGrammar
{
    private static readonly string[] LinuxImages =
    {
        "alpine", "alpine:3.20", "debian:bookworm-slim", "ubuntu:24.04", "scratch", "busybox", "node:20", "nginx:1.27",
        "mcr.microsoft.com/dotnet/aspnet:8.0", "mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled",
        "mcr.microsoft.com/dotnet/sdk:8.0-alpine", "gcr.io/distroless/static-debian12:nonroot", "example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "$BASE", "${BASE}", "${BASE:-alpine}", "${REGISTRY}/app:${TAG:-latest}",
    };

    private static readonly string[] WindowsImages =
    {
        "mcr.microsoft.com/windows/nanoserver:ltsc2022", "mcr.microsoft.com/windows/servercore:ltsc2022",
        "mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022", "mcr.microsoft.com/powershell:nanoserver", "$BASE",
    };

    private static readonly string[] VariableNames = { "A", "UID", "GID", "APP_UID", "BASE", "U", "G", "HOME", "TAG", "REGISTRY", "NAME" };

    private static readonly string[] Values = { "1000", "0", "app", "root", "10001", "alpine", "\"with space\"", "'single'", "$A", "${UID:-1000}", "${U:+x}", "" };

    private static readonly string[] LinuxUsers =
    {
        "root", "0", "0:0", "app", "app:app", "1000", "1000:1000", "10001:10001", "nobody", "nonroot", "$APP_UID", "${UID}",
        "${UID:-1000}:${GID:-1000}", "$U:$G", "${U:-app}", "\"app\"", "'app'", "+0", "00", "app:root", "65534",
    };

    private static readonly string[] WindowsUsers = { "ContainerUser", "ContainerAdministrator", "appuser", "$U", "\"NT AUTHORITY\\NETWORK SERVICE\"" };

    private static readonly string[] LinuxAccountCommands =
    {
        "useradd -u 1000 -m app", "useradd --uid 10001 --user-group app", "groupadd -r app && useradd -r -g app app",
        "adduser -D -u 1000 app", "addgroup -S g && adduser -S u -G g", "adduser --system --uid 10001 --group app",
        "echo 'app:x:1000:1000::/home/app:/bin/sh' >> /etc/passwd", "useradd -u ${UID:-1000} app", "userdel app",
        "apt-get update && apt-get install -y curl", "set -eux; useradd -m \"$U\"", "[\"useradd\", \"-m\", \"app\"]",
    };

    private static readonly string[] WindowsAccountCommands =
    {
        "net user /add appuser", "net user appuser /add; net localgroup Users appuser /add", "New-LocalUser -Name appuser -NoPassword",
    };

    private static readonly string[] OtherInstructions =
    {
        "WORKDIR /app", "EXPOSE 8080", "LABEL org.opencontainers.image.source=\"x\"", "CMD [\"dotnet\", \"app.dll\"]",
        "ENTRYPOINT [\"./app\"]", "HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1", "STOPSIGNAL SIGTERM",
        "VOLUME /data", "SHELL [\"/bin/sh\", \"-c\"]", "ADD --chown=1000:1000 https://example.com/x /x", "# a comment", "",
    };

    /// <summary>A whole Dockerfile: directives, global ARGs, then one to four stages.</summary>
    public static readonly Gen<string> Dockerfile =
        Gen.Bool.SelectMany(windows => File(windows));

    private static Gen<string> File(bool windows) =>
        Gen.Select(
            Gen.OneOfConst("", "# syntax=docker/dockerfile:1\n", "# check=skip=all\n"),
            GlobalArg.Array[0, 3],
            Gen.Int[1, 4].SelectMany(count => Stages(count, windows)),
            Gen.Int[0, 3],
            Gen.Int,
            (syntax, args, stages, continuations, seed) =>
            {
                var escape = windows ? '`' : '\\';
                var lines = new List<string>(args);
                lines.AddRange(stages);
                var random = new Random(seed);
                var body = string.Join("\n", lines.Select(line => continuations > 0 ? Continue(line, escape, random, continuations) : line));
                return (windows ? "# escape=`\n" : string.Empty) + syntax + body + "\n";
            });

    private static readonly Gen<string> GlobalArg =
        Gen.Select(Gen.OneOfConst(VariableNames), Gen.OneOfConst(Values), Gen.Bool, (name, value, withValue) => withValue ? $"ARG {name}={value}" : $"ARG {name}");

    private static Gen<string[]> Stages(int count, bool windows)
    {
        // Stage i may be built FROM, or copy from, any earlier stage, by name or by index.
        var stages = Enumerable.Range(0, count).Select(index => Stage(index, windows)).ToArray();
        return stages.Aggregate(
            Gen.Const(Array.Empty<string>()),
            (sofar, stage) => Gen.Select(sofar, stage, (before, lines) => before.Concat(lines).ToArray()));
    }

    private static Gen<string[]> Stage(int index, bool windows)
    {
        var earlier = Enumerable.Range(0, index).SelectMany(i => new[] { "s" + i, i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var images = windows ? WindowsImages : LinuxImages;
        var from = Gen.Select(
            earlier.Length > 0 ? Gen.Frequency((3, Gen.OneOfConst(images)), (1, Gen.OneOfConst(earlier))) : Gen.OneOfConst(images),
            Gen.Bool,
            Gen.OneOfConst("", "--platform=$BUILDPLATFORM ", "--platform=linux/amd64 "),
            (image, named, platform) => $"FROM {platform}{image}" + (named ? $" AS s{index}" : string.Empty));
        return Gen.Select(from, Instruction(windows, earlier).Array[0, 8], (first, rest) => new[] { first }.Concat(rest).ToArray());
    }

    private static Gen<string> Instruction(bool windows, string[] earlierStages)
    {
        var users = windows ? WindowsUsers : LinuxUsers;
        var accounts = windows ? WindowsAccountCommands : LinuxAccountCommands;
        var stageRefs = earlierStages.Length > 0 ? earlierStages : new[] { "mcr.microsoft.com/dotnet/sdk:8.0" };
        return Gen.Frequency(
            (3, Gen.OneOfConst(users).Select(user => "USER " + user)),
            (3, Gen.OneOfConst(accounts).Select(command => "RUN " + command)),
            (1, Gen.OneOfConst(accounts).Select(command => $"RUN <<EOF\n{command}\nEOF")),
            (1, Gen.OneOfConst(accounts).Select(command => $"RUN <<-EOT bash\n\t{command}\n\tEOT")),
            (2, Gen.Select(Gen.OneOfConst(VariableNames), Gen.OneOfConst(Values), Gen.Bool, (name, value, withValue) => withValue ? $"ARG {name}={value}" : $"ARG {name}")),
            (2, Gen.Select(Gen.OneOfConst(VariableNames), Gen.OneOfConst(Values), Gen.Bool, (name, value, equals) => equals ? $"ENV {name}={value}" : $"ENV {name} {value}x")),
            (2, Gen.Select(Gen.OneOfConst(stageRefs), Gen.OneOfConst("", "--chown=app:app ", "--chown=1000 ", "--link "), (stage, flags) => $"COPY {flags}--from={stage} /app /app")),
            (1, Gen.OneOfConst("COPY <<EOF /etc/passwd\nroot:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\nEOF", "COPY . /src")),
            (1, Gen.OneOfConst(users).Select(user => "ONBUILD USER " + user)),
            (2, Gen.OneOfConst(OtherInstructions)));
    }

    // Splits an instruction's first line at some spaces with an escaped line break, as people wrap long RUN lines.
    private static string Continue(string instruction, char escape, Random random, int density)
    {
        var firstBreak = instruction.IndexOf('\n', StringComparison.Ordinal);
        var head = firstBreak < 0 ? instruction : instruction.Substring(0, firstBreak);
        var tail = firstBreak < 0 ? string.Empty : instruction.Substring(firstBreak);
        if (head.StartsWith('#') || head.Length == 0)
        {
            return instruction;
        }

        var wrapped = new System.Text.StringBuilder();
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == ' ' && random.Next(8) < density)
            {
                wrapped.Append(' ').Append(escape).Append(random.Next(3) == 0 ? " \n" : "\n").Append(random.Next(2) == 0 ? "    " : string.Empty);
                if (random.Next(6) == 0)
                {
                    // Comment lines inside a continuation are skipped by Docker.
                    wrapped.Append("# wrapped\n    ");
                }
            }
            else
            {
                wrapped.Append(head[i]);
            }
        }

        return wrapped + tail;
    }
}
