using NonRootUser.Analyzers.Rules;

namespace NonRootUser.Analyzers.Tests.Rules;

public class NRU005UserCannotBeResolvedTests
{
    private static void Verify(string markup, AnalysisOptions? options = null) =>
        RuleAssert.Verify(RuleIdentifiers.UserCannotBeResolved, markup, options);

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:6.0\n[|USER $APP_UID|]\n", TestName = ".NET 6 has no APP_UID")]
    [TestCase("FROM ubuntu:24.04\n[|USER $UID|]\n", TestName = "never defined")]
    [TestCase("FROM ubuntu:24.04\nARG UID\n[|USER $UID|]\n", TestName = "ARG without default")]
    [TestCase("FROM ubuntu:24.04\nARG UID\nARG GID\n[|USER ${UID}:${GID}|]\n", TestName = "user and group variables")]
    [TestCase("ARG UID=1000\nFROM ubuntu:24.04\n[|USER $UID|]\n", TestName = "global ARG not redeclared")]
    [TestCase("FROM ubuntu:24.04\nARG UID\nENV APP_USER=$UID\n[|USER $APP_USER|]\n", TestName = "ENV computed from an unset ARG")]
    [TestCase("FROM ubuntu:24.04 AS base\nARG UID=1000\nFROM base\n[|USER $UID|]\n", TestName = "ARGs do not cross FROM")]
    [TestCase("FROM ubuntu:24.04\n[|USER ${NAME:-$FALLBACK}|]\n", TestName = "default that is unset too")]
    [TestCase("FROM ubuntu:24.04\n[|user ${UID}|]\n", TestName = "lower-case keyword")]
    [TestCase("FROM ubuntu:24.04 AS base\n[|USER $UID|]\nFROM base AS final\n", TestName = "in the ancestor stage")]
    [TestCase("FROM ubuntu:24.04\n[|USER $UID|]\nUSER 1000\n", TestName = "an earlier USER of the stage")]
    [TestCase("FROM ubuntu:24.04\n[|USER app-$SUFFIX|]\n", TestName = "part of a name")]
    [TestCase("FROM ubuntu:24.04 AS build\n[|USER $BUILDER|]\nRUN make\nFROM ubuntu:24.04\nCOPY --from=build /out /out\nUSER ubuntu\n", TestName = "in a stage the image copies from")]
    [TestCase("FROM ubuntu:24.04\nRUN --mount=type=bind,from=tools,target=/t true\n[|USER $X|]\n", TestName = "with a mount from an image")]
    [TestCase("FROM ubuntu:24.04\n[|USER ${UID?UID must be set}|]\n", TestName = "required variable")]
    [TestCase("FROM ubuntu:24.04\nENV UID=1000\n[|USER ${UID|]\n", TestName = "bad substitution")]
    public void Reports_a_USER_with_a_variable_that_has_no_value(string markup) => Verify(markup);

    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n", TestName = "APP_UID from the .NET 8 image")]
    [TestCase("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nFROM base\nUSER $APP_UID\n", TestName = "APP_UID through FROM stage")]
    [TestCase("FROM ubuntu:24.04\nARG UID=1000\nUSER $UID\n", TestName = "ARG default")]
    [TestCase("ARG UID=1000\nFROM ubuntu:24.04\nARG UID\nUSER $UID\n", TestName = "global ARG redeclared")]
    [TestCase("FROM ubuntu:24.04\nENV UID=1000\nUSER ${UID}\n", TestName = "ENV")]
    [TestCase("FROM ubuntu:24.04\nUSER ${UID:-1000}\n", TestName = "default value")]
    [TestCase("FROM ubuntu:24.04 AS base\nENV UID=1000\nFROM base\nUSER $UID\n", TestName = "ENV crosses FROM stage")]
    [TestCase("FROM ubuntu:24.04 AS tools\nUSER $NOPE\nFROM ubuntu:24.04\nUSER ubuntu\n", TestName = "a stage the image does not use")]
    [TestCase("FROM ubuntu:24.04\nUSER ubuntu\n", TestName = "no variable")]
    [TestCase("FROM ubuntu:24.04\nUSER '$UID'\n", TestName = "single quotes stop expansion")]
    public void Stays_silent_when_the_value_is_known(string markup) => Verify(markup);

    [Test]
    public void A_build_argument_gives_the_value()
    {
        var options = new AnalysisOptions { BuildArguments = new Dictionary<string, string> { ["UID"] = "1000" } };
        Verify("FROM ubuntu:24.04\nARG UID\nUSER $UID\n", options);
    }

    [Test]
    public void The_message_names_the_variable()
    {
        var message = RuleAssert.Messages(RuleIdentifiers.UserCannotBeResolved, "FROM mcr.microsoft.com/dotnet/aspnet:6.0\nUSER $APP_UID\n").Single();
        Assert.That(message, Does.Contain("$APP_UID"));
    }
}
