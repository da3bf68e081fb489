using System.Collections.Generic;

namespace NonRootUser.Analyzers;

/// <summary>Paths inside a Linux image, as COPY destinations and shell redirections write them.</summary>
internal static class UnixPath
{
    /// <summary>
    /// Collapses <c>//</c>, <c>.</c> and <c>..</c> (<c>//etc/./x/../passwd</c> is <c>/etc/passwd</c>); a relative path
    /// stays relative, and a trailing <c>/</c> (or <c>/.</c>), which marks a directory, is kept.
    /// </summary>
    public static string Normalize(string path)
    {
        var trimmed = path.Trim().Replace('\\', '/');
        var absolute = trimmed.StartsWith("/", System.StringComparison.Ordinal);
        var directory = trimmed.EndsWith("/", System.StringComparison.Ordinal) || trimmed.EndsWith("/.", System.StringComparison.Ordinal) || trimmed == ".";
        var kept = new List<string>();
        foreach (var segment in trimmed.Split(new[] { '/' }, System.StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && kept.Count > 0 && kept[kept.Count - 1] != "..")
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            if (segment == ".." && absolute)
            {
                continue;
            }

            kept.Add(segment);
        }

        var joined = string.Join("/", kept);
        if (kept.Count == 0)
        {
            return absolute ? "/" : (directory ? "./" : string.Empty);
        }

        return (absolute ? "/" : string.Empty) + joined + (directory ? "/" : string.Empty);
    }
}
