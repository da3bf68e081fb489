namespace NonRootUser.Analyzers.Expansion;

/// <summary>Keeps user text quoted in error messages short: a megabyte-long word must not make a megabyte-long message.</summary>
internal static class ErrorText
{
    private const int MaxQuotedLength = 80;

    public static string Abbreviate(string text)
    {
        if (text.Length <= MaxQuotedLength)
        {
            return text;
        }

        // Never cut a surrogate pair in half.
        int length = char.IsHighSurrogate(text[MaxQuotedLength - 1]) ? MaxQuotedLength - 1 : MaxQuotedLength;
        return text.Substring(0, length) + "…";
    }
}
