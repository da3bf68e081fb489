using System;
using System.Collections.Generic;
using System.Linq;
using NonRootUser.Analyzers.Knowledge;

namespace NonRootUser.Analyzers.Tasks;

/// <summary>One <c>NonRootUserBaseImage</c> item: an image pattern (its <c>Include</c>) and its metadata, as written.</summary>
/// <param name="Pattern">An image reference with or without tag; <c>*</c> matches anything, <c>{a,b}</c> lists alternatives.</param>
/// <param name="User">The image's default user (its config's <c>User</c>); empty means root.</param>
/// <param name="Users">The image's users, <c>name[:uid[:gid]]</c> separated by <c>;</c>.</param>
/// <param name="Groups">The image's groups, <c>name[:gid]</c> separated by <c>;</c>.</param>
/// <param name="Env">The image's environment, <c>NAME=VALUE</c> separated by <c>;</c>.</param>
internal sealed record BaseImageItem(string Pattern, string? User = null, string? Users = null, string? Groups = null, string? Env = null);

/// <summary>The base images a project declares, ready for <see cref="AnalysisOptions.DeclaredBaseImages"/>.</summary>
/// <param name="Images">The valid entries, in the order the catalog ranks them.</param>
/// <param name="Problems">One message per item (or part of one) that is ignored, saying why.</param>
internal sealed record DeclaredBaseImages(IReadOnlyList<BaseImageInfo> Images, IReadOnlyList<string> Problems)
{
    private static readonly char[] ListSeparator = { ';' };

    /// <summary>
    /// Reads the items once for the whole task run. An item with an invalid pattern is left out, and an <c>Env</c>
    /// entry that is not <c>NAME=VALUE</c> is dropped; each becomes a problem message, never a warning, so that a typo
    /// in the configuration cannot fail a build that treats warnings as errors. When two entries match an image equally
    /// well, the one declared later wins, as later MSBuild declarations do.
    /// </summary>
    public static DeclaredBaseImages Read(IEnumerable<BaseImageItem>? items)
    {
        var images = new List<BaseImageInfo>();
        var problems = new List<string>();
        foreach (var item in items ?? Enumerable.Empty<BaseImageItem>())
        {
            if (item is null)
            {
                continue;
            }

            var pattern = (item.Pattern ?? string.Empty).Trim();
            if (!BaseImageCatalog.IsValidPattern(pattern, out var error))
            {
                problems.Add($"NonRootUser.Analyzers ignores the NonRootUserBaseImage item '{pattern}': {error}. Write an image reference with or without a tag, e.g. 'contoso.azurecr.io/platform/runtime' or 'contoso.azurecr.io/platform/runtime:2.*' (in Include, write * as %2A).");
                continue;
            }

            var env = ReadEnvironment(item.Env, pattern, problems);
            images.Add(BaseImageCatalog.Declare(pattern, item.User, List(item.Users), List(item.Groups), env));
        }

        // The catalog prefers the earlier of two equally specific entries; MSBuild users expect the later one to win.
        images.Reverse();
        return new DeclaredBaseImages(images, problems);
    }

    private static IReadOnlyList<string> List(string? value) =>
        (value ?? string.Empty).Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Trim())
            .Where(part => part.Length > 0)
            .ToList();

    private static Dictionary<string, string> ReadEnvironment(string? value, string pattern, List<string> problems)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in List(value))
        {
            var equals = entry.IndexOf('=');
            var name = equals < 0 ? string.Empty : entry.Substring(0, equals).Trim();
            if (name.Length == 0)
            {
                problems.Add($"NonRootUser.Analyzers ignores '{entry}' in the Env metadata of the NonRootUserBaseImage item '{pattern}': write NAME=VALUE, entries separated by ';'.");
                continue;
            }

            env[name] = entry.Substring(equals + 1).Trim();
        }

        return env;
    }
}
