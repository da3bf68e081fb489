using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Model;

/// <summary>Why the accounts of a stage may hold more than we can see.</summary>
public enum AccountCertainty
{
    /// <summary>Every account is known: the base image's table and what the stage created.</summary>
    Known,

    /// <summary>The base image is not in the knowledge base: it is assumed to have no accounts, but it may.</summary>
    UnknownImage,

    /// <summary>Accounts come from somewhere we cannot read (a copied /etc/passwd, an unconfirmed image, a variable).</summary>
    Opaque,
}

/// <summary>
/// The users and groups present at one point of a stage: an immutable value, so each USER keeps the snapshot that
/// was true when it was reached.
/// </summary>
public sealed class AccountSet
{
    private readonly Dictionary<string, UserAccount> users;
    private readonly Dictionary<string, GroupAccount> groups;

    private AccountSet(Dictionary<string, UserAccount> users, Dictionary<string, GroupAccount> groups, AccountCertainty certainty)
    {
        this.users = users;
        this.groups = groups;
        Certainty = certainty;
    }

    public AccountCertainty Certainty { get; private set; }

    public IEnumerable<UserAccount> Users => users.Values;

    public IEnumerable<GroupAccount> Groups => groups.Values;

    public static AccountSet Empty(bool caseInsensitive, AccountCertainty certainty) =>
        new(new Dictionary<string, UserAccount>(Comparer(caseInsensitive)), new Dictionary<string, GroupAccount>(Comparer(caseInsensitive)), certainty);

    public static AccountSet FromImage(BaseImageInfo image) => FromImageCache.GetValue(image, Build);

    /// <summary>
    /// One set per catalogue entry: sets are immutable (the walker copies before adding), and every stage FROM the
    /// same image would otherwise copy its whole account table.
    /// </summary>
    private static readonly ConditionalWeakTable<BaseImageInfo, AccountSet> FromImageCache = new();

    private static AccountSet Build(BaseImageInfo image)
    {
        var set = Empty(image.IsWindows, image.AccountsKnown ? AccountCertainty.Known : AccountCertainty.Opaque);
        foreach (var user in image.Users)
        {
            set.users[user.Name] = user;
        }

        foreach (var group in image.Groups)
        {
            set.groups[group.Name] = group;
        }

        return set;
    }

    public UserAccount? FindUser(string name) => users.TryGetValue(name, out var user) ? user : null;

    public GroupAccount? FindGroup(string name) => groups.TryGetValue(name, out var group) ? group : null;

    /// <summary>A copy with these accounts added (a later definition of the same name wins, as in /etc/passwd appends).</summary>
    public AccountSet With(IReadOnlyCollection<UserAccount> addedUsers, IReadOnlyCollection<GroupAccount> addedGroups)
    {
        if (addedUsers.Count == 0 && addedGroups.Count == 0)
        {
            return this;
        }

        var copy = Clone(Certainty);
        foreach (var user in addedUsers)
        {
            copy.users[user.Name] = user;
        }

        foreach (var group in addedGroups)
        {
            copy.groups[group.Name] = group;
        }

        return copy;
    }

    /// <summary>A private copy for <see cref="AddInPlace"/>: the stage walker's copy-on-write working set.</summary>
    internal AccountSet MutableCopy() => Clone(Certainty);

    /// <summary>Adds accounts to a set nobody else holds (see <see cref="MutableCopy"/>); linear, unlike <see cref="With"/>.</summary>
    internal void AddInPlace(IReadOnlyCollection<UserAccount> addedUsers, IReadOnlyCollection<GroupAccount> addedGroups, AccountCertainty certainty)
    {
        foreach (var user in addedUsers)
        {
            users[user.Name] = user;
        }

        foreach (var group in addedGroups)
        {
            groups[group.Name] = group;
        }

        if (certainty > Certainty)
        {
            Certainty = certainty;
        }
    }

    /// <summary>A copy whose certainty is lowered to <paramref name="certainty"/> (never raised).</summary>
    public AccountSet WithCertainty(AccountCertainty certainty) =>
        certainty <= Certainty ? this : Clone(certainty);

    /// <summary>A copy whose users (or groups) are replaced by those of <paramref name="source"/>: a copied /etc/passwd or /etc/group.</summary>
    public AccountSet ReplacedBy(AccountSet source, bool replaceUsers, bool replaceGroups)
    {
        var copy = new AccountSet(
            new Dictionary<string, UserAccount>(replaceUsers ? source.users : users, users.Comparer),
            new Dictionary<string, GroupAccount>(replaceGroups ? source.groups : groups, groups.Comparer),
            (AccountCertainty)Math.Max((int)Certainty, (int)source.Certainty));
        return copy;
    }

    private AccountSet Clone(AccountCertainty certainty) =>
        new(new Dictionary<string, UserAccount>(users, users.Comparer), new Dictionary<string, GroupAccount>(groups, groups.Comparer), certainty);

    private static StringComparer Comparer(bool caseInsensitive) => caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
