using System;
using System.Collections.Generic;
using System.Linq;
using Sprache;

namespace NonRootUser.Analyzers.Syntax.Grammar;

/// <summary>An instruction as read from its logical line, with the heredoc bodies it announces (read from the lines after it).</summary>
internal sealed record InstructionDraft(InstructionSyntax Node, IReadOnlyList<HeredocRequest> Heredocs);

/// <summary>
/// The grammar of one instruction, run over its logical line (continuations joined, comment lines removed, white space
/// trimmed): the keyword, the <c>--flags</c>, then one parser per instruction for its arguments, each building the node
/// BuildKit's parser would (the arguments its dump prints) with every word pointing back into the file.
/// </summary>
internal sealed class InstructionGrammar
{
    private static readonly IReadOnlyList<HeredocRequest> NoHeredocs = Array.Empty<HeredocRequest>();

    // The white space BuildKit splits keywords and whitespace-separated arguments on: [\t\v\f\r ].
    private static readonly Parser<Lexeme> Separators = Lexical.Run(IsSeparator);

    // RUN, run, Healthcheck — any word; unknown ones become UnknownInstruction nodes.
    private static readonly Parser<Lexeme> KeywordText = Lexical.Run1(c => !IsSeparator(c), "an instruction");

    // FROM␠
    private static readonly Parser<Lexeme> Keyword = Lexical.Token(c => !IsSeparator(c), IsSeparator, "an instruction");

    // FROM --platform=linux/amd64␠
    private static readonly Parser<Header> InstructionHeader =
        from keyword in Keyword
        from flags in FlagGrammar.Flags
        select new Header(keyword, flags);

    private static readonly Parser<Lexeme> Blanks = Lexical.Run(char.IsWhiteSpace);

    // Everything up to the end of the instruction (its white space is already trimmed).
    private static readonly Parser<Lexeme> Rest = Lexical.Rest;

    // alpine␠ — an argument and the white space after it.
    private static readonly Parser<Lexeme> SeparatedWord = Lexical.Token(c => !IsSeparator(c), IsSeparator, "an argument");

    // alpine AS build — arguments split on white space, as FROM and EXPOSE (and COPY/ADD/VOLUME in shell form) are.
    private static readonly Parser<Arguments> SeparatedWords =
        SeparatedWord.Select(word => word.ToWord()).RepeatUntil(_ => false).Located()
            .Select(words => Arguments.ShellForm(words.Value, words.Span));

    // ["echo", "hi"] — exec form.
    private static readonly Parser<Arguments> JsonArguments = JsonGrammar.Array.Select(Arguments.ExecForm);

    // echo hi — shell form: the rest of the line is one argument.
    private static readonly Parser<Arguments> ShellCommand =
        Rest.Select(rest => Arguments.ShellForm(rest.IsEmpty ? Array.Empty<WordSyntax>() : new[] { rest.ToWord() }, rest.Span));

    // RUN/CMD/ENTRYPOINT/SHELL: exec form if the arguments are a JSON array, shell form otherwise.
    private static readonly Parser<Arguments> CommandArguments =
        OnlyStrings(Lexical.IfNext(c => c == '[', JsonArguments.Or(ShellCommand), ShellCommand));

    // COPY/ADD/VOLUME: exec form if the arguments are a JSON array, whitespace-separated words otherwise.
    private static readonly Parser<Arguments> ListArguments =
        OnlyStrings(Lexical.IfNext(c => c == '[', JsonArguments.Or(SeparatedWords), SeparatedWords));

    // alpine AS build, as lexemes (FROM reports errors at them).
    private static readonly Parser<Located<IReadOnlyList<Lexeme>>> SeparatedLexemes = SeparatedWord.RepeatUntil(_ => false).Located();

    // root:root, /app, SIGTERM, Jane Doe — the rest of the line as one required argument.
    private static readonly Parser<WordSyntax> UserArgument = RequiredRest("a user name after USER");
    private static readonly Parser<WordSyntax> WorkdirArgument = RequiredRest("a path after WORKDIR");
    private static readonly Parser<WordSyntax> StopsignalArgument = RequiredRest("a signal after STOPSIGNAL");
    private static readonly Parser<WordSyntax> MaintainerArgument = RequiredRest("a name after MAINTAINER");

    // alpine AS build — checked: an image, then nothing or AS and a stage name.
    private static readonly Parser<IReadOnlyList<WordSyntax>> FromArguments = SeparatedLexemes.SelectChecked(CheckFromArguments);

