using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU002UserIsRootTests
{
    private static void Verify(string markup, AnalysisOptions? options = null) =>
        RuleAssert.Verify(RuleIdentifiers.UserIsRoot, markup, options);

    [TestCase("FROM ubuntu:24.04\n[|USER root|]\n", TestName = "root")]
    [TestCase("FROM ubuntu:24.04\n[|USER 0|]\n", TestName = "zero")]
    [TestCase("FROM ubuntu:24.04\n[|USER 00|]\n", TestName = "double zero")]
    [TestCase("FROM ubuntu:24.04\n[|USER root:root|]\n", TestName = "root with group")]
    [TestCase("FROM ubuntu:24.04\n[|USER 0:0|]\n", TestName = "zero with group")]
    [TestCase("FROM ubuntu:24.04\n[|USER 0:1000|]\n", TestName = "zero with another group")]
    [TestCase("FROM ubuntu:24.04\n[|user root|]\n", TestName = "lower-case keyword")]
    [TestCase("FROM ubuntu:24.04\nARG RUN_AS=root\n[|USER $RUN_AS|]\n", TestName = "through an ARG default")]
    [TestCase("FROM ubuntu:24.04\nENV RUN_AS=0\n[|USER ${RUN_AS}|]\n", TestName = "through ENV")]
    [TestCase("FROM ubuntu:24.04\n[|USER ${RUN_AS:-root}|]\n", TestName = "through a default value")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\nRUN apt-get update\n[|USER root|]\n", TestName = "last USER wins")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\n[|USER root|]\nFROM base AS final\nCOPY . /app\n", TestName = "inherited from the ancestor stage")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-windowsservercore-ltsc2022\n[|USER ContainerAdministrator|]\n", TestName = "windows ContainerAdministrator")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n[|USER containeradministrator|]\n", TestName = "windows names ignore case")]
    [TestCase("FROM ubuntu:24.04\nRUN echo 'toor:x:0:0::/root:/bin/sh' >> /etc/passwd\n[|USER toor|]\n", TestName = "an account with uid 0")]
    [TestCase("FROM ubuntu:24.04\n[|USER \\\n    root|]\n", TestName = "USER value with continuation")]
    public void Reports_a_root_USER_that_applies_to_the_image(string markup) => Verify(markup);

    [TestCase("FROM ubuntu:24.04\nUSER 1000:0\n", TestName = "uid 1000 in group 0 is not root")]
    [TestCase("FROM ubuntu:24.04\nUSER ubuntu:root\n", TestName = "named user in root group is not root")]
    [TestCase("FROM ubuntu:24.04\nUSER root\nRUN apt-get update\nUSER ubuntu\n", TestName = "root then non-root")]
    [TestCase("FROM ubuntu:24.04 AS build\nUSER root\nFROM ubuntu:24.04\nUSER ubuntu\n", TestName = "root in a builder stage")]
    [TestCase("FROM ubuntu:24.04\nUSER 10\n", TestName = "uid 10")]
    [TestCase("FROM ubuntu:24.04\nUSER 100\n", TestName = "uid 100")]
    [TestCase("FROM ubuntu:24.04\nONBUILD USER root\nUSER ubuntu\n", TestName = "ONBUILD USER root")]
    [TestCase("FROM ubuntu:24.04\nUSER $UNSET\n", TestName = "unresolved is NRU005")]
    [TestCase("FROM ubuntu:24.04\nUSER rooted\n", TestName = "a name that starts with root")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nUSER ContainerUser\n", TestName = "windows ContainerUser")]
    public void Stays_silent_for_non_root_users(string markup) => Verify(markup);

    [Test]
    public void A_build_argument_overrides_the_ARG_default()
    {
        var options = new AnalysisOptions { BuildArguments = new Dictionary<string, string> { ["RUN_AS"] = "0" } };
        Verify("FROM ubuntu:24.04\nARG RUN_AS=ubuntu\n[|USER $RUN_AS|]\n", options);
        Verify("FROM ubuntu:24.04\nARG RUN_AS=ubuntu\nUSER $RUN_AS\n");
    }

    [Test]
    public void A_global_ARG_reaches_a_stage_only_when_redeclared()
    {
        Verify("ARG RUN_AS=root\nFROM ubuntu:24.04\nARG RUN_AS\n[|USER $RUN_AS|]\n");
        Assert.That(RuleAssert.Messages(RuleIdentifiers.UserIsRoot, "ARG RUN_AS=root\nFROM ubuntu:24.04\nUSER $RUN_AS\n"), Is.Empty);
    }

    [Test]
    public void The_message_shows_what_a_variable_resolves_to()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.UserIsRoot, "FROM ubuntu:24.04\nARG RUN_AS=0\nUSER $RUN_AS\n").Single();
        Assert.That(message, Does.Contain("resolves to '0'"));
    }
}
