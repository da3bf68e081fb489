using System;
using System.Collections.Generic;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Shell;

/// <summary>Collects account changes while one RUN instruction is read; turned into an <see cref="AccountChanges"/> at the end.</summary>
internal sealed class AccountChangesBuilder
{
    private readonly List<UserAccount> _users = new();
    private readonly List<GroupAccount> _groups = new();
    private readonly List<string> _packages = new();
    private readonly List<string> _deletedUsers = new();
    private readonly List<string> _deletedGroups = new();
    private readonly HashSet<UserAccount> _seenUsers = new();
    private readonly HashSet<GroupAccount> _seenGroups = new();
    private readonly HashSet<string> _seenPackages = new(StringComparer.Ordinal);

    public bool DatabaseReplaced { get; private set; }

    public bool Unresolved { get; private set; }

    public bool OpaqueScripts { get; private set; }

    public void AddUser(UserAccount user)
    {
        _deletedUsers.Remove(user.Name);
        if (_seenUsers.Add(user))
        {
            _users.Add(user);
        }
    }

    public void AddGroup(GroupAccount group)
    {
        _deletedGroups.Remove(group.Name);
        if (_seenGroups.Add(group))
        {
            _groups.Add(group);
        }
    }

    /// <summary>The user is gone afterwards, whether it was created earlier in this instruction or existed before.</summary>
    public void DeleteUser(string name)
    {
        _users.RemoveAll(user => user.Name == name);
        _seenUsers.RemoveWhere(user => user.Name == name);
        if (!_deletedUsers.Contains(name))
        {
            _deletedUsers.Add(name);
        }
    }

    /// <summary>The group is gone afterwards.</summary>
    public void DeleteGroup(string name)
    {
        _groups.RemoveAll(group => group.Name == name);
        _seenGroups.RemoveWhere(group => group.Name == name);
        if (!_deletedGroups.Contains(name))
        {
            _deletedGroups.Add(name);
        }
    }

    public void AddPackage(string name)
    {
        if (name.Length > 0 && _seenPackages.Add(name))
        {
            _packages.Add(name);
        }
    }

    public void MarkDatabaseReplaced() => DatabaseReplaced = true;

    public void MarkUnresolved() => Unresolved = true;

    public void MarkOpaqueScript() => OpaqueScripts = true;

    /// <summary>The gid of a group created earlier in the same instruction, so <c>useradd -g app</c> can report it.</summary>
    public int? FindGroupId(string name)
    {
        for (var i = _groups.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_groups[i].Name, name, StringComparison.Ordinal) && _groups[i].Gid is not null)
            {
                return _groups[i].Gid;
            }
        }

        return null;
    }

    public AccountChanges Build() =>
        new(_users.ToArray(), _groups.ToArray(), DatabaseReplaced)
        {
            HasUnresolvedAccounts = Unresolved,
            RunsOpaqueScripts = OpaqueScripts,
            PackagesInstalled = _packages.ToArray(),
            UsersDeleted = _deletedUsers.ToArray(),
            GroupsDeleted = _deletedGroups.ToArray(),
        };
}
