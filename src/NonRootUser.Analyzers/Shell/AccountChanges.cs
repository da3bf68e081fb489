using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// What one RUN instruction does to the image's account database (<c>/etc/passwd</c>, <c>/etc/group</c>, or the
/// Windows local accounts), as far as it can be read from the command text.
/// </summary>
/// <param name="UsersCreated">Users the command creates, in order (no exact duplicates).</param>
/// <param name="GroupsCreated">Groups the command creates, in order (no exact duplicates).</param>
/// <param name="AccountDatabaseReplaced">
/// True when <c>/etc/passwd</c> or <c>/etc/group</c> is rewritten in a way that cannot be read (<c>cp</c>/<c>mv</c>/
/// <c>ln</c>/<c>install</c> onto it, <c>sed -i</c>, output of an unknown command redirected into it, tools such as
/// <c>systemd-sysusers</c>): accounts may exist that are not listed here.
/// </param>
public sealed record AccountChanges(
    IReadOnlyList<UserAccount> UsersCreated,
    IReadOnlyList<GroupAccount> GroupsCreated,
    bool AccountDatabaseReplaced)
{
    /// <summary>A command that touches no account.</summary>
    public static AccountChanges None { get; } = new(Array.Empty<UserAccount>(), Array.Empty<GroupAccount>(), false);

    /// <summary>
    /// True when an account-creating command names its user or group through something that cannot be resolved
    /// (an unknown variable, a command substitution, <c>read</c>, <c>xargs</c>, a hostile or too deeply nested script).
    /// Nothing is recorded for such a name, so a later <c>USER</c> must not be reported as missing on its account.
    /// </summary>
    public bool HasUnresolvedAccounts { get; init; }

    /// <summary>
    /// True when the command runs a script file that cannot be read here (<c>./setup.sh</c>, <c>bash install.sh</c>,
    /// <c>. /etc/profile</c>, <c>powershell -File x.ps1</c>); such a script may create accounts.
    /// </summary>
    public bool RunsOpaqueScripts { get; init; }

    /// <summary>
    /// Users that do not exist after this command even if they did before (<c>userdel -r ubuntu</c>,
    /// <c>deluser app</c>). A user deleted and then created again appears only in <see cref="UsersCreated"/>.
    /// </summary>
    public IReadOnlyList<string> UsersDeleted { get; init; } = Array.Empty<string>();

    /// <summary>Groups that do not exist after this command (<c>groupdel</c>, <c>delgroup</c>, <c>deluser --group</c>).</summary>
    public IReadOnlyList<string> GroupsDeleted { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Packages installed by <c>apt-get</c>/<c>apt</c>/<c>apk</c>/<c>dnf</c>/<c>yum</c>/<c>microdnf</c>/<c>tdnf</c>/<c>zypper</c>,
    /// as written (versions stripped). Their maintainer scripts often create system users (nginx, postgres, …).
    /// </summary>
    public IReadOnlyList<string> PackagesInstalled { get; init; } = Array.Empty<string>();

    /// <summary>
    /// True when accounts may exist after this command that <see cref="UsersCreated"/>/<see cref="GroupsCreated"/>
    /// do not list, so the absence of a name there proves nothing.
    /// </summary>
    public bool MayCreateUnlistedAccounts => AccountDatabaseReplaced || HasUnresolvedAccounts || RunsOpaqueScripts;
}
