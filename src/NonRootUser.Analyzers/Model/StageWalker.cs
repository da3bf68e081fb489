using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Expansion;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Shell;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>Walks one stage's instructions in order, keeping the variables and accounts of that point.</summary>
internal sealed class StageWalker
{
    private readonly StageModel stage;
    private readonly AnalysisOptions options;
    private readonly VariableScope globalArgs;
    private readonly ShellLexer lexer;
    private readonly IReadOnlyList<StageModel> earlierStages;
    private readonly Dictionary<string, StageModel> stagesByName;
    private readonly VariableScope scope;
    private AccountSet accounts;

    /// <summary>Whether <see cref="accounts"/> is also held elsewhere (a USER's snapshot, the parent stage): copy before changing it.</summary>
    private bool accountsShared = true;

    public StageWalker(StageModel stage, AnalysisOptions options, VariableScope globalArgs, ShellLexer lexer, IReadOnlyList<StageModel> earlierStages, Dictionary<string, StageModel> stagesByName)
    {
        this.stage = stage;
        this.options = options;
        this.globalArgs = globalArgs;
        this.lexer = lexer;
        this.earlierStages = earlierStages;
        this.stagesByName = stagesByName;
        scope = VariableScope.Create(stage.IsWindows, InitialEnvironment(stage));
        accounts = InitialAccounts(stage);
    }

    public void Walk()
    {
        foreach (var instruction in stage.Body)
        {
            switch (instruction)
            {
                case ArgInstruction arg:
                    foreach (var declaration in arg.Declarations)
                    {
                        BuildModelBuilder.DeclareArg(scope, declaration, options, lexer, globalArgs);
                    }

                    break;
                case EnvInstruction env:
                    ApplyEnv(env);
                    break;
                case UserInstruction user:
                    var expanded = scope.Expand(lexer, user.Value.Value);
                    var resolved = expanded.IsResolved ? expanded.Value : null;
                    stage.AddUser(new UserSetting(user, stage, resolved, expanded.Unresolved, accounts, stage.IsWindows, expanded.Error));
                    accountsShared = true;
                    break;
                case RunInstruction run:
                    CheckUserIsUsable(run);
                    ApplyRun(run);
                    break;
                case WorkdirInstruction workdir:
                    // BuildKit creates the directory as the current user, so it resolves that user here.
                    CheckUserIsUsable(workdir);
                    break;
                case CopyInstruction copy:
                    AddSourceStage(copy.FindFlag("from")?.Value);
                    ApplyFileCopy(copy.FindFlag("from")?.Value, copy.Sources, copy.Destination, isAdd: false);
                    break;
                case AddInstruction add:
                    ApplyFileCopy(null, add.Sources, add.Destination, isAdd: true);
                    break;
            }
        }

        // The walk is over: the scope's ENV is no longer changed, so the stage can keep it as it is.
        stage.FinalEnvironment = scope.Environment;
        stage.FinalAccounts = accounts;
        accountsShared = true;
    }

    /// <summary>
    /// RUN (and WORKDIR) execute as the current USER: Docker fails there if that user or group does not exist yet.
    /// </summary>
    private void CheckUserIsUsable(InstructionSyntax instruction)
    {
        var user = stage.EffectiveUser;
        if (user is null || !user.IsResolved || accounts.Certainty == AccountCertainty.Opaque)
        {
            return;
        }

        var userMissing = AccountNames.NeedsEntry(user.User) && !user.IsRoot && accounts.FindUser(user.User!) is null;
        var groupMissing = AccountNames.NeedsEntry(user.Group) && user.Group != "root" && accounts.FindGroup(user.Group!) is null;
        if (userMissing || groupMissing)
        {
            stage.AddMissingAccountUse(new MissingAccountUse(user, instruction, userMissing, groupMissing, accounts.Certainty));
        }
    }

    private static IReadOnlyDictionary<string, string>? InitialEnvironment(StageModel stage) => stage.BaseKind switch
    {
        StageBaseKind.Stage => stage.Parent!.FinalEnvironment,
        StageBaseKind.Image => stage.ImageInfo?.Environment,
        _ => null,
    };

    private static AccountSet InitialAccounts(StageModel stage) => stage.BaseKind switch
    {
        StageBaseKind.Stage => stage.Parent!.FinalAccounts,
        StageBaseKind.Scratch => AccountSet.Empty(false, AccountCertainty.Known),
        StageBaseKind.Image when stage.ImageInfo is { } info => AccountSet.FromImage(info),
        StageBaseKind.Image => AccountSet.Empty(stage.IsWindows, AccountCertainty.UnknownImage),
        _ => AccountSet.Empty(stage.IsWindows, AccountCertainty.Opaque),
    };

    private void ApplyEnv(EnvInstruction env)
    {
        // Every value of one ENV line is expanded against the variables from before that line.
        var values = new List<(string Name, Expanded Value)>(env.Pairs.Count);
        foreach (var pair in env.Pairs)
        {
            values.Add((pair.Key.Value, scope.Expand(lexer, pair.Value.Value)));
        }

        foreach (var (name, value) in values)
        {
            scope.SetEnv(name, value.Value, value.Error is null ? value.Unresolved : new[] { name });
        }
    }

