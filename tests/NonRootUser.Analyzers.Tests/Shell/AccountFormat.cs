using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Shell;

namespace NonRootUser.Analyzers.Tests.Shell;

/// <summary>
/// Compact text for expected accounts, so tables stay readable: a user is <c>name</c>, <c>name:uid</c> or
/// <c>name:uid:gid</c> (<c>?</c> for an unknown uid); a group is <c>name</c> or <c>name:gid</c>; lists are
/// comma-separated in creation order.
/// </summary>
internal static class AccountFormat
{
    /// <summary>The ARG/ENV values the tables use; anything else is unknown.</summary>
    public static readonly IReadOnlyDictionary<string, string> Variables = new Dictionary<string, string>
    {
        ["UID"] = "1001",
        ["GID"] = "1001",
        ["USERNAME"] = "appuser",
        ["APP_UID"] = "1654",
        ["APP_USER"] = "svc",
        ["GROUPNAME"] = "appgroup",
        ["NB_USER"] = "jovyan",
        ["NB_UID"] = "1000",
        ["user"] = "jenkins",
        ["group"] = "jenkins",
        ["uid"] = "1000",
        ["gid"] = "1000",
        ["EMPTY"] = "",
        ["TWO_WORDS"] = "alice bob",
    };

    public static string? Lookup(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    public static string Users(AccountChanges changes) => string.Join(", ", changes.UsersCreated.Select(User));

    public static string Groups(AccountChanges changes) => string.Join(", ", changes.GroupsCreated.Select(Group));

    private static string User(UserAccount user) =>
        user.PrimaryGid is not null ? $"{user.Name}:{user.Uid?.ToString() ?? "?"}:{user.PrimaryGid}"
        : user.Uid is not null ? $"{user.Name}:{user.Uid}"
        : user.Name;

    private static string Group(GroupAccount group) => group.Gid is null ? group.Name : $"{group.Name}:{group.Gid}";
}
