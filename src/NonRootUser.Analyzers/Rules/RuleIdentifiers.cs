namespace NonRootUser.Analyzers.Rules;

/// <summary>The one place where rule id strings are written. Ids are never reused.</summary>
public static class RuleIdentifiers
{
    public const string DockerfileCannotBeParsed = "NRU000";
    public const string FinalStageRunsAsRoot = "NRU001";
    public const string UserIsRoot = "NRU002";
    public const string UserDoesNotExist = "NRU003";
    public const string GroupDoesNotExist = "NRU004";
    public const string UserCannotBeResolved = "NRU005";
    public const string SuppressionNamesUnknownRule = "NRU006";
}
