namespace NonRootUser.Analyzers.Tasks;

/// <summary>How the MSBuild task reports one finding after the project's warning settings are applied.</summary>
internal enum ReportedSeverity
{
    /// <summary>Not reported at all (the code is in <c>NoWarn</c>).</summary>
    Suppressed,

    /// <summary>Logged as a build message.</summary>
    Message,

    /// <summary>Logged as a warning.</summary>
    Warning,

    /// <summary>Logged as an error: the build fails.</summary>
    Error,
}
