using System;

namespace NonRootUser.Analyzers.Shell;

/// <summary>
/// A cheap, conservative look at a POSIX-sh script before <see cref="AccountCommandReader"/> tokenises and runs it:
/// most RUN lines (<c>apt-get</c> aside) cannot name a command the reader acts on, and reading them would find
/// nothing. "Cannot matter" is only answered when the script has no expansion, no nesting and no loop that could
/// build a command name, exhaust the reader's budget or make it give up, and when none of the names the reader
/// recognises appears in the text, even with quotes and backslashes taken out.
/// </summary>
internal static class AccountCommandPrefilter
{
    /// <summary>Longer scripts always go to the reader (its value-length limits stay far away).</summary>
    private const int MaxLength = 8192;

    /// <summary>
    /// Pieces of every command name and path the reader acts on, lowercase: account tools (<c>useradd</c>,
    /// <c>addgroup</c>, <c>vipw</c>…), the account files, package managers, shells and scripts (every shell's name
    /// ends in "sh"), <c>eval</c>/<c>source</c>, Windows tools, and the <c>for</c> loop (the only repetition with a
    /// budget).
    /// </summary>
    private static readonly string[] Triggers =
    {
        "user", "group", "passwd", "vipw", "vigr",
        "apt", "apk", "dnf", "yum", "zypper",
        "sh", "./", ".ps1", ".bat", ".cmd", "eval", "source", "for",
        "cmd",
    };

    /// <summary>
    /// False only when reading <paramref name="script"/> certainly finds no account, no package and nothing opaque
    /// or unresolved; true means "read it".
    /// </summary>
    public static bool MayMatter(string script)
    {
        if (script.Length > MaxLength)
        {
            return true;
        }

        // Expansions and command substitution can build any name; parentheses and braces nest (the reader's depth
        // limits); the marker is the reader's own "unknown".
        if (script.IndexOfAny(Structural) >= 0)
        {
            return true;
        }

        // Escapes (and a backslash left in a name, which the reader takes for a path separator), unbalanced quotes
        // and empty quoted words (a command with no name) make the reader give up or guess: let it.
        if (script.IndexOf('\\') >= 0 || !QuotesBalanced(script)
            || script.IndexOf("''", StringComparison.Ordinal) >= 0 || script.IndexOf("\"\"", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        var plain = WithoutQuoting(script);
        foreach (var trigger in Triggers)
        {
            if (plain.IndexOf(trigger, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return HasDotCommand(plain) || HasNetCommand(plain) || HasDirectoryWord(plain) || HasDeepNesting(plain);
    }

    private static readonly char[] Structural = { '$', '`', '(', ')', '{', '}', Unknown.Marker };

    private static readonly char[] Quoting = { '\'', '"' };

    /// <summary>The text with quote characters removed: <c>us'e'radd</c> is still found.</summary>
    private static string WithoutQuoting(string script)
    {
        if (script.IndexOfAny(Quoting) < 0)
        {
            return script;
        }

        var buffer = new char[script.Length];
        var length = 0;
        foreach (var c in script)
        {
            if (c is not ('\'' or '"'))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer, 0, length);
    }

    /// <summary>Whether every quote closes (with no backslashes, a quote only ends at the same character).</summary>
    private static bool QuotesBalanced(string script)
    {
        var open = '\0';
        foreach (var c in script)
        {
            if (open == '\0')
            {
                if (c is '\'' or '"')
                {
                    open = c;
                }
            }
            else if (c == open)
            {
                open = '\0';
            }
        }

        return open == '\0';
    }

    /// <summary>A word ending in a slash (<c>dir/</c>, <c>/</c>): as a command its name is empty, which the reader reports.</summary>
    private static bool HasDirectoryWord(string text)
    {
        for (var i = text.IndexOf('/'); i >= 0; i = text.IndexOf('/', i + 1))
        {
            if (i + 1 == text.Length || IsWordBreak(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>. ./env.sh</c>: a word that is a lone dot (or ends in <c>/.</c>) may run a script we cannot see.</summary>
    private static bool HasDotCommand(string text)
    {
        for (var i = text.IndexOf('.'); i >= 0; i = text.IndexOf('.', i + 1))
        {
            var endsWord = i + 1 == text.Length || IsWordBreak(text[i + 1]);
            var startsWord = i == 0 || IsWordBreak(text[i - 1]) || text[i - 1] == '/';
            if (endsWord && startsWord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>net user /add</c> (also <c>net1</c>, <c>NET.EXE</c>): "net" starting a name, so <c>dotnet</c> or
    /// <c>network</c> are not taken for it.
    /// </summary>
    private static bool HasNetCommand(string text)
    {
        for (var i = text.IndexOf("net", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("net", i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsName = i == 0 || !IsNameCharacter(text[i - 1]);
            var endsName = i + 3 == text.Length || !(char.IsLetter(text[i + 3]) || text[i + 3] is '-' or '_');
            if (startsName && endsName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    /// <summary>
    /// <c>if</c>, <c>while</c>, <c>until</c> and <c>case</c> nest; far fewer of them than the parser's depth limit
    /// cannot reach it.
    /// </summary>
    private static bool HasDeepNesting(string text)
    {
        var count = 0;
        foreach (var keyword in NestingKeywords)
        {
            for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count >= PosixShellParser.MaxDepth / 4;
    }

    private static readonly string[] NestingKeywords = { "if", "while", "until", "case", "select" };

    private static bool IsWordBreak(char c) => char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '<' or '>';
}
