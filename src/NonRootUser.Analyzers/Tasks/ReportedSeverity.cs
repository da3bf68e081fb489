namespace NonRootUser.Analyzers.Tasks;

/// <summary>How the MSBuild task reports one finding after the project's configuration is applied.</summary>
internal enum ReportedSeverity
{
    /// <summary>Not logged at all (a suppression comment, <c>NoWarn</c>, or <c>none</c> in .editorconfig); a SARIF log still lists it.</summary>
    Suppressed,

    /// <summary>
    /// Logged as a low-importance message, seen only with <c>-v:detailed</c>: a rule whose own severity is Info (NRU006),
    /// or <c>silent</c> in .editorconfig.
    /// </summary>
    QuietMessage,

    /// <summary>Logged as a normal-importance message, seen with <c>-v:normal</c>: <c>suggestion</c> in .editorconfig.</summary>
    Message,

    /// <summary>Logged as a warning.</summary>
    Warning,

    /// <summary>Logged as an error: the build fails.</summary>
    Error,
}
