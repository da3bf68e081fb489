using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU003UserDoesNotExistTests
{
    private static void Verify(string markup, AnalysisOptions? options = null) =>
        RuleAssert.Verify(RuleIdentifiers.UserDoesNotExist, markup, options);

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n[|USER app|]\n", TestName = ".NET 6 has no app user")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:7.0 AS base\n[|USER app|]\nFROM base AS final\n", TestName = ".NET 7 Visual Studio template with USER app")]
    [TestCase("FROM ubuntu:22.04\n[|USER ubuntu|]\n", TestName = "jammy has no ubuntu user")]
    [TestCase("FROM debian:12\n[|USER app|]\nRUN useradd app\n", TestName = "USER before the useradd")]
    [TestCase("FROM debian:12 AS build\nRUN useradd app\nFROM debian:12\n[|USER app|]\n", TestName = "created in another stage")]
    [TestCase("FROM debian:12\nRUN echo useradd app\n[|USER app|]\n", TestName = "echoed useradd")]
    [TestCase("FROM debian:12\n# RUN useradd app\n[|USER app|]\n", TestName = "commented-out useradd")]
    [TestCase("FROM debian:12\nCOPY --chown=app:app . /app\n[|USER app|]\n", TestName = "COPY --chown creates no user")]
    [TestCase("FROM alpine:3.20\n[|USER www-data|]\n", TestName = "alpine has only the www-data group")]
    [TestCase("FROM scratch\n[|USER app|]\n", TestName = "scratch has no accounts")]
    [TestCase("FROM gcr.io/distroless/static-debian12:nonroot\n[|USER app|]\n", TestName = "distroless has nonroot only")]
    [TestCase("FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-jammy-chiseled\n[|USER nobody|]\n", TestName = "chiseled has no nobody")]
    [TestCase("FROM contoso.azurecr.io/platform/runtime:2.3\n[|USER svc|]\n", TestName = "unknown image provides no users")]
    [TestCase("FROM debian:12\nONBUILD RUN useradd app\n[|USER app|]\n", TestName = "ONBUILD useradd runs later")]
    [TestCase("FROM debian:12\nRUN useradd appuser\n[|USER app_user|]\n", TestName = "a typo")]
    [TestCase("FROM debian:12\nRUN [\"useradd\", \"web\"]\n[|USER worker|]\n", TestName = "exec form creates another user")]
    [TestCase("FROM debian:12 AS base\n[|USER app|]\nFROM base\nRUN useradd app\n", TestName = "in the ancestor, before it is created")]
    [TestCase("FROM debian:12\n[|USER app:app|]\n", TestName = "user with group")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache curl\n[|USER curl|]\n", TestName = "a tool package creates no user")]
    [TestCase("FROM debian:12\n[|USER app|]\nWORKDIR /home/app\nRUN useradd app\n", TestName = "WORKDIR needs the user too")]
    [TestCase("FROM debian:12 AS build\n[|USER builder|]\nRUN make\nFROM debian:12\nCOPY --from=build /out /out\nUSER daemon\n", TestName = "a RUN in a stage the image copies from")]
    public void Reports_a_USER_whose_user_does_not_exist(string markup) => Verify(markup);

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app\n", TestName = ".NET 8 has app")]
    [TestCase("FROM debian:12\nRUN groupadd -r app && useradd -r -g app app\nUSER app\n", TestName = "Debian groupadd and useradd")]
    [TestCase("FROM alpine:3.20\nRUN addgroup -S app && adduser -S app -G app\nUSER app\n", TestName = "BusyBox addgroup and adduser")]
    [TestCase("FROM debian:12\nRUN adduser --system --group --uid 1001 web\nUSER web:web\n", TestName = "Debian adduser system group")]
    [TestCase("FROM debian:12\nUSER 1001\n", TestName = "numeric uid")]
    [TestCase("FROM scratch\nUSER 65532:65532\n", TestName = "numeric on scratch")]
    [TestCase("FROM debian:12 AS build\nRUN useradd -u 10001 app\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /etc/passwd /etc/passwd\nUSER app\n", TestName = "passwd copied from a stage that created the user")]
    [TestCase("FROM ubuntu:24.04 AS chisel\nRUN chisel cut --root /rootfs base-files_base\nFROM scratch\nCOPY --from=chisel /rootfs /\nUSER app\n", TestName = "chiseled root file system")]
    [TestCase("FROM debian:12 AS base\nRUN useradd app\nFROM base\nUSER app\n", TestName = "created in the parent stage")]
    [TestCase("FROM debian:12\nARG USERNAME=app\nRUN useradd $USERNAME\nUSER $USERNAME\n", TestName = "user name from an ARG")]
    [TestCase("FROM debian:12\nRUN echo 'svc:x:1001:1001::/home/svc:/bin/sh' >> /etc/passwd\nUSER svc\n", TestName = "appended to /etc/passwd")]
    [TestCase("FROM debian:12\nRUN <<EOF\nset -eux\nuseradd --create-home app\nEOF\nUSER app\n", TestName = "heredoc script")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\nRUN net user appuser /add\nUSER appuser\n", TestName = "windows net user")]
    [TestCase("FROM ubuntu:24.04\nUSER ubuntu\n", TestName = "noble has ubuntu")]
    [TestCase("FROM node:20-alpine\nUSER node\n", TestName = "node has node")]
    [TestCase("FROM gcr.io/distroless/static-debian12\nUSER nonroot\n", TestName = "distroless has nonroot")]
    [TestCase("FROM debian:12 AS tools\nUSER ghost\nFROM debian:12\nRUN useradd app\nUSER app\n", TestName = "a stage the image does not use")]
    [TestCase("FROM debian:12\nUSER root\n", TestName = "root always exists")]
    [TestCase("FROM debian:12\nARG NAME\nRUN useradd $NAME\nUSER app\n", TestName = "created under a name we cannot resolve")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache nginx\nUSER nginx\n", TestName = "a service package creates its user")]
    [TestCase("FROM debian:12\nRUN ./create-users.sh\nUSER svc\n", TestName = "a script we cannot read")]
    [TestCase("FROM alpine:3.20 AS b\nRUN adduser -D app\nFROM scratch\nUSER app:app\nCOPY --from=b /etc/passwd /etc/passwd\nCOPY --from=b /etc/group /etc/group\nENTRYPOINT [\"/x\"]\n", TestName = "USER before the account files are copied, with no RUN in between")]
    [TestCase("FROM debian:12\nUSER ghost\nUSER daemon\nRUN true\n", TestName = "a USER replaced before anything runs as it")]
    [TestCase("FROM debian:12 AS build\nUSER builder\nFROM debian:12\nCOPY --from=build /out /out\n", TestName = "a USER of a copied-from stage that nothing runs as")]
    [TestCase("FROM debian:12 AS build\nRUN useradd -u 10001 app\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /etc/../etc/passwd //etc/./passwd\nUSER app\n", TestName = "passwd copied with an unusual path")]
    public void Stays_silent_when_the_user_exists_or_cannot_be_known(string markup) => Verify(markup);

    [Test]
    public void A_declared_base_image_provides_its_users()
    {
        var declared = BaseImageCatalog.Declare("contoso.azurecr.io/platform/runtime", "svc", new[] { "svc" }, Array.Empty<string>(), new Dictionary<string, string>());
        var options = new AnalysisOptions { DeclaredBaseImages = new[] { declared } };
        Verify("FROM contoso.azurecr.io/platform/runtime:2.3\nUSER svc\n", options);
        Verify("FROM contoso.azurecr.io/platform/runtime:2.3\n[|USER other|]\n", options);
    }

    [Test]
    public void On_an_unknown_image_the_finding_is_information_not_a_warning()
    {
        var diagnostic = DockerfileAnalyzer.Analyze("FROM mcr.microsoft.com/mssql/server-unknown:2022\nUSER mssql\n", "Dockerfile", AnalysisOptions.Default).Single(d => d.Id == RuleIdentifiers.UserDoesNotExist);
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(DockerfileAnalyzer.Analyze("FROM debian:12\nUSER mssql\n", "Dockerfile", AnalysisOptions.Default).Single().Severity, Is.EqualTo(DiagnosticSeverity.Warning));
    }

    [Test]
    public void The_message_says_where_Docker_fails()
    {
        var atRun = RuleAssert.Messages(RuleIdentifiers.UserDoesNotExist, "FROM debian:12\nUSER app\nRUN useradd app\n").Single();
        Assert.That(atRun, Does.Contain("at the RUN on line 3"));
        var atStart = RuleAssert.Messages(RuleIdentifiers.UserDoesNotExist, "FROM alpine:3.20\nUSER app\n").Single();
        Assert.That(atStart, Does.Contain("when the container starts"));
        Assert.That(atStart, Does.Contain("adduser -D app"), "BusyBox syntax on Alpine");
        var windows = RuleAssert.Messages(RuleIdentifiers.UserDoesNotExist, "FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nUSER appuser\n").Single();
        Assert.That(windows, Does.Contain("net user appuser /add"));
    }

    [Test]
    public void The_message_for_an_unknown_image_says_how_to_declare_the_user()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.UserDoesNotExist, "FROM contoso.azurecr.io/platform/runtime:2.3\nUSER svc\n").Single();
        Assert.That(message, Does.Contain("Users=\"svc\""));
        Assert.That(message, Does.Contain("no matching entries in passwd file"));
    }
}