    private void ApplyRun(RunInstruction run)
    {
        foreach (var mount in run.Flags)
        {
            if (string.Equals(mount.Name, "mount", StringComparison.OrdinalIgnoreCase) && mount.Value is not null)
            {
                AddSourceStage(MountSource(mount.Value));
            }
        }

        var changes = ReadAccountChanges(run);
        var certainty = changes.MayCreateUnlistedAccounts || ServicePackages.CreateAccounts(changes.PackagesInstalled)
            ? AccountCertainty.Opaque
            : AccountCertainty.Known;
        if (changes.UsersCreated.Count == 0 && changes.GroupsCreated.Count == 0 && certainty <= accounts.Certainty)
        {
            return;
        }

        if (accountsShared)
        {
            accounts = accounts.MutableCopy();
            accountsShared = false;
        }

        accounts.AddInPlace(changes.UsersCreated, changes.GroupsCreated, certainty);
    }

    private AccountChanges ReadAccountChanges(RunInstruction run)
    {
        Func<string, string?> variables = scope.Lookup;
        if (run.Command.IsExecForm)
        {
            var argv = new List<string>(run.Command.Arguments.Count);
            foreach (var argument in run.Command.Arguments)
            {
                argv.Add(argument.Value);
            }

            return AccountCommandReader.ReadExec(argv, variables);
        }

        var text = run.Command.ShellText ?? string.Empty;
        if (run.Heredocs.Count == 0)
        {
            return ReadScript(text, variables);
        }

        // "RUN <<EOF" (or "RUN bash <<EOF") runs the heredoc as the script; otherwise the heredocs are stdin of
        // commands in the line, so the line and its bodies are read together as one script.
        if (IsHeredocScript(text))
        {
            var script = new System.Text.StringBuilder();
            foreach (var heredoc in run.Heredocs)
            {
                script.Append(heredoc.Content).Append('\n');
            }

            return ReadScript(script.ToString(), variables);
        }

        var withBodies = new System.Text.StringBuilder(text).Append('\n');
        foreach (var heredoc in run.Heredocs)
        {
            withBodies.Append(heredoc.Content).Append(heredoc.Name).Append('\n');
        }

        return ReadScript(withBodies.ToString(), variables);
    }

    /// <summary>Most RUN lines cannot touch accounts: a cheap look at the text spares them the shell reader.</summary>
    private static AccountChanges ReadScript(string script, Func<string, string?> variables) =>
        AccountCommandPrefilter.MayMatter(script) ? AccountCommandReader.ReadScript(script, variables) : AccountChanges.None;

    private static bool IsHeredocScript(string commandLine)
    {
        var words = commandLine.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !words[words.Length - 1].StartsWith("<<", StringComparison.Ordinal))
        {
            return false;
        }

        if (words.Length == 1)
        {
            return true;
        }

        var shell = words[0].Substring(words[0].LastIndexOf('/') + 1);
        return words.Length == 2 && shell is "sh" or "bash" or "ash" or "dash" or "zsh";
    }

    /// <summary><c>type=cache,from=build,target=/x</c> → <c>build</c>.</summary>
    private static string? MountSource(string mount)
    {
        foreach (var part in mount.Split(','))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && string.Equals(part.Substring(0, equals).Trim(), "from", StringComparison.OrdinalIgnoreCase))
            {
                return part.Substring(equals + 1).Trim();
            }
        }

        return null;
    }

    private void AddSourceStage(string? reference)
    {
        if (FindSourceStage(reference) is { } source)
        {
            stage.AddDependency(source);
        }
    }

    private StageModel? FindSourceStage(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var name = scope.Expand(lexer, reference!).Value;
        if (stagesByName.TryGetValue(name, out var byName))
        {
            return byName;
        }

        return UserNames.IsNumeric(name) && int.TryParse(name, out var index) && index >= 0 && index < earlierStages.Count
            ? earlierStages[index]
            : null;
    }

    /// <summary>
    /// COPY/ADD onto /etc/passwd or /etc/group replaces the accounts: with a known stage's accounts when copied from
    /// one, otherwise with something we cannot read (the .NET chiseled pattern).
    /// </summary>
    private void ApplyFileCopy(string? from, IReadOnlyList<WordSyntax> sources, WordSyntax? destination, bool isAdd)
    {
        if (destination is null)
        {
            return;
        }

        var target = CopiedAccountFiles.Normalize(scope.Expand(lexer, destination.Value).Value);
        var replacesUsers = false;
        var replacesGroups = false;
        var exact = true;
        foreach (var source in sources)
        {
            var path = scope.Expand(lexer, source.Value).Value;
            var effect = CopiedAccountFiles.Classify(path, target, isAdd);
            replacesUsers |= effect.Users;
            replacesGroups |= effect.Groups;
            exact &= effect.Exact;
        }

        if (!replacesUsers && !replacesGroups)
        {
            return;
        }

        var sourceStage = FindSourceStage(from);
        accounts = sourceStage is not null && exact
            ? accounts.ReplacedBy(sourceStage.FinalAccounts, replacesUsers, replacesGroups)
            : accounts.WithCertainty(AccountCertainty.Opaque);
        accountsShared = true;
    }
}
