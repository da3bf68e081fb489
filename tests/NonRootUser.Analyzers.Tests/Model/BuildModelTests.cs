using NonRootUser.Analyzers.Model;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Model;

public class BuildModelTests
{
    private static BuildModel Build(string text, AnalysisOptions? options = null)
    {
        var parsed = DockerfileParser.Parse(text);
        Assert.That(parsed.Errors, Is.Empty);
        return DockerfileAnalyzer.BuildModel(parsed.Syntax!, options ?? AnalysisOptions.Default);
    }

    [Test]
    public void Stages_are_indexed_and_named_and_the_last_is_the_target()
    {
        var model = Build("FROM alpine:3.20 AS Build\nFROM build AS final\nFROM scratch\n");
        Assert.That(model.Stages.Select(s => s.Index), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(model.Stages.Select(s => s.Name), Is.EqualTo(new[] { "Build", "final", null }));
        Assert.That(model.Stages[1].BaseKind, Is.EqualTo(StageBaseKind.Stage), "stage names match case-insensitively");
        Assert.That(model.Stages[1].Parent, Is.SameAs(model.Stages[0]));
        Assert.That(model.Stages[2].BaseKind, Is.EqualTo(StageBaseKind.Scratch));
        Assert.That(model.Target, Is.SameAs(model.Stages[2]));
    }

    [Test]
    public void The_FROM_target_is_an_image_when_no_earlier_stage_has_that_name()
    {
        var model = Build("FROM node AS app\nFROM app\n");
        Assert.That(model.Stages[0].BaseKind, Is.EqualTo(StageBaseKind.Image));
        Assert.That(model.Stages[0].Image!.Registry, Is.EqualTo("docker.io"));
        Assert.That(model.Stages[0].Image!.Repository, Is.EqualTo("library/node"));
        Assert.That(model.Stages[0].ImageInfo, Is.Not.Null);
        Assert.That(model.Stages[1].Root, Is.SameAs(model.Stages[0]));
    }

    [Test]
    public void Global_ARGs_are_used_in_FROM_and_build_arguments_override_them()
    {
        var text = "ARG REGISTRY=mcr.microsoft.com\nARG TAG=8.0\nFROM $REGISTRY/dotnet/aspnet:${TAG}\n";
        Assert.That(Build(text).Stages[0].BaseText, Is.EqualTo("mcr.microsoft.com/dotnet/aspnet:8.0"));
        var options = new AnalysisOptions { BuildArguments = new Dictionary<string, string> { ["TAG"] = "9.0-alpine" } };
        Assert.That(Build(text, options).Stages[0].BaseText, Is.EqualTo("mcr.microsoft.com/dotnet/aspnet:9.0-alpine"));
    }

    [Test]
    public void An_unset_variable_in_FROM_leaves_the_base_unresolved()
    {
        var stage = Build("ARG BASE\nFROM ${BASE}:latest\n").Stages[0];
        Assert.That(stage.BaseKind, Is.EqualTo(StageBaseKind.Unresolved));
        Assert.That(stage.UnresolvedBaseVariables, Is.EqualTo(new[] { "BASE" }));
    }

    [Test]
    public void ENV_and_the_base_image_environment_flow_through_FROM_stage_but_ARGs_do_not()
    {
        var model = Build("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base\nARG SECRET=1\nENV MODE=prod\nFROM base\nUSER $APP_UID:$MODE\n");
        var final = model.Stages[1];
        Assert.That(final.FinalEnvironment["APP_UID"], Is.EqualTo("1654"));
        Assert.That(final.FinalEnvironment["MODE"], Is.EqualTo("prod"));
        Assert.That(final.FinalEnvironment.ContainsKey("SECRET"), Is.False);
        Assert.That(final.Users.Single().ResolvedValue, Is.EqualTo("1654:prod"));
    }

    [Test]
    public void ENV_values_of_one_line_see_the_variables_from_before_that_line()
    {
        var user = Build("FROM debian:12\nENV A=old\nENV A=new B=$A\nUSER $B\n").Stages[0].Users.Single();
        Assert.That(user.ResolvedValue, Is.EqualTo("old"));
    }

    [Test]
    public void ENV_wins_over_an_ARG_of_the_same_name()
    {
        var user = Build("FROM debian:12\nENV NAME=fromenv\nARG NAME=fromarg\nUSER $NAME\n").Stages[0].Users.Single();
        Assert.That(user.ResolvedValue, Is.EqualTo("fromenv"));
    }

    [Test]
    public void The_effective_user_is_inherited_through_FROM_stage()
    {
        var model = Build("FROM debian:12 AS base\nUSER daemon\nFROM base AS mid\nFROM mid AS final\n");
        Assert.That(model.Target!.EffectiveUser!.ResolvedValue, Is.EqualTo("daemon"));
        Assert.That(model.Target.EffectiveUser.Stage, Is.SameAs(model.Stages[0]));
    }

    [Test]
    public void Relevant_stages_are_the_ancestry_and_what_is_copied_or_mounted()
    {
        var model = Build(
            "FROM debian:12 AS unused\n" +
            "FROM debian:12 AS tools\n" +
            "FROM debian:12 AS build\n" +
            "RUN --mount=type=bind,from=tools,target=/t make\n" +
            "FROM debian:12 AS base\n" +
            "FROM base AS final\n" +
            "COPY --from=build /out /app\n");
        Assert.That(model.RelevantStages().Select(s => s.Name), Is.EqualTo(new[] { "tools", "build", "base", "final" }));
    }

    [Test]
    public void COPY_from_an_index_refers_to_that_stage()
    {
        var model = Build("FROM debian:12\nFROM debian:12\nCOPY --from=0 /a /a\n");
        Assert.That(model.Stages[1].Dependencies, Is.EqualTo(new[] { model.Stages[0] }));
    }

    [Test]
    public void A_target_can_be_named_or_indexed()
    {
        var text = "FROM debian:12 AS build\nFROM debian:12 AS final\n";
        Assert.That(Build(text, new AnalysisOptions { TargetStage = "BUILD" }).Target!.Name, Is.EqualTo("build"));
        Assert.That(Build(text, new AnalysisOptions { TargetStage = "0" }).Target!.Name, Is.EqualTo("build"));
        Assert.That(Build(text, new AnalysisOptions { TargetStage = "nope" }).TargetError, Does.Contain("nope"));
    }

    [Test]
    public void Accounts_grow_as_RUN_creates_them_and_each_USER_keeps_its_snapshot()
    {
        var stage = Build("FROM debian:12\nUSER app\nRUN useradd -u 1001 app\nUSER app\n").Stages[0];
        Assert.That(stage.Users[0].Accounts.FindUser("app"), Is.Null);
        Assert.That(stage.Users[1].Accounts.FindUser("app")!.Uid, Is.EqualTo(1001));
        Assert.That(stage.FinalAccounts.FindUser("www-data"), Is.Not.Null, "Debian's own accounts");
    }

    [Test]
    public void Copying_passwd_from_a_stage_brings_that_stage_s_users()
    {
        var model = Build("FROM debian:12 AS build\nRUN useradd svc\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\n");
        Assert.That(model.Target!.FinalAccounts.FindUser("svc"), Is.Not.Null);
        Assert.That(model.Target.FinalAccounts.FindGroup("svc"), Is.Null, "only passwd was copied");
        Assert.That(model.Target.FinalAccounts.Certainty, Is.EqualTo(AccountCertainty.Known));
    }

    [Test]
    public void Copying_a_root_file_system_makes_the_accounts_opaque()
    {
        var model = Build("FROM ubuntu:24.04 AS chisel\nFROM scratch\nCOPY --from=chisel /rootfs /\n");
        Assert.That(model.Target!.FinalAccounts.Certainty, Is.EqualTo(AccountCertainty.Opaque));
    }

    [Test]
    public void A_ten_thousand_stage_chain_is_modelled_without_recursion()
    {
        var text = new System.Text.StringBuilder("FROM debian:12 AS s0\nUSER daemon\n");
        for (var i = 1; i < 10_000; i++)
        {
            text.Append("FROM s").Append(i - 1).Append(" AS s").Append(i).Append('\n');
        }

        var model = Build(text.ToString());
        Assert.That(model.Target!.Root, Is.SameAs(model.Stages[0]));
        Assert.That(model.Target.EffectiveUser!.ResolvedValue, Is.EqualTo("daemon"));
        Assert.That(model.RelevantStages(), Has.Count.EqualTo(10_000));
    }

    [Test]
    public void A_stage_named_like_itself_is_an_image_not_a_cycle()
    {
        var model = Build("FROM x AS x\nFROM x\n");
        Assert.That(model.Stages[0].BaseKind, Is.EqualTo(StageBaseKind.Image));
        Assert.That(model.Stages[1].Parent, Is.SameAs(model.Stages[0]));
    }
}
