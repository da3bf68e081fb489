using System.Collections.Generic;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>What is known about a base image: who it runs as, which accounts it has, which ENV it sets.</summary>
/// <param name="Pattern">The image pattern this entry matched (for messages), e.g. <c>mcr.microsoft.com/dotnet/aspnet:8.0*</c>.</param>
/// <param name="DefaultUser">The image config's User (e.g. <c>1654</c>, <c>nonroot</c>, <c>ContainerUser</c>); null or empty means root.</param>
/// <param name="Users">Accounts in the image's /etc/passwd (or Windows accounts).</param>
/// <param name="Groups">Groups in the image's /etc/group.</param>
/// <param name="Environment">ENV set by the image, e.g. <c>APP_UID=1654</c>.</param>
/// <param name="IsWindows">A Windows image (ContainerAdministrator is root there; names compare case-insensitively).</param>
/// <param name="AccountsKnown">False when the accounts are not confirmed: then no user or group is claimed missing.</param>
/// <param name="Source">Where the facts come from (a repository and commit, or "declared in the project").</param>
public sealed record BaseImageInfo(
    string Pattern,
    string? DefaultUser,
    IReadOnlyList<UserAccount> Users,
    IReadOnlyList<GroupAccount> Groups,
    IReadOnlyDictionary<string, string> Environment,
    bool IsWindows,
    bool AccountsKnown,
    string? Source);
