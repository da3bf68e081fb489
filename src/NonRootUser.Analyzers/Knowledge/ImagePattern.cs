using System;
using System.Collections.Generic;

namespace NonRootUser.Analyzers.Knowledge;

/// <summary>
/// One compiled image pattern: an image reference in which <c>*</c> matches any run of characters (including
/// <c>/</c> in names) and a missing tag means any tag, e.g. <c>node:*-alpine*</c>, <c>gcr.io/distroless/*:*nonroot*</c>,
/// <c>contoso.azurecr.io/*</c>. The name is normalised like a reference (<c>node</c> is
/// <c>docker.io/library/node</c>); a bare <c>*</c> name matches every repository on every registry.
/// <c>{a,b}</c> alternatives are expanded before compiling, one <see cref="ImagePattern"/> per alternative.
/// </summary>
internal sealed class ImagePattern
{
    private const int MaxExpansions = 4096;

    private readonly Glob name;
    private readonly Glob? tag;
    private readonly string? digest;

    private ImagePattern(string text, Glob name, Glob? tag, string? digest, string? literalRegistry)
    {
        Text = text;
        this.name = name;
        this.tag = tag;
        this.digest = digest;
        LiteralRegistry = literalRegistry;
    }

    /// <summary>The pattern as written (after brace expansion).</summary>
    public string Text { get; }

    /// <summary>The normalised <c>registry/repository</c> when the name has no wildcard; null otherwise.</summary>
    public string? LiteralName => name.Literal;

    /// <summary>The normalised registry when it has no wildcard; null otherwise.</summary>
    public string? LiteralRegistry { get; }

    /// <summary>
    /// Orders competing matches: a pinned digest first, then the name with more literal characters, then the tag
    /// with more literal characters (an exact tag before a wildcard of the same length).
    /// </summary>
    public int CompareSpecificity(ImagePattern other)
    {
        var byDigest = (digest is not null).CompareTo(other.digest is not null);
        if (byDigest != 0)
        {
            return byDigest;
        }

        var byName = name.LiteralLength.CompareTo(other.name.LiteralLength);
        if (byName != 0)
        {
            return byName;
        }

        var byTag = (tag?.LiteralLength ?? -1).CompareTo(other.tag?.LiteralLength ?? -1);
        return byTag != 0 ? byTag : (tag?.Literal is not null).CompareTo(other.tag?.Literal is not null);
    }

    /// <summary>
    /// True when <paramref name="image"/> (whose normalised name is <paramref name="nameKey"/>, see
    /// <see cref="NameKey"/>) matches. A digest-only reference has no known tag: it only matches patterns without a
    /// tag constraint.
    /// </summary>
    public bool Matches(string nameKey, ImageReference image)
    {
        if (digest is not null && !string.Equals(digest, image.Digest, StringComparison.Ordinal))
        {
            return false;
        }

        if (tag is not null && !tag.IsMatchAllowingWildcardOnly(image.EffectiveTag))
        {
            return false;
        }

        return name.IsMatch(nameKey);
    }

    /// <summary>The key patterns are matched against: the lower-cased registry, <c>/</c>, the repository.</summary>
    public static string NameKey(ImageReference image) => image.Registry.ToLowerInvariant() + "/" + image.Repository;

    /// <summary>Compiles <paramref name="pattern"/> (expanding <c>{a,b}</c>); never throws.</summary>
    public static bool TryCompile(string? pattern, out IReadOnlyList<ImagePattern> compiled, out string? error)
    {
        compiled = Array.Empty<ImagePattern>();
        if (pattern is null || pattern.Trim().Length == 0)
        {
            error = "the pattern is empty";
            return false;
        }

        var expansions = new List<string>();
        error = ExpandBraces(pattern.Trim(), expansions);
        if (error is not null)
        {
            error = $"pattern \"{pattern}\": {error}";
            return false;
        }

        var result = new List<ImagePattern>(expansions.Count);
        foreach (var text in expansions)
        {
            error = CompileOne(text, out var one);
            if (one is null)
            {
                error = $"pattern \"{text}\": {error}";
                return false;
            }

            result.Add(one);
        }

        compiled = result;
        return true;
    }

