namespace NonRootUser.Analyzers.Knowledge;

/// <summary>A user account (an /etc/passwd entry, or a Windows account). Ids are null when not known.</summary>
public sealed record UserAccount(string Name, int? Uid = null, int? PrimaryGid = null)
{
    public override string ToString() => Uid is null ? Name : $"{Name} ({Uid})";
}

/// <summary>A group (an /etc/group entry).</summary>
public sealed record GroupAccount(string Name, int? Gid = null)
{
    public override string ToString() => Gid is null ? Name : $"{Name} ({Gid})";
}
