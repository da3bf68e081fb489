using System;

namespace NonRootUser.Analyzers.Model;

/// <summary>Whether a COPY/ADD source and destination put a file over /etc/passwd or /etc/group (the shell's writes are <c>Shell.Commands.AccountFiles</c>).</summary>
internal static class CopiedAccountFiles
{
    public readonly record struct Effect(bool Users, bool Groups, bool Exact);

    private static readonly string[] ArchiveSuffixes = { ".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".tar.zst" };

    /// <summary>See <see cref="UnixPath.Normalize"/>: a trailing slash, which marks a directory, is kept.</summary>
    public static string Normalize(string path) => UnixPath.Normalize(path);

    public static Effect Classify(string sourcePath, string destination, bool isAdd)
    {
        var source = Normalize(sourcePath);
        var name = BaseName(source);
        var destinationName = destination.TrimEnd('/');

        switch (destinationName)
        {
            case "/etc/passwd":
                return new Effect(true, false, IsExactly(source, "passwd"));
            case "/etc/group":
                return new Effect(false, true, IsExactly(source, "group"));
            case "/etc":
                if (name == "passwd" || name == "group")
                {
                    return new Effect(name == "passwd", name == "group", IsExactly(source, name));
                }

                // Copying a directory named etc (or its contents) into /etc.
                return name == "etc" || source.EndsWith("/", StringComparison.Ordinal) || source.EndsWith("/.", StringComparison.Ordinal)
                    ? new Effect(true, true, false)
                    : default;
            case "":
                // Onto "/": a root file system (a directory, or an archive that ADD unpacks).
                var isArchive = isAdd && Array.Exists(ArchiveSuffixes, s => source.EndsWith(s, StringComparison.OrdinalIgnoreCase));
                var isDirectory = source.EndsWith("/", StringComparison.Ordinal) || name.IndexOf('.') < 0 || name == "." ;
                return isArchive || isDirectory ? new Effect(true, true, false) : default;
            default:
                return default;
        }
    }

    private static bool IsExactly(string source, string file) =>
        source == "/etc/" + file || source == "etc/" + file;

    private static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.Substring(slash + 1);
    }
}
