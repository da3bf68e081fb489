using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>What a stage is built FROM.</summary>
public enum StageBaseKind
{
    /// <summary>An image from a registry (known to the knowledge base or not).</summary>
    Image,

    /// <summary>An earlier stage of the same Dockerfile: its USER, ENV and files carry over.</summary>
    Stage,

    /// <summary><c>scratch</c>: an empty file system, no accounts, root.</summary>
    Scratch,

    /// <summary>The image name uses a variable that has no value.</summary>
    Unresolved,
}

/// <summary>One build stage (<c>FROM ... [AS name]</c> up to the next FROM) and what the build knows about it.</summary>
public sealed class StageModel
{
    private readonly List<UserSetting> users = new();
    private readonly List<StageModel> dependencies = new();
    private readonly List<MissingAccountUse> missingAccountUses = new();

    internal StageModel(int index, FromInstruction from, IReadOnlyList<InstructionSyntax> body)
    {
        Index = index;
        From = from;
        Body = body;
    }

    public int Index { get; }

    /// <summary>The <c>AS</c> name as written, or null.</summary>
    public string? Name => From.StageName?.Value;

    public FromInstruction From { get; }

    /// <summary>The instructions after FROM, up to the next FROM.</summary>
    public IReadOnlyList<InstructionSyntax> Body { get; }

    public StageBaseKind BaseKind { get; internal set; }

    /// <summary>The FROM target after expanding global ARGs (the text, also for unknown images).</summary>
    public string BaseText { get; internal set; } = string.Empty;

    /// <summary>The parent stage when built <c>FROM &lt;stage&gt;</c>.</summary>
    public StageModel? Parent { get; internal set; }

    /// <summary>The image when built FROM an image.</summary>
    public ImageReference? Image { get; internal set; }

    /// <summary>What the knowledge base knows of <see cref="Image"/>; null when unknown.</summary>
    public BaseImageInfo? ImageInfo { get; internal set; }

    /// <summary>Variables of the FROM line that have no value (when <see cref="BaseKind"/> is Unresolved).</summary>
    public IReadOnlyList<string> UnresolvedBaseVariables { get; internal set; } = new List<string>();

    /// <summary>Whether the stage runs Windows (its root image is a Windows image).</summary>
    public bool IsWindows { get; internal set; }

    /// <summary>The USER instructions of this stage, in order.</summary>
    public IReadOnlyList<UserSetting> Users => users;

    /// <summary>Stages this one reads files from (<c>COPY --from</c>, <c>RUN --mount=from=</c>).</summary>
    public IReadOnlyList<StageModel> Dependencies => dependencies;

    /// <summary>ENV in effect at the end of the stage (inherited by <c>FROM &lt;this stage&gt;</c>).</summary>
    public IReadOnlyDictionary<string, string> FinalEnvironment { get; internal set; } = new Dictionary<string, string>();

    /// <summary>Accounts present at the end of the stage.</summary>
    public AccountSet FinalAccounts { get; internal set; } = AccountSet.Empty(false, AccountCertainty.Known);

    /// <summary>The stage at the top of the FROM chain (this one when built FROM an image or scratch).</summary>
    public StageModel Root
    {
        get
        {
            var stage = this;
            while (stage.Parent is not null)
            {
                stage = stage.Parent;
            }

            return stage;
        }
    }

    /// <summary>The USER in effect at the end of this stage: its own last USER, else its parent's; null when none applies.</summary>
    public UserSetting? EffectiveUser
    {
        get
        {
            for (var stage = this; stage is not null; stage = stage.Parent)
            {
                if (stage.users.Count > 0)
                {
                    return stage.users[stage.users.Count - 1];
                }
            }

            return null;
        }
    }

    /// <summary>A readable name for messages: <c>'final'</c> or <c>#2</c>.</summary>
    public string DisplayName => Name is null ? $"#{Index}" : $"'{Name}'";

    /// <summary>RUN/WORKDIR instructions of this stage that run as a user or group that does not exist at that point.</summary>
    public IReadOnlyList<MissingAccountUse> MissingAccountUses => missingAccountUses;

    internal void AddUser(UserSetting user) => users.Add(user);

    internal void AddMissingAccountUse(MissingAccountUse use) => missingAccountUses.Add(use);

    internal void AddDependency(StageModel stage)
    {
        if (!dependencies.Contains(stage))
        {
            dependencies.Add(stage);
        }
    }

    public override string ToString() => $"stage {DisplayName} FROM {BaseText}";
}
