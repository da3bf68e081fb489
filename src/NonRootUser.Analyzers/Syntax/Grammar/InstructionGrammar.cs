using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>An instruction as read from its logical line, with the heredoc bodies it announces (read from the lines after it).</summary>
internal sealed record InstructionDraft(InstructionSyntax Node, IReadOnlyList<HeredocRequest> Heredocs);

/// <summary>
/// The grammar of one instruction, run over its logical line (continuations joined, comment lines removed): the
/// keyword, the <c>--flags</c>, then one parser per instruction for its arguments, each building the node BuildKit's
/// parser would (the same arguments its dump prints) with every word pointing back into the file.
/// </summary>
internal sealed class InstructionGrammar
{
    private static readonly IReadOnlyList<HeredocRequest> NoHeredocs = Array.Empty<HeredocRequest>();

    // The white space BuildKit splits keywords and whitespace-separated arguments on: [\t\v\f\r ].
    private static readonly Parser<Lexeme> Separators = Lexical.Run(IsSeparator);

    // RUN, run, Healthcheck — any word; unknown ones become UnknownInstruction nodes.
    private static readonly Parser<Lexeme> KeywordText = Lexical.Run1(c => !IsSeparator(c), "an instruction");

    private static readonly Parser<string> KeywordKey = KeywordText.Select(keyword => keyword.Text.ToLowerInvariant());

    // FROM␠
    private static readonly Parser<WordSyntax> Keyword =
        from keyword in KeywordText
        from separators in Separators
        select keyword.ToWord();

    // FROM --platform=linux/amd64␠
    private static readonly Parser<Header> InstructionHeader =
        from start in Lexical.Here
        from keyword in Keyword
        from flags in FlagGrammar.Flags
        select new Header(start, keyword, flags);

    // Everything up to the end of the instruction (its white space is already trimmed).
    private static readonly Parser<Lexeme> Rest = Lexical.Run(_ => true);

    // alpine AS build — arguments split on white space, as FROM and EXPOSE (and COPY/ADD/VOLUME in shell form) are.
    private static readonly Parser<Arguments> SeparatedWords =
        (from word in Lexical.Run1(c => !IsSeparator(c), "an argument")
         from separators in Separators
         select word.ToWord())
        .Many()
        .Select(words => Arguments.ShellForm(words.ToList()));

    // ["echo", "hi"] — exec form.
    private static readonly Parser<Arguments> JsonArguments = JsonGrammar.Array.Select(Arguments.ExecForm);

    // echo hi — shell form: the rest of the line is one argument.
    private static readonly Parser<Arguments> ShellCommand =
        Rest.Select(rest => Arguments.ShellForm(rest.IsEmpty ? Array.Empty<WordSyntax>() : new[] { rest.ToWord() }));

    // RUN/CMD/ENTRYPOINT/SHELL: exec form if the arguments are a JSON array, shell form otherwise.
    private static readonly Parser<Arguments> CommandArguments = OnlyStrings(JsonArguments.Or(ShellCommand));

    // COPY/ADD/VOLUME: exec form if the arguments are a JSON array, whitespace-separated words otherwise.
    private static readonly Parser<Arguments> ListArguments = OnlyStrings(JsonArguments.Or(SeparatedWords));

    // FROM [--platform=...] image [AS name]
    private static readonly Parser<InstructionDraft> From =
        from header in InstructionHeader
        from arguments in SeparatedWords
        from end in Lexical.Here
        from node in FromNode(header, arguments.Words, end)
        select node;

