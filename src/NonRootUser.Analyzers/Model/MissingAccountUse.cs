using NonRootUser.Analyzers.Syntax;

namespace NonRootUser.Analyzers.Model;

/// <summary>An instruction that runs as <see cref="User"/> while its user (or group) does not exist: Docker fails there.</summary>
/// <param name="User">The USER in effect (possibly written in an ancestor stage).</param>
/// <param name="At">The RUN or WORKDIR that needs the account.</param>
/// <param name="UserMissing">The user part has no passwd entry at that point.</param>
/// <param name="GroupMissing">The group part has no group entry at that point.</param>
/// <param name="Certainty">How sure the accounts are (an unknown base image may have the account).</param>
public sealed record MissingAccountUse(UserSetting User, InstructionSyntax At, bool UserMissing, bool GroupMissing, AccountCertainty Certainty);

/// <summary>Which user and group names need an account entry.</summary>
public static class AccountNames
{
    /// <summary>A name (not a numeric id, not empty) must exist in /etc/passwd or /etc/group.</summary>
    public static bool NeedsEntry(string? name) => !string.IsNullOrEmpty(name) && !UserNames.IsNumeric(name!);
}
