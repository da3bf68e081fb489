using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Tests.Syntax;

/// <summary>Each instruction's typed members and the exact spans of its words.</summary>
public class InstructionTests
{
    [Test]
    public void User_spans_the_instruction_its_keyword_and_its_value()
    {
        var markup = SpanMarkup.Parse("FROM alpine\n# comment\n[|[|USER|] [|root|]|]\n");

        var user = Parsed.Single<UserInstruction>(markup.Text);

        Assert.That(user.Span, Is.EqualTo(new SourceSpan(3, 1, 3, 10)));
        Assert.That(user.Value.Span, Is.EqualTo(new SourceSpan(3, 6, 3, 10)));
        Assert.That(user.KeywordSpan, Is.EqualTo(markup.Spans[1]));
        Assert.That(user.Value.Value, Is.EqualTo("root"));
        Assert.That(user.Arguments, Is.EqualTo(new[] { user.Value }));
    }

    [Test]
    public void User_keeps_user_and_group_as_one_word_and_ignores_surrounding_white_space()
    {
        var markup = SpanMarkup.Parse("FROM alpine\n  [|USER [|${APP_UID:-1000}:app|]|]   \n");

        var user = Parsed.Single<UserInstruction>(markup.Text);

        Assert.That(user.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(user.Value.Span, Is.EqualTo(markup.Spans[1]));
        Assert.That(user.Value.Value, Is.EqualTo("${APP_UID:-1000}:app"));
    }

    [Test]
    public void Keywords_are_case_insensitive_and_kept_as_written()
    {
        var syntax = Parsed.Syntax("from alpine AS build\nUser app\nrUn echo hi\ncopy --from=build /a /b\n");

        Assert.That(syntax.Instructions.Select(instruction => instruction.GetType().Name), Is.EqualTo(new[]
        {
            nameof(FromInstruction), nameof(UserInstruction), nameof(RunInstruction), nameof(CopyInstruction),
        }));
        Assert.That(syntax.Instructions.Select(instruction => instruction.Keyword), Is.EqualTo(new[] { "from", "User", "rUn", "copy" }));
        Assert.That(BuildKitDump.Format(syntax), Is.EqualTo(
            "(from \"alpine\" \"AS\" \"build\")\n(user \"app\")\n(run \"echo hi\")\n(copy [\"--from=build\"] \"/a\" \"/b\")\n"));
    }

    [Test]
    public void Unknown_instruction_is_a_node_like_in_BuildKit()
    {
        var markup = SpanMarkup.Parse("FROM alpine\n[|[|FOO|] [|bar baz|]|]\n");

        var unknown = Parsed.Single<UnknownInstruction>(markup.Text);

        Assert.That(unknown.Keyword, Is.EqualTo("FOO"));
        Assert.That(unknown.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(unknown.KeywordSpan, Is.EqualTo(markup.Spans[1]));
        // BuildKit's parser keeps an unknown instruction with one empty argument: (foo "").
        Assert.That(unknown.Arguments.Single().Value, Is.Empty);
        Assert.That(unknown.Arguments.Single().Span, Is.EqualTo(markup.Spans[2]));
        Assert.That(BuildKitDump.Format(Parsed.Syntax(markup.Text)), Does.EndWith("(foo \"\")\n"));
    }

    [Test]
    public void From_with_platform_flag_image_and_stage_name()
    {
        var markup = SpanMarkup.Parse("[|FROM [|--platform=$BUILDPLATFORM|] [|golang:1.22|] AS [|build|]|]");

        var from = Parsed.Single<FromInstruction>(markup.Text);

        Assert.That(from.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(from.Flags.Single(), Is.EqualTo(new FlagSyntax("platform", "$BUILDPLATFORM", markup.Spans[1])));
        Assert.That(from.Image.Value, Is.EqualTo("golang:1.22"));
        Assert.That(from.Image.Span, Is.EqualTo(markup.Spans[2]));
        Assert.That(from.StageName!.Value, Is.EqualTo("build"));
        Assert.That(from.StageName.Span, Is.EqualTo(markup.Spans[3]));
        Assert.That(Parsed.Values(from.Arguments), Is.EqualTo("golang:1.22|AS|build"));
    }

    [Test]
    public void From_without_stage_name_and_with_lower_case_as()
    {
        Assert.That(Parsed.Single<FromInstruction>("FROM alpine:3.20").StageName, Is.Null);
        Assert.That(Parsed.Single<FromInstruction>("FROM alpine as base").StageName!.Value, Is.EqualTo("base"));
    }

    [Test]
    public void Run_in_shell_form_is_one_word()
    {
        var markup = SpanMarkup.Parse("FROM alpine\nRUN [|apt-get update && apt-get install -y curl|]\n");

        var run = Parsed.Single<RunInstruction>(markup.Text);

        Assert.That(run.Command.IsExecForm, Is.False);
        Assert.That(run.Command.ShellText, Is.EqualTo("apt-get update && apt-get install -y curl"));
        Assert.That(run.Command.Span, Is.EqualTo(markup.Span));
        Assert.That(run.Arguments.Single().Span, Is.EqualTo(markup.Span));
        Assert.That(run.Heredocs, Is.Empty);
    }

    [Test]
    public void Run_flags_with_values_and_without()
    {
        var markup = SpanMarkup.Parse("RUN [|--mount=type=cache,target=/root/.cache|] [|--network=none|] [|--link|] pip install x");

        var run = Parsed.Single<RunInstruction>(markup.Text);

        Assert.That(run.Flags, Is.EqualTo(new[]
        {
            new FlagSyntax("mount", "type=cache,target=/root/.cache", markup.Spans[0]),
            new FlagSyntax("network", "none", markup.Spans[1]),
            new FlagSyntax("link", null, markup.Spans[2]),
        }));
        Assert.That(run.FindFlag("MOUNT")!.Value, Is.EqualTo("type=cache,target=/root/.cache"));
        Assert.That(run.Command.ShellText, Is.EqualTo("pip install x"));
    }

    [Test]
    public void Cmd_in_exec_form_has_one_word_per_string_with_the_quotes_in_its_span()
    {
        var markup = SpanMarkup.Parse("CMD [|[[|\"nginx\"|], [|\"-g\"|], [|\"daemon off;\"|]]|]");

        var cmd = Parsed.Single<CmdInstruction>(markup.Text);

        Assert.That(cmd.Command.IsExecForm, Is.True);
        Assert.That(cmd.Command.ShellText, Is.Null);
        Assert.That(cmd.Command.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(Parsed.Values(cmd.Command.Arguments), Is.EqualTo("nginx|-g|daemon off;"));
        Assert.That(cmd.Command.Arguments.Select(word => word.Span), Is.EqualTo(markup.Spans.Skip(1)));
    }

    [Test]
    public void Exec_form_decodes_JSON_escapes()
    {
        var entrypoint = Parsed.Single<EntrypointInstruction>("ENTRYPOINT [\"a\\\"b\", \"\\u00e9\\n\", \"\\ud83d\\ude00\", \"\\/\"]");

        Assert.That(entrypoint.Command.Arguments.Select(word => word.Value), Is.EqualTo(new[] { "a\"b", "é\n", "😀", "/" }));
    }

    [TestCase("CMD ['echo', 'single quotes']", "['echo', 'single quotes']")]
    [TestCase("CMD [\"echo\", \"unterminated]", "[\"echo\", \"unterminated]")]
    [TestCase("CMD [\"a\",]", "[\"a\",]")]
    [TestCase("CMD [\"a\"] trailing", "[\"a\"] trailing")]
    [TestCase("CMD \"[\\\"a\\\"]\"", "\"[\\\"a\\\"]\"")]
    public void Text_that_is_not_a_JSON_array_is_shell_form(string dockerfile, string shellText)
    {
        var cmd = Parsed.Single<CmdInstruction>(dockerfile);

        Assert.That(cmd.Command.IsExecForm, Is.False);
        Assert.That(cmd.Command.ShellText, Is.EqualTo(shellText));
    }

    [Test]
    public void Empty_exec_form_has_no_arguments()
    {
        var cmd = Parsed.Single<CmdInstruction>("CMD []");

        Assert.That(cmd.Command.IsExecForm, Is.True);
        Assert.That(cmd.Command.Arguments, Is.Empty);
    }

    [Test]
    public void Shell_instruction_in_exec_form()
    {
        var shell = Parsed.Single<ShellInstruction>("SHELL [\"powershell\", \"-Command\"]");

        Assert.That(Parsed.Values(shell.Command.Arguments), Is.EqualTo("powershell|-Command"));
    }

    [Test]
    public void Copy_sources_destination_and_flags()
    {
        var markup = SpanMarkup.Parse("COPY [|--from=build|] [|--chown=\"app user\":app|] [|/src/a|] [|/src/b|] [|/dst/|]");

        var copy = Parsed.Single<CopyInstruction>(markup.Text);

        Assert.That(copy.Flags, Is.EqualTo(new[]
        {
            new FlagSyntax("from", "build", markup.Spans[0]),
            new FlagSyntax("chown", "app user:app", markup.Spans[1]),
        }));
        Assert.That(Parsed.Values(copy.Sources), Is.EqualTo("/src/a|/src/b"));
        Assert.That(copy.Sources.Select(word => word.Span), Is.EqualTo(new[] { markup.Spans[2], markup.Spans[3] }));
        Assert.That(copy.Destination!.Value, Is.EqualTo("/dst/"));
        Assert.That(copy.Destination.Span, Is.EqualTo(markup.Spans[4]));
    }

    [Test]
    public void Copy_in_exec_form_and_after_the_end_of_flags()
    {
        var json = Parsed.Single<CopyInstruction>("COPY [\"a file\", \"/dst dir/\"]");
        Assert.That(Parsed.Values(json.Sources), Is.EqualTo("a file"));
        Assert.That(json.Destination!.Value, Is.EqualTo("/dst dir/"));

        var separated = Parsed.Single<CopyInstruction>("COPY --link -- --odd-name /dst");
        Assert.That(separated.Flags.Single().Name, Is.EqualTo("link"));
        Assert.That(Parsed.Values(separated.Sources), Is.EqualTo("--odd-name"));
    }

    [Test]
    public void Add_with_one_argument_has_no_destination()
    {
        var add = Parsed.Single<AddInstruction>("ADD --chmod=755 https://example.com/tool");

        Assert.That(add.FindFlag("chmod")!.Value, Is.EqualTo("755"));
        Assert.That(Parsed.Values(add.Sources), Is.EqualTo("https://example.com/tool"));
        Assert.That(add.Destination, Is.Null);
    }

    [Test]
    public void Env_pairs_keep_quotes_and_have_exact_spans()
    {
        var markup = SpanMarkup.Parse("ENV [|A|]=[|1|] [|B|]=[|\"x y\"|] [|C|]=[|'z'|] [|D|]=[||]");

        var env = Parsed.Single<EnvInstruction>(markup.Text);

        Assert.That(env.Pairs.Select(pair => (pair.Key.Value, pair.Value.Value, pair.HasEquals)), Is.EqualTo(new[]
        {
            ("A", "1", true), ("B", "\"x y\"", true), ("C", "'z'", true), ("D", string.Empty, true),
        }));
        Assert.That(env.Pairs.SelectMany(pair => new[] { pair.Key.Span, pair.Value.Span }), Is.EqualTo(markup.Spans));
        Assert.That(env.Pairs[1].Span, Is.EqualTo(new SourceSpan(1, 9, 1, 16)));
        // BuildKit's triples: name, value, separator.
        Assert.That(Parsed.Values(env.Arguments), Is.EqualTo("A|1|=|B|\"x y\"|=|C|'z'|=|D||="));
    }

    [Test]
    public void Env_legacy_form_takes_the_rest_of_the_line_as_value()
    {
        var markup = SpanMarkup.Parse("ENV [|PATH|] [|/usr/local/bin:$PATH with spaces|]");

        var pair = Parsed.Single<EnvInstruction>(markup.Text).Pairs.Single();

        Assert.That(pair.HasEquals, Is.False);
        Assert.That((pair.Key.Value, pair.Value.Value), Is.EqualTo(("PATH", "/usr/local/bin:$PATH with spaces")));
        Assert.That((pair.Key.Span, pair.Value.Span), Is.EqualTo((markup.Spans[0], markup.Spans[1])));
        Assert.That(BuildKitDump.Format(Parsed.Syntax(markup.Text)), Is.EqualTo("(env \"PATH\" \"/usr/local/bin:$PATH with spaces\" \"\")\n"));
    }

    [Test]
    public void Env_value_with_escaped_space_and_continuation_inside_quotes()
    {
        var syntax = Parsed.Syntax("ENV A=a\\ b \\\n    B=\"x \\\n  y\"\n");

        var env = syntax.Instructions.OfType<EnvInstruction>().Single();
        Assert.That(env.Pairs.Select(pair => pair.Value.Value), Is.EqualTo(new[] { "a\\ b", "\"x   y\"" }));
        Assert.That(env.Pairs[1].Value.Span, Is.EqualTo(new SourceSpan(2, 7, 3, 5)));
        Assert.That(env.Span, Is.EqualTo(new SourceSpan(1, 1, 3, 5)));
    }

    [Test]
    public void Label_keys_may_be_quoted()
    {
        var label = Parsed.Single<LabelInstruction>("LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0");

        Assert.That(label.Pairs.Select(pair => (pair.Key.Value, pair.Value.Value)), Is.EqualTo(new[]
        {
            ("\"com.example.vendor\"", "\"ACME Inc\""), ("version", "1.0"),
        }));
    }

    [Test]
    public void Arg_declarations_with_and_without_defaults()
    {
        var markup = SpanMarkup.Parse("ARG [|[|VERSION|]=[|1.0|]|] [|[|TARGETARCH|]|] [|[|EMPTY|]=[||]|]");

        var arg = Parsed.Single<ArgInstruction>(markup.Text);

        Assert.That(arg.Declarations.Select(declaration => (declaration.Name.Value, declaration.DefaultValue?.Value)), Is.EqualTo(new[]
        {
            ("VERSION", "1.0"), ("TARGETARCH", (string?)null), ("EMPTY", string.Empty),
        }));
        Assert.That(arg.Declarations.SelectMany(declaration => new[] { declaration.Span, declaration.Name.Span }.Concat(
            declaration.DefaultValue is null ? Array.Empty<SourceSpan>() : new[] { declaration.DefaultValue.Span })), Is.EqualTo(markup.Spans));
        Assert.That(Parsed.Values(arg.Arguments), Is.EqualTo("VERSION=1.0|TARGETARCH|EMPTY="));
    }

    [Test]
    public void Onbuild_nests_its_trigger_with_its_own_spans()
    {
        var markup = SpanMarkup.Parse("[|ONBUILD [|[|USER|] [|root|]|]|]");

        var onbuild = Parsed.Single<OnbuildInstruction>(markup.Text);

        Assert.That(onbuild.Span, Is.EqualTo(markup.Spans[0]));
        var trigger = (UserInstruction)onbuild.Trigger;
        Assert.That(trigger.Span, Is.EqualTo(markup.Spans[1]));
        Assert.That(trigger.KeywordSpan, Is.EqualTo(markup.Spans[2]));
        Assert.That(trigger.Value.Span, Is.EqualTo(markup.Spans[3]));
        Assert.That(onbuild.Arguments.Single().Value, Is.EqualTo("USER root"));
        Assert.That(BuildKitDump.Format(Parsed.Syntax(markup.Text)), Is.EqualTo("(onbuild (user \"root\"))\n"));
    }

    [Test]
    public void Healthcheck_none_has_no_command()
    {
        var healthcheck = Parsed.Single<HealthcheckInstruction>("HEALTHCHECK NONE");

        Assert.That(healthcheck.IsNone, Is.True);
        Assert.That(healthcheck.Type!.Value, Is.EqualTo("NONE"));
    }

    [Test]
    public void Healthcheck_with_options_and_a_shell_or_exec_command()
    {
        var markup = SpanMarkup.Parse("HEALTHCHECK --interval=30s --timeout=3s [|CMD|] [|curl -f http://localhost/ || exit 1|]");

        var shell = Parsed.Single<HealthcheckInstruction>(markup.Text);

        Assert.That(shell.IsNone, Is.False);
        Assert.That(shell.Flags.Select(flag => flag.ToString()), Is.EqualTo(new[] { "--interval=30s", "--timeout=3s" }));
        Assert.That(shell.Type!.Span, Is.EqualTo(markup.Spans[0]));
        Assert.That(shell.Command!.ShellText, Is.EqualTo("curl -f http://localhost/ || exit 1"));
        Assert.That(shell.Command.Span, Is.EqualTo(markup.Spans[1]));

        var exec = Parsed.Single<HealthcheckInstruction>("HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]");
        Assert.That(exec.Command!.IsExecForm, Is.True);
        Assert.That(Parsed.Values(exec.Arguments), Is.EqualTo("CMD|curl|-f|http://localhost/"));
    }

    [Test]
    public void Maintainer_expose_volume_workdir_and_stopsignal()
    {
        var syntax = Parsed.Syntax(
            "MAINTAINER Jane Doe <jane@example.com>\nEXPOSE 80/tcp 443\nVOLUME /data /logs\nVOLUME [\"/cache\"]\nWORKDIR /app/src\nSTOPSIGNAL SIGTERM\n");

        Assert.That(syntax.Instructions.OfType<MaintainerInstruction>().Single().Text.Value, Is.EqualTo("Jane Doe <jane@example.com>"));
        Assert.That(Parsed.Values(syntax.Instructions.OfType<ExposeInstruction>().Single().Ports), Is.EqualTo("80/tcp|443"));
        Assert.That(syntax.Instructions.OfType<VolumeInstruction>().Select(volume => Parsed.Values(volume.Paths)), Is.EqualTo(new[] { "/data|/logs", "/cache" }));
        var workdir = syntax.Instructions.OfType<WorkdirInstruction>().Single();
        Assert.That(workdir.Path.Value, Is.EqualTo("/app/src"));
        Assert.That(workdir.Path.Span, Is.EqualTo(new SourceSpan(5, 9, 5, 17)));
        Assert.That(syntax.Instructions.OfType<StopsignalInstruction>().Single().Signal.Value, Is.EqualTo("SIGTERM"));
    }

    [Test]
    public void The_tree_spans_from_the_first_to_the_last_instruction()
    {
        var syntax = Parsed.Syntax("# comment\n\nFROM alpine\nUSER app\n\n# trailing comment\n");

        Assert.That(syntax.Span, Is.EqualTo(new SourceSpan(3, 1, 4, 9)));
    }

    [TestCase("foo", "foo")]
    [TestCase("foo bar", "foo|bar")]
    [TestCase("foo\\ bar", "foo\\ bar")]
    [TestCase("foo=bar", "foo=bar")]
    [TestCase("foo bar 'abc xyz'", "foo|bar|'abc xyz'")]
    [TestCase("foo bar \"abc xyz\"", "foo|bar|\"abc xyz\"")]
    [TestCase("föo bàr \"âbc xÿz\"", "föo|bàr|\"âbc xÿz\"")]
    [TestCase("a=\"x \\\" y\" b='p \\' q'", "a=\"x \\\" y\"|b='p \\'|q'")]
    public void Arg_words_are_split_like_BuildKit_splits_them(string arguments, string words)
    {
        Assert.That(Parsed.Values(Parsed.Single<ArgInstruction>("ARG " + arguments).Arguments), Is.EqualTo(words));
    }
}
