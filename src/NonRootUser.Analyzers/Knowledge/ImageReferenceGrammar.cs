using System;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>
/// Docker's image reference grammar (distribution/reference) as small checks:
/// <c>[host[:port]/]path[:tag][@digest]</c> with lower-case path components (<c>a-z0-9</c> joined by <c>.</c>,
/// <c>_</c>, <c>__</c> or runs of <c>-</c>), tags <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c> and digests
/// <c>algorithm:hex</c>. Shared by <see cref="ImageReference"/> and the catalog's patterns.
/// </summary>
internal static class ImageReferenceGrammar
{
    private const string OfficialPrefix = "library/";
    private const string LegacyDockerHubRegistry = "index.docker.io";
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;

    /// <summary>The normalised parts of a reference.</summary>
    internal readonly record struct Parts(string Registry, string Repository, string? Tag, string? Digest);

    /// <summary>Validates and normalises <paramref name="text"/>; returns null when valid, else why not.</summary>
    internal static string? Check(string? text, out Parts parts)
    {
        parts = default;
        if (text is null || text.Length == 0)
        {
            return "the reference is empty";
        }

        if (ContainsWhiteSpace(text))
        {
            return "it contains white space";
        }

        if (text.IndexOf('$') >= 0)
        {
            return "it contains a variable that was not expanded";
        }

        if (IsImageId(text))
        {
            return "a 64-character hexadecimal string is an image ID, not a repository name";
        }

        SplitTagAndDigest(text, out var name, out var tag, out var digest);
        if (name.Length == 0)
        {
            return "the repository name is missing";
        }

        if (digest is not null && CheckDigest(digest) is { } digestError)
        {
            return digestError;
        }

        if (tag is not null && !IsValidTag(tag))
        {
            return $"tag \"{tag}\" is not valid (at most {MaxTagLength} letters, digits, '_', '.' or '-', not starting with '.' or '-')";
        }

        SplitRegistry(name, out var registry, out var repository, out var registryWritten);
        if (!string.Equals(repository, repository.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return $"repository name \"{repository}\" must be lowercase";
        }

        if (registryWritten && !IsValidRegistry(registry))
        {
            return $"registry \"{registry}\" is not a valid host[:port]";
        }

        if (FirstInvalidPathComponent(repository) is { } component)
        {
            return component.Length == 0
                ? $"repository \"{repository}\" has an empty path component"
                : $"repository path component \"{component}\" is not valid (lower-case letters and digits joined by '.', '_', '__' or '-')";
        }

        if (registry.Length + 1 + repository.Length > MaxNameLength)
        {
            return $"the repository name is longer than {MaxNameLength} characters";
        }

        parts = new Parts(NormaliseRegistry(registry), repository, tag, digest);
        return null;
    }

    /// <summary>
    /// Splits <c>name[:tag][@digest]</c>: the digest follows the first <c>@</c>; the tag follows the last <c>:</c> that
    /// comes after the last <c>/</c> (so a registry port is never taken for a tag).
    /// </summary>
    internal static void SplitTagAndDigest(string text, out string name, out string? tag, out string? digest)
    {
        digest = null;
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text.Substring(at + 1);
            text = text.Substring(0, at);
        }

        tag = null;
        var colon = text.LastIndexOf(':');
        if (colon > text.LastIndexOf('/'))
        {
            tag = text.Substring(colon + 1);
            text = text.Substring(0, colon);
        }

        name = text;
    }

    /// <summary>
    /// Docker's registry detection: the first path element is a registry when it contains <c>.</c> or <c>:</c>, is
    /// <c>localhost</c>, or has upper-case letters; otherwise the image is on Docker Hub, where one-element names live
    /// under <c>library/</c>. <c>index.docker.io</c> means <c>docker.io</c>.
    /// </summary>
    internal static void SplitRegistry(string name, out string registry, out string repository, out bool registryWritten)
    {
        registry = ImageReference.DockerHubRegistry;
        repository = name;
        registryWritten = false;

        var slash = name.IndexOf('/');
        if (slash >= 0)
        {
            var first = name.Substring(0, slash);
            if (first == "localhost"
                || first.IndexOfAny(new[] { '.', ':' }) >= 0
                || !string.Equals(first, first.ToLowerInvariant(), StringComparison.Ordinal))
            {
                registry = first;
                repository = name.Substring(slash + 1);
                registryWritten = true;
            }
        }

        if (IsDockerHub(registry) && repository.IndexOf('/') < 0)
        {
            repository = OfficialPrefix + repository;
        }
    }

