using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU004GroupDoesNotExistTests
{
    private static void Verify(string markup, AnalysisOptions? options = null) =>
        RuleAssert.Verify(RuleIdentifiers.GroupDoesNotExist, markup, options);

    [TestCase("FROM debian:12\nRUN useradd -N app\n[|USER app:app|]\n", TestName = "useradd -N creates no group")]
    [TestCase("FROM debian:12\n[|USER 1000:app|]\n", TestName = "numeric user, named group")]
    [TestCase("FROM debian:12\nRUN useradd -g users web\n[|USER web:web|]\n", TestName = "useradd -g uses another group")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n[|USER 1654:app|]\n", TestName = ".NET 6 has no app group")]
    [TestCase("FROM alpine:3.20\n[|USER nobody:wheelz|]\n", TestName = "a typo in the group")]
    [TestCase("FROM scratch\n[|USER 1000:app|]\n", TestName = "scratch has no groups")]
    [TestCase("FROM debian:12\n[|USER daemon:app|]\nRUN groupadd app\n", TestName = "before the groupadd")]
    [TestCase("FROM debian:12 AS build\nRUN groupadd app\nFROM debian:12\n[|USER 1000:app|]\n", TestName = "created in another stage")]
    [TestCase("FROM debian:12\nRUN echo groupadd app\n[|USER 1000:app|]\n", TestName = "echoed groupadd")]
    [TestCase("FROM ubuntu:22.04\n[|USER 1000:ubuntu|]\n", TestName = "jammy has no ubuntu group")]
    [TestCase("FROM gcr.io/distroless/static-debian12:nonroot\n[|USER nonroot:app|]\n", TestName = "distroless has no app group")]
    [TestCase("FROM contoso.azurecr.io/platform/runtime:2.3\n[|USER 1000:svc|]\n", TestName = "unknown image has no known groups")]
    [TestCase("FROM debian:12 AS base\n[|USER 1000:app|]\nFROM base\n", TestName = "in the ancestor stage")]
    [TestCase("FROM debian:12\nARG GROUP=apps\n[|USER 1000:$GROUP|]\n", TestName = "group from an ARG")]
    [TestCase("FROM debian:12\nONBUILD RUN groupadd app\n[|USER 1000:app|]\n", TestName = "ONBUILD groupadd runs later")]
    public void Reports_a_USER_whose_group_does_not_exist(string markup) => Verify(markup);

    [TestCase("FROM debian:12\nRUN useradd app\nUSER app:app\n", TestName = "useradd creates the user group")]
    [TestCase("FROM debian:12\nRUN groupadd -g 1001 web\nUSER 1001:web\n", TestName = "groupadd")]
    [TestCase("FROM alpine:3.20\nRUN addgroup -S web\nUSER nobody:web\n", TestName = "BusyBox addgroup")]
    [TestCase("FROM debian:12\nUSER 1000:1000\n", TestName = "numeric group")]
    [TestCase("FROM debian:12\nUSER daemon:root\n", TestName = "group root")]
    [TestCase("FROM debian:12\nUSER daemon:users\n", TestName = "base OS group")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER app:app\n", TestName = ".NET 8 app group")]
    [TestCase("FROM ubuntu:24.04\nUSER ubuntu:ubuntu\n", TestName = "noble ubuntu group")]
    [TestCase("FROM debian:12\nRUN echo 'web:x:1001:' >> /etc/group\nUSER 1001:web\n", TestName = "appended to /etc/group")]
    [TestCase("FROM debian:12\nUSER app\n", TestName = "no group part")]
    [TestCase("FROM debian:12\nCOPY group /etc/group\nUSER 1000:web\n", TestName = "group file copied in")]
    public void Stays_silent_when_the_group_exists_or_cannot_be_known(string markup) => Verify(markup);
}