    // RUN [--mount=...] command
    private static readonly Parser<InstructionDraft> Run =
        from header in InstructionHeader
        from command in CommandArguments
        from end in Lexical.Here
        select new InstructionDraft(
            new RunInstruction(header.Keyword.Value, header.Flags, command.Words, header.SpanTo(end), command.ToCommand(), Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.Keyword.Span,
            },
            command.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, end));

    // CMD command
    private static readonly Parser<InstructionDraft> Cmd =
        from header in InstructionHeader
        from command in CommandArguments
        from end in Lexical.Here
        select Draft(new CmdInstruction(header.Keyword.Value, header.Flags, command.Words, header.SpanTo(end), command.ToCommand())
        {
            KeywordSpan = header.Keyword.Span,
        });

    // ENTRYPOINT command
    private static readonly Parser<InstructionDraft> Entrypoint =
        from header in InstructionHeader
        from command in CommandArguments
        from end in Lexical.Here
        select Draft(new EntrypointInstruction(header.Keyword.Value, header.Flags, command.Words, header.SpanTo(end), command.ToCommand())
        {
            KeywordSpan = header.Keyword.Span,
        });

    // SHELL ["/bin/sh", "-c"]
    private static readonly Parser<InstructionDraft> Shell =
        from header in InstructionHeader
        from command in CommandArguments
        from end in Lexical.Here
        select Draft(new ShellInstruction(header.Keyword.Value, header.Flags, command.Words, header.SpanTo(end), command.ToCommand())
        {
            KeywordSpan = header.Keyword.Span,
        });

    // COPY [--from=build] src... dest
    private static readonly Parser<InstructionDraft> Copy =
        from header in InstructionHeader
        from arguments in ListArguments
        from end in Lexical.Here
        select new InstructionDraft(
            new CopyInstruction(header.Keyword.Value, header.Flags, arguments.Words, header.SpanTo(end), arguments.Sources, arguments.Destination, Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.Keyword.Span,
            },
            arguments.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, end));

    // ADD [--chown=...] src... dest
    private static readonly Parser<InstructionDraft> Add =
        from header in InstructionHeader
        from arguments in ListArguments
        from end in Lexical.Here
        select new InstructionDraft(
            new AddInstruction(header.Keyword.Value, header.Flags, arguments.Words, header.SpanTo(end), arguments.Sources, arguments.Destination, Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.Keyword.Span,
            },
            arguments.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, end));

    // VOLUME /data /logs
    private static readonly Parser<InstructionDraft> Volume =
        from header in InstructionHeader
        from arguments in ListArguments
        from end in Lexical.Here
        select Draft(new VolumeInstruction(header.Keyword.Value, header.Flags, arguments.Words, header.SpanTo(end), arguments.Words)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // EXPOSE 80/tcp 443
    private static readonly Parser<InstructionDraft> Expose =
        from header in InstructionHeader
        from arguments in SeparatedWords
        from end in Lexical.Here
        select Draft(new ExposeInstruction(header.Keyword.Value, header.Flags, arguments.Words, header.SpanTo(end), arguments.Words)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // USER app:app
    private static readonly Parser<InstructionDraft> User =
        from header in InstructionHeader
        from value in RequiredRest(header, "a user name after USER")
        from end in Lexical.Here
        select Draft(new UserInstruction(header.Keyword.Value, header.Flags, new[] { value }, header.SpanTo(end), value)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // WORKDIR /app
    private static readonly Parser<InstructionDraft> Workdir =
        from header in InstructionHeader
        from path in RequiredRest(header, "a path after WORKDIR")
        from end in Lexical.Here
        select Draft(new WorkdirInstruction(header.Keyword.Value, header.Flags, new[] { path }, header.SpanTo(end), path)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // STOPSIGNAL SIGTERM
    private static readonly Parser<InstructionDraft> Stopsignal =
        from header in InstructionHeader
        from signal in RequiredRest(header, "a signal after STOPSIGNAL")
        from end in Lexical.Here
        select Draft(new StopsignalInstruction(header.Keyword.Value, header.Flags, new[] { signal }, header.SpanTo(end), signal)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // MAINTAINER Jane <jane@example.com>
    private static readonly Parser<InstructionDraft> Maintainer =
        from header in InstructionHeader
        from text in RequiredRest(header, "a name after MAINTAINER")
        from end in Lexical.Here
        select Draft(new MaintainerInstruction(header.Keyword.Value, header.Flags, new[] { text }, header.SpanTo(end), text)
        {
            KeywordSpan = header.Keyword.Span,
        });

    // HEALTHCHECK NONE, HEALTHCHECK --interval=5s CMD curl -f http://localhost/
    private static readonly Parser<InstructionDraft> Healthcheck =
        from header in InstructionHeader
        from type in Lexical.Run(c => !char.IsWhiteSpace(c))
        from blanks in Lexical.Run(char.IsWhiteSpace)
        from command in type.IsEmpty ? Parse.Return(Arguments.None with { Span = type.Span }) : CommandArguments
        from end in Lexical.Here
        select Draft(HealthcheckNode(header, type, command, end));

    // FOO bar — not an instruction BuildKit knows: its parser keeps it (the build fails later).
    private static readonly Parser<InstructionDraft> Unknown =
        from header in InstructionHeader
        from rest in Rest
        from end in Lexical.Here
        select Draft(new UnknownInstruction(header.Keyword.Value, header.Flags, new[] { new WordSyntax(string.Empty, rest.Span) }, header.SpanTo(end))
        {
            KeywordSpan = header.Keyword.Span,
        });

    // ONBUILD ONBUILD ... — rejected here rather than parsed recursively: Docker does not allow chaining ONBUILD.
    private static readonly Parser<InstructionDraft> ChainedOnbuild =
        from keyword in Lexical.Here
        from fail in Lexical.ExpectedAt<InstructionDraft>(keyword, "an instruction other than ONBUILD after ONBUILD (ONBUILD cannot be chained)")
        select fail;

    // Built last: their constructors use the static parsers above.
    public static readonly InstructionGrammar Backslash = new('\\');
    public static readonly InstructionGrammar Backtick = new('`');

    private readonly Parser<InstructionDraft> onbuild;

    private InstructionGrammar(char escape)
    {
        var words = WordGrammar.For(escape);

        // ENV name=value ... or ENV name value
        var env = KeyValueInstruction(words, "ENV", (header, pairs, arguments, end) =>
            new EnvInstruction(header.Keyword.Value, header.Flags, arguments, header.SpanTo(end), pairs) { KeywordSpan = header.Keyword.Span });

        // LABEL key=value ... or LABEL key value
        var label = KeyValueInstruction(words, "LABEL", (header, pairs, arguments, end) =>
            new LabelInstruction(header.Keyword.Value, header.Flags, arguments, header.SpanTo(end), pairs) { KeywordSpan = header.Keyword.Span });

        // ARG NAME[=default] ...
        var arg =
            from header in InstructionHeader
            from declarations in words.Words
            from end in Lexical.Here
            select Draft(new ArgInstruction(
                header.Keyword.Value,
                header.Flags,
                declarations.Select(word => word.ToWord()).ToList(),
                header.SpanTo(end),
                declarations.Select(ToArgDeclaration).ToList())
            {
                KeywordSpan = header.Keyword.Span,
            });

        var triggers = new Dictionary<string, Parser<InstructionDraft>>(StringComparer.Ordinal)
        {
            ["add"] = Add,
            ["arg"] = arg,
            ["cmd"] = Cmd,
            ["copy"] = Copy,
            ["entrypoint"] = Entrypoint,
            ["env"] = env,
            ["expose"] = Expose,
            ["from"] = From,
            ["healthcheck"] = Healthcheck,
            ["label"] = label,
            ["maintainer"] = Maintainer,
            ["onbuild"] = ChainedOnbuild,
            ["run"] = Run,
            ["shell"] = Shell,
            ["stopsignal"] = Stopsignal,
            ["user"] = User,
            ["volume"] = Volume,
            ["workdir"] = Workdir,
        };

        // ONBUILD RUN make — the trigger is an instruction of its own, recorded for images built FROM this one.
        onbuild =
            from header in InstructionHeader
            from trigger in Lexical.Dispatch(KeywordKey.Named("an instruction after ONBUILD"), triggers, Unknown).Located()
            select new InstructionDraft(
                new OnbuildInstruction(
                    header.Keyword.Value,
                    header.Flags,
                    new[] { new WordSyntax(trigger.Start.TextTo(trigger.End), trigger.Span) },
                    header.SpanTo(trigger.End),
                    trigger.Value.Node)
                {
                    KeywordSpan = header.Keyword.Span,
                },
                trigger.Value.Heredocs);

        var instructions = new Dictionary<string, Parser<InstructionDraft>>(triggers, StringComparer.Ordinal)
        {
            ["onbuild"] = onbuild,
        };

        Instruction = Lexical.Dispatch(KeywordKey, instructions, Unknown).End();
    }

    /// <summary>One instruction filling its whole logical line.</summary>
    public Parser<InstructionDraft> Instruction { get; }

    public static InstructionGrammar For(char escape) => escape == '`' ? Backtick : Backslash;

    private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    private static InstructionDraft Draft(InstructionSyntax node) => new(node, NoHeredocs);

    /// <summary>BuildKit rejects a valid JSON array that holds anything but strings (it does not fall back to shell form).</summary>
    private static Parser<Arguments> OnlyStrings(Parser<Arguments> arguments) =>
        from parsed in arguments.Located()
        from checkedArguments in parsed.Value.NonString is { } element
            ? Lexical.ExpectedAt<Arguments>(element.Start, "only strings in the JSON array (exec form)")
            : Parse.Return(parsed.Value with { Span = parsed.Span })
        select checkedArguments;

    /// <summary>The rest of the instruction as one word, which must not be empty.</summary>
    private static Parser<WordSyntax> RequiredRest(Header header, string expectation) =>
        from rest in Rest
        from word in rest.IsEmpty
            ? Lexical.ExpectedAt<WordSyntax>(rest.Start.AtUntrimmedEnd(), expectation)
            : Parse.Return(rest.ToWord())
        select word;

    private static Parser<InstructionDraft> FromNode(Header header, IReadOnlyList<WordSyntax> words, TextInput end)
    {
        if (words.Count == 0)
        {
            return Lexical.ExpectedAt<InstructionDraft>(end.AtUntrimmedEnd(), "an image name after FROM");
        }

        var stageName = words.Count == 3 && string.Equals(words[1].Value, "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
        if (words.Count != 1 && stageName is null)
        {
            return words.Count == 2 && string.Equals(words[1].Value, "AS", StringComparison.OrdinalIgnoreCase)
                ? Lexical.ExpectedAt<InstructionDraft>(end.AtUntrimmedEnd(), "a stage name after AS")
                : Lexical.ExpectedAt<InstructionDraft>(InputAt(end, words[1].Span.Start), "AS and a stage name, or the end of the line, after the image name");
        }

        return Parse.Return(Draft(new FromInstruction(header.Keyword.Value, header.Flags, words, header.SpanTo(end), words[0], stageName)
        {
            KeywordSpan = header.Keyword.Span,
        }));
    }

    /// <summary>An input that reports <paramref name="position"/> (an error location found after parsing).</summary>
    private static TextInput InputAt(TextInput anywhere, SourcePosition position)
    {
        var source = anywhere.SourceText;
        var line = Math.Min(position.Line, source.LineCount) - 1;
        return anywhere.AtFileOffset(source.LineStart(line) + position.Column - 1);
    }

    private static InstructionSyntax HealthcheckNode(Header header, Lexeme type, Arguments command, TextInput end)
    {
        var words = new List<WordSyntax>();
        WordSyntax? typeWord = null;
        if (!type.IsEmpty)
        {
            typeWord = type.ToWord();
            words.Add(typeWord);
            words.AddRange(command.Words);
        }

        var isNone = typeWord is not null && string.Equals(typeWord.Value, "NONE", StringComparison.OrdinalIgnoreCase);
        return new HealthcheckInstruction(header.Keyword.Value, header.Flags, words, header.SpanTo(end), isNone ? null : command.ToCommand())
        {
            KeywordSpan = header.Keyword.Span,
            Type = typeWord,
        };
    }

    private static ArgDeclarationSyntax ToArgDeclaration(ShellWord word)
    {
        var equals = word.Value.IndexOf('=');
        var span = word.ToWord().Span;
        return equals < 0
            ? new ArgDeclarationSyntax(word.ToWord(), null, span)
            : new ArgDeclarationSyntax(word.Slice(0, equals), word.Slice(equals + 1, word.Value.Length), span);
    }

    /// <summary>
    /// ENV and LABEL: <c>name=value ...</c> when the first word has an <c>=</c>, otherwise the legacy
    /// <c>name value</c> where the value is the rest of the line.
    /// </summary>
    private static Parser<InstructionDraft> KeyValueInstruction(
        WordGrammar words,
        string keyword,
        Func<Header, IReadOnlyList<KeyValueSyntax>, IReadOnlyList<WordSyntax>, TextInput, InstructionSyntax> build)
    {
        // name=value name2="value 2"
        var namedPairs =
            from pairWords in words.Words
            from pairs in NamedPairs(pairWords)
            select pairs;

        // name value with spaces
        var legacyPair =
            from name in Lexical.Run1(c => !IsSeparator(c), "a name")
            from separators in Separators
            from value in Rest
            from pair in value.IsEmpty
                ? Lexical.ExpectedAt<IReadOnlyList<KeyValueSyntax>>(value.Start.AtUntrimmedEnd(), $"a value for {name.Text} ({keyword} {name.Text}=value)")
                : Parse.Return<IReadOnlyList<KeyValueSyntax>>(new[] { LegacyPair(name, value) })
            select pair;

        return
            from header in InstructionHeader
            from first in words.Word.Preview()
            from pairs in !first.IsDefined ? Parse.Return<IReadOnlyList<KeyValueSyntax>>(Array.Empty<KeyValueSyntax>())
                : first.Get().Value.IndexOf('=') >= 0 ? namedPairs
                : legacyPair
            from end in Lexical.Here
            select Draft(build(header, pairs, FlattenPairs(pairs), end));
    }

    private static Parser<IReadOnlyList<KeyValueSyntax>> NamedPairs(IReadOnlyList<ShellWord> words)
    {
        var pairs = new List<KeyValueSyntax>(words.Count);
        foreach (var word in words)
        {
            var equals = word.Value.IndexOf('=');
            if (equals < 0)
            {
                return Lexical.ExpectedAt<IReadOnlyList<KeyValueSyntax>>(word.Start, $"name=value instead of \"{word.Value}\"");
            }

            pairs.Add(new KeyValueSyntax(word.Slice(0, equals), word.Slice(equals + 1, word.Value.Length), true, word.ToWord().Span));
        }

        return Parse.Return<IReadOnlyList<KeyValueSyntax>>(pairs);
    }

    private static KeyValueSyntax LegacyPair(Lexeme name, Lexeme value) =>
        new(name.ToWord(), value.ToWord(), false, name.Start.SpanTo(value.End));

    /// <summary>BuildKit's flat triples: name, value, and the separator (<c>=</c>, or empty for the legacy form).</summary>
    private static IReadOnlyList<WordSyntax> FlattenPairs(IReadOnlyList<KeyValueSyntax> pairs)
    {
        var words = new List<WordSyntax>(pairs.Count * 3);
        foreach (var pair in pairs)
        {
            words.Add(pair.Key);
            words.Add(pair.Value);
            words.Add(pair.HasEquals
                ? new WordSyntax("=", new SourceSpan(pair.Key.Span.End, pair.Value.Span.Start))
                : new WordSyntax(string.Empty, new SourceSpan(pair.Key.Span.End, pair.Key.Span.End)));
        }

        return words;
    }

    /// <summary>The keyword and flags every instruction starts with.</summary>
    private sealed record Header(TextInput Start, WordSyntax Keyword, IReadOnlyList<FlagSyntax> Flags)
    {
        public SourceSpan SpanTo(TextInput end) => Start.SpanTo(end);
    }

    /// <summary>Parsed arguments: shell form (as words) or exec form (a JSON array).</summary>
    private sealed record Arguments(bool IsExecForm, IReadOnlyList<WordSyntax> Words, JsonElement? NonString)
    {
        public static readonly Arguments None = new(false, Array.Empty<WordSyntax>(), null);

        public IReadOnlyList<WordSyntax> Sources => Words.Count < 2 ? Words : Words.Take(Words.Count - 1).ToList();

        public WordSyntax? Destination => Words.Count < 2 ? null : Words[Words.Count - 1];

        public static Arguments ShellForm(IReadOnlyList<WordSyntax> words) => new(false, words, null);

        public static Arguments ExecForm(IReadOnlyList<JsonElement> elements) =>
            new(true, elements.Select(element => element.ToWord()).ToList(), elements.FirstOrDefault(element => element.Value is null));

        /// <summary>Where the arguments are: the whole JSON array in exec form.</summary>
        public SourceSpan Span { get; init; }

        public CommandSyntax ToCommand() => new(IsExecForm, Words, Span);
    }
}
