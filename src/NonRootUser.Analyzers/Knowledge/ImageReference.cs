using System;
using System.Diagnostics.CodeAnalysis;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>
/// An image reference such as <c>node:20-alpine</c> or
/// <c>mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled@sha256:…</c>, normalised the way Docker does it
/// (distribution/reference): <c>node</c>, <c>docker.io/node</c>, <c>index.docker.io/library/node</c> and
/// <c>docker.io/library/node</c> all have registry <c>docker.io</c> and repository <c>library/node</c>.
/// </summary>
/// <remarks>
/// Equality compares the normalised parts (registry case-insensitively, then repository, tag and digest), not the
/// original text.
/// </remarks>
public sealed record ImageReference
{
    /// <summary>Docker Hub's canonical registry name.</summary>
    public const string DockerHubRegistry = "docker.io";

    private ImageReference(string original, string registry, string repository, string? tag, string? digest)
    {
        Original = original;
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The text that was parsed.</summary>
    public string Original { get; }

    /// <summary>The registry host (and port), e.g. <c>docker.io</c>, <c>mcr.microsoft.com</c>, <c>localhost:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry, e.g. <c>library/node</c>, <c>dotnet/aspnet</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag as written; null when none was given (Docker then pulls <c>latest</c>, or the digest).</summary>
    public string? Tag { get; }

    /// <summary>The digest (e.g. <c>sha256:…</c>) as written; null when none was given.</summary>
    public string? Digest { get; }

    /// <summary>
    /// The tag Docker resolves: <see cref="Tag"/>, or <c>latest</c> when neither a tag nor a digest was given; null for
    /// a digest-only reference (its tag is unknown).
    /// </summary>
    public string? EffectiveTag => Tag ?? (Digest is null ? "latest" : null);

    /// <summary><c>registry/repository</c>, e.g. <c>docker.io/library/node</c>.</summary>
    public string FullName => Registry + "/" + Repository;

    /// <summary>
    /// The name as Docker shows it: without <c>docker.io/</c> and <c>library/</c>, e.g. <c>node</c>,
    /// <c>nginxinc/nginx-unprivileged</c>, <c>mcr.microsoft.com/dotnet/aspnet</c>.
    /// </summary>
    public string FamiliarName
    {
        get
        {
            if (!IsDockerHub)
            {
                return FullName;
            }

            const string officialPrefix = "library/";
            if (Repository.StartsWith(officialPrefix, StringComparison.Ordinal)
                && Repository.IndexOf('/', officialPrefix.Length) < 0)
            {
                return Repository.Substring(officialPrefix.Length);
            }

            return Repository;
        }
    }

    /// <summary>True for images on Docker Hub.</summary>
    public bool IsDockerHub => string.Equals(Registry, DockerHubRegistry, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses <paramref name="text"/> with Docker's reference grammar and normalisation. Never throws: a malformed
    /// reference yields false and a one-line <paramref name="error"/>.
    /// </summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out ImageReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = ImageReferenceGrammar.Check(text, out var parts);
        if (error is not null)
        {
            error = $"invalid image reference \"{text}\": {error}";
            return false;
        }

        reference = new ImageReference(text, parts.Registry, parts.Repository, parts.Tag, parts.Digest);
        return true;
    }

    /// <summary>Equality of the normalised reference (the original spelling does not matter).</summary>
    public bool Equals(ImageReference? other) =>
        other is not null
        && string.Equals(Registry, other.Registry, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Repository, other.Repository, StringComparison.Ordinal)
        && string.Equals(Tag, other.Tag, StringComparison.Ordinal)
        && string.Equals(Digest, other.Digest, StringComparison.Ordinal);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.OrdinalIgnoreCase.GetHashCode(Registry);
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Repository);
            hash = (hash * 397) ^ (Tag is null ? 0 : StringComparer.Ordinal.GetHashCode(Tag));
            return (hash * 397) ^ (Digest is null ? 0 : StringComparer.Ordinal.GetHashCode(Digest));
        }
    }

    /// <summary>The familiar form with tag and digest, e.g. <c>node:20-alpine</c> — what messages should show.</summary>
    public override string ToString() =>
        FamiliarName
        + (Tag is null ? string.Empty : ":" + Tag)
        + (Digest is null ? string.Empty : "@" + Digest);
}