    // FROM [--platform=...] image [AS name]
    private static readonly Parser<InstructionDraft> From =
        from header in InstructionHeader
        from words in FromArguments
        select Draft(new FromInstruction(header.Text, header.Flags, words, header.Span, words[0], StageName(words))
        {
            KeywordSpan = header.KeywordSpan,
        });

    // RUN [--mount=...] command
    private static readonly Parser<InstructionDraft> Run =
        from header in InstructionHeader
        from command in CommandArguments
        select new InstructionDraft(
            new RunInstruction(header.Text, header.Flags, command.Words, header.Span, command.ToCommand(), Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.KeywordSpan,
            },
            command.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, header.End));

    // CMD command
    private static readonly Parser<InstructionDraft> Cmd =
        from header in InstructionHeader
        from command in CommandArguments
        select Draft(new CmdInstruction(header.Text, header.Flags, command.Words, header.Span, command.ToCommand())
        {
            KeywordSpan = header.KeywordSpan,
        });

    // ENTRYPOINT command
    private static readonly Parser<InstructionDraft> Entrypoint =
        from header in InstructionHeader
        from command in CommandArguments
        select Draft(new EntrypointInstruction(header.Text, header.Flags, command.Words, header.Span, command.ToCommand())
        {
            KeywordSpan = header.KeywordSpan,
        });

    // SHELL ["/bin/sh", "-c"]
    private static readonly Parser<InstructionDraft> Shell =
        from header in InstructionHeader
        from command in CommandArguments
        select Draft(new ShellInstruction(header.Text, header.Flags, command.Words, header.Span, command.ToCommand())
        {
            KeywordSpan = header.KeywordSpan,
        });

    // COPY [--from=build] src... dest
    private static readonly Parser<InstructionDraft> Copy =
        from header in InstructionHeader
        from arguments in ListArguments
        select new InstructionDraft(
            new CopyInstruction(header.Text, header.Flags, arguments.Words, header.Span, arguments.Sources, arguments.Destination, Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.KeywordSpan,
            },
            arguments.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, header.End));

    // ADD [--chown=...] src... dest
    private static readonly Parser<InstructionDraft> Add =
        from header in InstructionHeader
        from arguments in ListArguments
        select new InstructionDraft(
            new AddInstruction(header.Text, header.Flags, arguments.Words, header.Span, arguments.Sources, arguments.Destination, Array.Empty<HeredocSyntax>())
            {
                KeywordSpan = header.KeywordSpan,
            },
            arguments.IsExecForm ? NoHeredocs : HeredocGrammar.Find(header.Start, header.End));

    // VOLUME /data /logs
    private static readonly Parser<InstructionDraft> Volume =
        from header in InstructionHeader
        from arguments in ListArguments
        select Draft(new VolumeInstruction(header.Text, header.Flags, arguments.Words, header.Span, arguments.Words)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // EXPOSE 80/tcp 443
    private static readonly Parser<InstructionDraft> Expose =
        from header in InstructionHeader
        from arguments in SeparatedWords
        select Draft(new ExposeInstruction(header.Text, header.Flags, arguments.Words, header.Span, arguments.Words)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // USER app:app
    private static readonly Parser<InstructionDraft> User =
        from header in InstructionHeader
        from value in UserArgument
        select Draft(new UserInstruction(header.Text, header.Flags, new[] { value }, header.Span, value)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // WORKDIR /app
    private static readonly Parser<InstructionDraft> Workdir =
        from header in InstructionHeader
        from path in WorkdirArgument
        select Draft(new WorkdirInstruction(header.Text, header.Flags, new[] { path }, header.Span, path)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // STOPSIGNAL SIGTERM
    private static readonly Parser<InstructionDraft> Stopsignal =
        from header in InstructionHeader
        from signal in StopsignalArgument
        select Draft(new StopsignalInstruction(header.Text, header.Flags, new[] { signal }, header.Span, signal)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // MAINTAINER Jane <jane@example.com>
    private static readonly Parser<InstructionDraft> Maintainer =
        from header in InstructionHeader
        from text in MaintainerArgument
        select Draft(new MaintainerInstruction(header.Text, header.Flags, new[] { text }, header.Span, text)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // CMD curl -f http://localhost/ — the check type (CMD, NONE, ...), then a command like CMD's.
    // (A missing type leaves nothing for the command, which is then empty.)
    private static readonly Parser<(Lexeme Type, Arguments Command)> HealthcheckArguments =
        from type in Lexical.Run(c => !char.IsWhiteSpace(c))
        from blanks in Blanks
        from command in CommandArguments
        select (type, command);

    // HEALTHCHECK NONE, HEALTHCHECK --interval=5s CMD curl -f http://localhost/
    private static readonly Parser<InstructionDraft> Healthcheck =
        from header in InstructionHeader
        from arguments in HealthcheckArguments
        select Draft(HealthcheckNode(header, arguments.Type, arguments.Command));

    // FOO bar — not an instruction BuildKit knows: its parser keeps it (the build fails later).
    private static readonly Parser<InstructionDraft> Unknown =
        from header in InstructionHeader
        from rest in Rest
        select Draft(new UnknownInstruction(header.Text, header.Flags, new[] { new WordSyntax(string.Empty, rest.Span) }, header.Span)
        {
            KeywordSpan = header.KeywordSpan,
        });

    // ONBUILD ONBUILD ... — rejected here rather than parsed recursively: Docker does not allow chaining ONBUILD.
    private static readonly Parser<InstructionDraft> ChainedOnbuild =
        Lexical.Expected<InstructionDraft>("an instruction other than ONBUILD after ONBUILD (ONBUILD cannot be chained)");

    // Built last: their constructors use the static parsers above.
    public static readonly InstructionGrammar Backslash = new('\\');
    public static readonly InstructionGrammar Backtick = new('`');

    private InstructionGrammar(char escape)
    {
        var words = WordGrammar.For(escape);

        var envPairs = KeyValuePairs(words, "ENV");
        var labelPairs = KeyValuePairs(words, "LABEL");

        // ENV name=value ... or ENV name value
        var env =
            from header in InstructionHeader
            from pairs in envPairs
            select Draft(new EnvInstruction(header.Text, header.Flags, FlattenPairs(pairs), header.Span, pairs)
            {
                KeywordSpan = header.KeywordSpan,
            });

        // LABEL key=value ... or LABEL key value
        var label =
            from header in InstructionHeader
            from pairs in labelPairs
            select Draft(new LabelInstruction(header.Text, header.Flags, FlattenPairs(pairs), header.Span, pairs)
            {
                KeywordSpan = header.KeywordSpan,
            });

        // ARG NAME[=default] ...
        var arg =
            from header in InstructionHeader
            from declarations in words.Words
            select Draft(new ArgInstruction(
                header.Text,
                header.Flags,
                declarations.Select(word => word.ToWord()).ToList(),
                header.Span,
                declarations.Select(ToArgDeclaration).ToList())
            {
                KeywordSpan = header.KeywordSpan,
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
        var triggerTable = new KeywordTable(triggers);
        var triggerInstruction = Lexical.Dispatch(KeywordText.Named("an instruction after ONBUILD"), triggerTable.Find, Unknown).Located();
        var onbuild =
            from header in InstructionHeader
            from trigger in triggerInstruction
            select new InstructionDraft(
                new OnbuildInstruction(
                    header.Text,
                    header.Flags,
                    new[] { new WordSyntax(trigger.Start.TextTo(trigger.End), trigger.Span) },
                    header.Span,
                    trigger.Value.Node)
                {
                    KeywordSpan = header.KeywordSpan,
                },
                trigger.Value.Heredocs);

        var instructions = new Dictionary<string, Parser<InstructionDraft>>(triggers, StringComparer.Ordinal)
        {
            ["onbuild"] = onbuild,
        };

        Instruction = Lexical.Dispatch(KeywordText, new KeywordTable(instructions).Find, Unknown).End();
    }

    /// <summary>One instruction filling its whole logical line.</summary>
    public Parser<InstructionDraft> Instruction { get; }

    public static InstructionGrammar For(char escape) => escape == '`' ? Backtick : Backslash;

    private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

    private static InstructionDraft Draft(InstructionSyntax node) => new(node, NoHeredocs);

    /// <summary>BuildKit rejects a valid JSON array that holds anything but strings (it does not fall back to shell form).</summary>
    private static Parser<Arguments> OnlyStrings(Parser<Arguments> arguments) =>
        arguments.SelectChecked(parsed => parsed.NonString is { } element
            ? Outcome<Arguments>.Expected(element.Start, "only strings in the JSON array (exec form)")
            : parsed);

    /// <summary>The rest of the instruction as one word, which must not be empty.</summary>
    private static Parser<WordSyntax> RequiredRest(string expectation) =>
        Rest.SelectChecked(rest => rest.IsEmpty
            ? Outcome<WordSyntax>.Expected(rest.Start.AtUntrimmedEnd(), expectation)
            : rest.ToWord());

    /// <summary>FROM takes an image, optionally followed by <c>AS name</c>.</summary>
    private static Outcome<IReadOnlyList<WordSyntax>> CheckFromArguments(Located<IReadOnlyList<Lexeme>> arguments)
    {
        var words = arguments.Value;
        var hasAs = words.Count >= 2 && string.Equals(words[1].Text, "AS", StringComparison.OrdinalIgnoreCase);
        if (words.Count == 0)
        {
            return Outcome<IReadOnlyList<WordSyntax>>.Expected(arguments.End.AtUntrimmedEnd(), "an image name after FROM");
        }

        if (words.Count == 2 && hasAs)
        {
            return Outcome<IReadOnlyList<WordSyntax>>.Expected(arguments.End.AtUntrimmedEnd(), "a stage name after AS");
        }

        if (words.Count > 3 && hasAs)
        {
            return Outcome<IReadOnlyList<WordSyntax>>.Expected(words[3].Start, "the end of the line after the stage name");
        }

        if (words.Count != 1 && !hasAs)
        {
            return Outcome<IReadOnlyList<WordSyntax>>.Expected(words[1].Start, "AS and a stage name, or the end of the line, after the image name");
        }

        return words.Select(word => word.ToWord()).ToList();
    }

    private static WordSyntax? StageName(IReadOnlyList<WordSyntax> words) =>
        words.Count == 3 && string.Equals(words[1].Value, "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;

    private static InstructionSyntax HealthcheckNode(Header header, Lexeme type, Arguments command)
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
        return new HealthcheckInstruction(header.Text, header.Flags, words, header.Span, isNone ? null : command.ToCommand())
        {
            KeywordSpan = header.KeywordSpan,
            Type = typeWord,
        };
    }

    private static ArgDeclarationSyntax ToArgDeclaration(ShellWord word)
    {
        var equals = word.Value.IndexOf('=');
        return equals < 0
            ? new ArgDeclarationSyntax(word.ToWord(), null, word.Span)
            : new ArgDeclarationSyntax(word.Slice(0, equals), word.Slice(equals + 1, word.Value.Length), word.Span);
    }

    /// <summary>
    /// ENV and LABEL: <c>name=value ...</c> when the first word has an <c>=</c>, otherwise the legacy
    /// <c>name value</c> where the value is the rest of the line.
    /// </summary>
    private static Parser<IReadOnlyList<KeyValueSyntax>> KeyValuePairs(WordGrammar words, string keyword)
    {
        // name=value name2="value 2"
        var namedPairs = words.Words.SelectChecked(NamedPairs);

        // name value with spaces
        var legacyPair =
            from name in Lexical.Run1(c => !IsSeparator(c), "a name")
            from separators in Separators
            from value in Rest
            select (name, value);

        var checkedLegacyPair = legacyPair.SelectChecked(pair => pair.value.IsEmpty
            ? Outcome<IReadOnlyList<KeyValueSyntax>>.Expected(pair.value.Start.AtUntrimmedEnd(), $"a value for {pair.name.Text} ({keyword} {pair.name.Text}=value)")
            : new[] { LegacyPair(pair.name, pair.value) });

        var noPairs = (IReadOnlyList<KeyValueSyntax>)Array.Empty<KeyValueSyntax>();

        // BuildKit decides on the first word: with an '=' it is the name=value form.
        return Lexical.IfNext(_ => true, Lexical.Choose(words.Word, first => first.Value.IndexOf('=') >= 0, namedPairs, checkedLegacyPair), noPairs);
    }

    private static Outcome<IReadOnlyList<KeyValueSyntax>> NamedPairs(IReadOnlyList<ShellWord> words)
    {
        var pairs = new KeyValueSyntax[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var equals = word.Value.IndexOf('=');
            if (equals < 0)
            {
                return Outcome<IReadOnlyList<KeyValueSyntax>>.Expected(word.Start, $"name=value instead of \"{word.Value}\"");
            }

            pairs[i] = new KeyValueSyntax(word.Slice(0, equals), word.Slice(equals + 1, word.Value.Length), true, word.Span);
        }

        return pairs;
    }

    private static KeyValueSyntax LegacyPair(Lexeme name, Lexeme value) =>
        new(name.ToWord(), value.ToWord(), false, name.Start.SpanTo(value.End));

    /// <summary>BuildKit's flat triples: name, value, and the separator (<c>=</c>, or empty for the legacy form).</summary>
    private static IReadOnlyList<WordSyntax> FlattenPairs(IReadOnlyList<KeyValueSyntax> pairs)
    {
        var words = new WordSyntax[pairs.Count * 3];
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            words[3 * i] = pair.Key;
            words[(3 * i) + 1] = pair.Value;
            words[(3 * i) + 2] = pair.HasEquals
                ? new WordSyntax("=", new SourceSpan(pair.Key.Span.End, pair.Value.Span.Start))
                : new WordSyntax(string.Empty, new SourceSpan(pair.Key.Span.End, pair.Key.Span.End));
        }

        return words;
    }

    /// <summary>The keyword and flags every instruction starts with; the instruction runs to the end of its window.</summary>
    private sealed class Header
    {
        public Header(Lexeme keyword, IReadOnlyList<FlagSyntax> flags)
        {
            Keyword = keyword;
            Flags = flags;
        }

        public Lexeme Keyword { get; }

        public IReadOnlyList<FlagSyntax> Flags { get; }

        /// <summary>The keyword as written (the table's own string when it is written like one of its spellings).</summary>
        public string Text => KeywordTable.Spelling(Keyword);

        public TextInput Start => Keyword.Start;

        public TextInput End => Keyword.Start.At(Keyword.Start.End);

        public SourceSpan KeywordSpan => Keyword.Span;

        public SourceSpan Span => Start.SpanTo(End);
    }

    /// <summary>Parsed arguments: shell form (as words) or exec form (a JSON array), and where they are.</summary>
    private sealed record Arguments(bool IsExecForm, IReadOnlyList<WordSyntax> Words, JsonElement? NonString, SourceSpan Span)
    {
        public IReadOnlyList<WordSyntax> Sources => Words.Count < 2 ? Words : Words.Take(Words.Count - 1).ToList();

        public WordSyntax? Destination => Words.Count < 2 ? null : Words[Words.Count - 1];

        public static Arguments ShellForm(IReadOnlyList<WordSyntax> words, SourceSpan span) => new(false, words, null, span);

        public static Arguments ExecForm(JsonArray array)
        {
            var words = new WordSyntax[array.Elements.Count];
            JsonElement? nonString = null;
            for (var i = 0; i < words.Length; i++)
            {
                var element = array.Elements[i];
                words[i] = element.ToWord();
                nonString ??= element.Value is null ? element : null;
            }

            return new(true, words, nonString, array.Start.SpanTo(array.End));
        }

        public CommandSyntax ToCommand() => new(IsExecForm, Words, Span);
    }

    /// <summary>The instructions by keyword, found without allocating (keywords are ASCII; others are lower-cased like Go does).</summary>
    private sealed class KeywordTable
    {
        private static readonly string[] Spellings =
        {
            "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
            "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
            "add", "arg", "cmd", "copy", "entrypoint", "env", "expose", "from", "healthcheck", "label", "maintainer", "onbuild",
            "run", "shell", "stopsignal", "user", "volume", "workdir",
        };

        private readonly KeyValuePair<string, Parser<InstructionDraft>>[] entries;

        public KeywordTable(IEnumerable<KeyValuePair<string, Parser<InstructionDraft>>> entries) => this.entries = entries.ToArray();

        public Parser<InstructionDraft>? Find(Lexeme keyword)
        {
            var text = keyword.Start.Source;
            var start = keyword.Start.Position;
            var length = keyword.Length;
            foreach (var entry in entries)
            {
                if (entry.Key.Length == length && string.Compare(text, start, entry.Key, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    // OrdinalIgnoreCase also matches some non-ASCII letters (the long s matches S): confirm like Go's ToLower.
                    return IsAscii(text, start, length) || string.Equals(keyword.Text.ToLowerInvariant(), entry.Key, StringComparison.Ordinal)
                        ? entry.Value
                        : null;
                }
            }

            return IsAscii(text, start, length) ? null : Find(keyword.Text.ToLowerInvariant());
        }

        private Parser<InstructionDraft>? Find(string lowerCaseKeyword)
        {
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Key, lowerCaseKeyword, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        /// <summary>The keyword's text, shared with every other instruction written the same common way (RUN, run).</summary>
        public static string Spelling(Lexeme keyword)
        {
            var text = keyword.Start.Source;
            var start = keyword.Start.Position;
            foreach (var spelling in Spellings)
            {
                if (spelling.Length == keyword.Length && string.CompareOrdinal(text, start, spelling, 0, spelling.Length) == 0)
                {
                    return spelling;
                }
            }

            return keyword.Text;
        }

        private static bool IsAscii(string text, int start, int length)
        {
            for (var i = start; i < start + length; i++)
            {
                if (text[i] > 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