    /// <summary><c>index.docker.io</c> and any spelling of <c>docker.io</c> become <c>docker.io</c>.</summary>
    internal static string NormaliseRegistry(string registry) =>
        IsDockerHub(registry) ? ImageReference.DockerHubRegistry : registry;

    private static bool IsDockerHub(string registry) =>
        string.Equals(registry, ImageReference.DockerHubRegistry, StringComparison.OrdinalIgnoreCase)
        || string.Equals(registry, LegacyDockerHubRegistry, StringComparison.OrdinalIgnoreCase);

    internal static bool IsValidTag(string tag)
    {
        if (tag.Length == 0 || tag.Length > MaxTagLength || !IsWordChar(tag[0]))
        {
            return false;
        }

        foreach (var c in tag)
        {
            if (!IsWordChar(c) && c != '.' && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>algorithm:hex</c>; the algorithms Docker accepts are sha256, sha384 and sha512 with lower-case hex of their
    /// exact length.
    /// </summary>
    internal static string? CheckDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        if (colon <= 0)
        {
            return $"digest \"{digest}\" is not valid (expected algorithm:hex, e.g. sha256:…)";
        }

        var algorithm = digest.Substring(0, colon);
        var hex = digest.Substring(colon + 1);
        var expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => 0,
        };
        if (expectedLength == 0)
        {
            return $"digest algorithm \"{algorithm}\" is not supported (sha256, sha384 or sha512)";
        }

        if (hex.Length != expectedLength || !IsLowerHex(hex))
        {
            return $"digest \"{digest}\" is not valid ({algorithm} needs {expectedLength} lower-case hex digits)";
        }

        return null;
    }

    /// <summary><c>host[:port]</c> where host is a DNS-like name, an IPv4 address or <c>[IPv6]</c>.</summary>
    private static bool IsValidRegistry(string registry)
    {
        string host;
        string? port = null;
        if (registry.StartsWith("[", StringComparison.Ordinal))
        {
            var close = registry.IndexOf(']');
            if (close < 2 || !IsIpv6Body(registry.Substring(1, close - 1)))
            {
                return false;
            }

            var rest = registry.Substring(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest.Substring(1);
            }

            host = string.Empty;
        }
        else
        {
            var colon = registry.IndexOf(':');
            host = colon < 0 ? registry : registry.Substring(0, colon);
            port = colon < 0 ? null : registry.Substring(colon + 1);
            if (!IsValidDomainName(host))
            {
                return false;
            }
        }

        return port is null || (port.Length > 0 && IsAllDigits(port));
    }

    private static bool IsValidDomainName(string host)
    {
        foreach (var component in host.Split('.'))
        {
            if (component.Length == 0
                || !IsAsciiLetterOrDigit(component[0])
                || !IsAsciiLetterOrDigit(component[component.Length - 1]))
            {
                return false;
            }

            foreach (var c in component)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The first path component that breaks the grammar, or null when all are valid.</summary>
    private static string? FirstInvalidPathComponent(string repository)
    {
        foreach (var component in repository.Split('/'))
        {
            if (!IsValidPathComponent(component))
            {
                return component;
            }
        }

        return null;
    }

    /// <summary>Runs of <c>[a-z0-9]</c> joined by one <c>.</c>, one or two <c>_</c>, or any number of <c>-</c>.</summary>
    private static bool IsValidPathComponent(string component)
    {
        var i = 0;
        while (true)
        {
            var runStart = i;
            while (i < component.Length && IsLowerAlphaNumeric(component[i]))
            {
                i++;
            }

            if (i == runStart)
            {
                return false;
            }

            if (i == component.Length)
            {
                return true;
            }

            i = SkipSeparator(component, i);
            if (i < 0)
            {
                return false;
            }
        }
    }

    /// <summary>The index after the separator at <paramref name="i"/>, or -1 when there is none.</summary>
    private static int SkipSeparator(string text, int i)
    {
        switch (text[i])
        {
            case '.':
                return i + 1;
            case '_':
                return i + 1 < text.Length && text[i + 1] == '_' ? i + 2 : i + 1;
            case '-':
                while (i < text.Length && text[i] == '-')
                {
                    i++;
                }

                return i;
            default:
                return -1;
        }
    }

    private static bool IsImageId(string text) => text.Length == 64 && IsLowerHex(text);

    private static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpv6Body(string text)
    {
        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F' or ':'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLowerAlphaNumeric(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';

    private static bool IsWordChar(char c) => IsAsciiLetterOrDigit(c) || c == '_';
}