    private static string? CompileOne(string text, out ImagePattern? pattern)
    {
        pattern = null;
        foreach (var c in text)
        {
            if (!IsPatternChar(c))
            {
                return $"character '{c}' is not allowed";
            }
        }

        ImageReferenceGrammar.SplitTagAndDigest(text, out var namePart, out var tagPart, out var digestPart);
        if (namePart.Length == 0)
        {
            return "the repository name is missing";
        }

        if (digestPart is not null && ImageReferenceGrammar.CheckDigest(digestPart) is { } digestError)
        {
            return digestError;
        }

        if (tagPart is not null && (tagPart.Length == 0 || tagPart.IndexOfAny(new[] { '/', '@', ':' }) >= 0))
        {
            return $"tag \"{tagPart}\" is not valid";
        }

        string nameKey;
        string? literalRegistry;
        if (namePart == "*")
        {
            nameKey = "*";
            literalRegistry = null;
        }
        else
        {
            ImageReferenceGrammar.SplitRegistry(namePart, out var registry, out var repository, out _);
            if (!string.Equals(repository, repository.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return $"repository \"{repository}\" must be lowercase";
            }

            registry = ImageReferenceGrammar.NormaliseRegistry(registry.ToLowerInvariant());
            nameKey = registry + "/" + repository;
            literalRegistry = registry.IndexOf('*') < 0 ? registry : null;
        }

        // A tag of only "*" constrains nothing, so it also matches digest-only references.
        var tagGlob = tagPart is null || tagPart == "*" ? null : new Glob(tagPart);
        pattern = new ImagePattern(text, new Glob(nameKey), tagGlob, digestPart, literalRegistry);
        return null;
    }

    /// <summary>Expands <c>{a,b}</c> alternatives (nested and repeated) into <paramref name="output"/>.</summary>
    private static string? ExpandBraces(string text, List<string> output)
    {
        var open = text.IndexOf('{');
        if (open < 0)
        {
            if (text.IndexOf('}') >= 0)
            {
                return "'}' without '{'";
            }

            if (output.Count >= MaxExpansions)
            {
                return $"more than {MaxExpansions} alternatives";
            }

            output.Add(text);
            return null;
        }

        if (text.IndexOf('}', 0, open) >= 0)
        {
            return "'}' without '{'";
        }

        var close = FindMatchingBrace(text, open);
        if (close < 0)
        {
            return "'{' without '}'";
        }

        var prefix = text.Substring(0, open);
        var suffix = text.Substring(close + 1);
        foreach (var alternative in SplitTopLevel(text.Substring(open + 1, close - open - 1)))
        {
            var error = ExpandBraces(prefix + alternative + suffix, output);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static int FindMatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string inner)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            switch (inner[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(inner.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        parts.Add(inner.Substring(start));
        return parts;
    }

    private static bool IsPatternChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '.' or '_' or '-' or '/' or ':' or '@' or '*' or '[' or ']';

    /// <summary>A <c>*</c> wildcard matcher, split once into its literal parts.</summary>
    private sealed class Glob
    {
        private readonly string[] parts;

        public Glob(string text)
        {
            parts = text.Split('*');
            Literal = parts.Length == 1 ? text : null;
            foreach (var part in parts)
            {
                LiteralLength += part.Length;
            }
        }

        /// <summary>The text when it has no wildcard.</summary>
        public string? Literal { get; }

        public int LiteralLength { get; }

        /// <summary>A null value (an unknown tag) matches nothing: only a missing constraint accepts it.</summary>
        public bool IsMatchAllowingWildcardOnly(string? value) => value is not null && IsMatch(value);

        public bool IsMatch(string value)
        {
            if (Literal is not null)
            {
                return string.Equals(Literal, value, StringComparison.Ordinal);
            }

            var first = parts[0];
            var last = parts[parts.Length - 1];
            if (value.Length < first.Length + last.Length
                || !value.StartsWith(first, StringComparison.Ordinal)
                || !value.EndsWith(last, StringComparison.Ordinal))
            {
                return false;
            }

            // Leftmost placement of each middle part is always safe for '*'-only globs.
            var position = first.Length;
            var end = value.Length - last.Length;
            for (var i = 1; i < parts.Length - 1; i++)
            {
                var index = value.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
                if (index < 0)
                {
                    return false;
                }

                position = index + parts[i].Length;
            }

            return true;
        }
    }
}
