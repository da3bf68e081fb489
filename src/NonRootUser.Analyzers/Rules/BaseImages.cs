using System;
using System.Linq;
using NonRootUser.Analyzers.Knowledge;
using NonRootUser.Analyzers.Model;

namespace NonRootUser.Analyzers.Rules;

/// <summary>Wording and verdicts about the image at the top of a stage's FROM chain, shared by the rules' messages.</summary>
internal static class BaseImages
{
    /// <summary>Whether the root stage's base image is known to run as a non-root user.</summary>
    public static bool RunsAsNonRoot(StageModel root) =>
        root.BaseKind == StageBaseKind.Image
        && root.ImageInfo is { DefaultUser: { Length: > 0 } user } info
        && !UserNames.IsRoot(user.Split(':')[0], info.IsWindows, AccountSet.FromImage(info));

    /// <summary>"its base image X runs as root" and the like.</summary>
    public static string Describe(StageModel root) => root.BaseKind switch
    {
        StageBaseKind.Scratch => "it is built FROM scratch, which runs as root",
        StageBaseKind.Unresolved =>
            $"its base image '{root.From.Image.Value}' cannot be resolved ({Variables(root)} has no value), so it is assumed to run as root",
        _ when root.ImageInfo is null =>
            $"its base image '{root.BaseText}' is not known to NonRootUser.Analyzers, so it is assumed to run as root",
        _ => $"its base image '{root.BaseText}' runs as {root.ImageInfo!.DefaultUser switch { null or "" => "root", var user => user }}",
    };

    /// <summary>A concrete fix: the non-root account the image already has, or how to create one.</summary>
    public static string SuggestFix(StageModel root)
    {
        var info = root.BaseKind == StageBaseKind.Image ? root.ImageInfo : null;
        if (info is not null)
        {
            if (info.Environment.ContainsKey("APP_UID"))
            {
                var app = info.Users.FirstOrDefault(u => u.Name == "app");
                var uid = info.Environment["APP_UID"];
                return app is null
                    ? $"Add 'USER $APP_UID' (UID {uid}) after the FROM."
                    : $"Add 'USER $APP_UID' after the FROM: the image's user '{app.Name}' has UID {uid}.";
            }

            if (info.IsWindows)
            {
                return "Add 'USER ContainerUser' after the steps that need administrator rights.";
            }

            var candidate = info.Users.FirstOrDefault(u => u.Name == "nonroot")
                ?? info.Users.FirstOrDefault(u => u.Uid is >= 100 and < 65534);
            if (candidate is not null)
            {
                return $"Add 'USER {candidate.Name}' after the steps that need root: the image already has that user{(candidate.Uid is { } id ? $" (UID {id})" : string.Empty)}.";
            }
        }

        if (root.IsWindows)
        {
            return "Add 'USER ContainerUser' after the steps that need administrator rights.";
        }

        if (root.BaseKind == StageBaseKind.Scratch)
        {
            return "Add a numeric 'USER 65532:65532' (scratch has no /etc/passwd, so only numeric ids work).";
        }

        var declare = root.BaseKind == StageBaseKind.Image && info is null && root.Image is not null
            ? $" If the image already runs as a non-root user, declare it in the project: <NonRootUserBaseImage Include=\"{root.Image.FullName}\" User=\"<user>\" />."
            : string.Empty;
        var busybox = root.BaseText.IndexOf("alpine", StringComparison.OrdinalIgnoreCase) >= 0 || root.BaseText.IndexOf("busybox", StringComparison.OrdinalIgnoreCase) >= 0;
        var create = busybox ? "'RUN adduser -D -u 10001 app'" : "'RUN useradd --uid 10001 --user-group app' (BusyBox/Alpine: 'RUN adduser -D -u 10001 app')";
        return $"Create a user and switch to it after the steps that need root, e.g. {create} then 'USER app'.{declare}";
    }

    public static string Variables(StageModel root) =>
        string.Join(", ", root.UnresolvedBaseVariables.Select(v => "$" + v));
}
