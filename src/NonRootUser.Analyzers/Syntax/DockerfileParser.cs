using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NonRootUser.Analyzers.Syntax.Grammar;

namespace NonRootUser.Analyzers.Syntax;

/// <summary>
/// Parses Dockerfiles the way BuildKit (<c>docker build</c>) does, into an immutable tree whose every node knows its
/// exact span in the file. Never throws: bad input gives a <see cref="ParseResult"/> with positioned errors, such as
/// <c>line 3, column 6: expected an image name after FROM</c>.
/// </summary>
/// <remarks>
/// Beyond BuildKit's own parser, instructions whose typed members would otherwise be meaningless are rejected here
/// (Docker rejects them when it builds): FROM without an image or with a malformed <c>AS name</c>; USER, WORKDIR,
/// STOPSIGNAL and MAINTAINER without a value; ONBUILD without a trigger or chained (<c>ONBUILD ONBUILD</c>).
/// A lone carriage return ends a line (as in editors), where BuildKit only splits lines at line feeds.
/// </remarks>
public static class DockerfileParser
{
    /// <summary>Docker reads a Dockerfile line with a 64 KiB buffer: a longer line is an error.</summary>
    internal const int DockerMaxLineBytes = 65535;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses Dockerfile text (a leading byte order mark is ignored).</summary>
    public static ParseResult Parse(string text) => Parse(text, DockerMaxLineBytes);

    /// <summary>
    /// Parses the bytes of a Dockerfile as UTF-8 (a UTF-8 byte order mark is ignored; invalid bytes become U+FFFD).
    /// A UTF-16 or UTF-32 byte order mark is an error: Docker requires UTF-8.
    /// </summary>
    public static ParseResult Parse(byte[] utf8Bytes)
    {
        if (utf8Bytes is null)
        {
            return Parse(string.Empty);
        }

        var wrongEncoding = WrongEncodingName(utf8Bytes);
        if (wrongEncoding is not null)
        {
            return Failure(new ParseError(
                $"expected a UTF-8 file, but the file is {wrongEncoding} encoded (it starts with a {wrongEncoding} byte order mark); Docker requires UTF-8",
                new SourcePosition(1, 1)));
        }

        if (LooksLikeUtf16(utf8Bytes))
        {
            return Failure(new ParseError(
                "expected a UTF-8 file, but the file looks UTF-16 encoded (every other byte is zero); Docker requires UTF-8",
                new SourcePosition(1, 1)));
        }

        return Parse(Utf8.GetString(utf8Bytes));
    }

    /// <summary>Parses <paramref name="text"/>; returns false, with at least one error, if it is not a valid Dockerfile.</summary>
    public static bool TryParse(string text, out DockerfileSyntax? syntax, out IReadOnlyList<ParseError> errors)
    {
        var result = Parse(text);
        syntax = result.Syntax;
        errors = result.Errors;
        return result.Success;
    }

    /// <summary>Parses with a configurable line length limit (tests lift it to exercise very long lines).</summary>
    internal static ParseResult Parse(string? text, int maxLineBytes)
    {
        try
        {
            text ??= string.Empty;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                // Like BuildKit, one UTF-8 byte order mark is dropped; columns do not count it.
                text = text.Substring(1);
            }

            var source = new SourceText(text);
            var tooLong = FindTooLongLine(source, maxLineBytes);
            if (tooLong is not null)
            {
                return Failure(tooLong);
            }

            var result = FileGrammar.Dockerfile(TextInput.ForFile(source));
            if (result.WasSuccessful)
            {
                return new ParseResult(result.Value, Array.Empty<ParseError>());
            }

            var position = result.Remainder is TextInput input ? input.SourcePosition : new SourcePosition(1, 1);
            return Failure(new ParseError(Describe(result.Message, result.Expectations), position));
        }
#pragma warning disable CA1031 // The parser must never throw out of the build: an unexpected failure becomes an error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Failure(new ParseError($"internal parser error ({exception.GetType().Name}: {exception.Message})", new SourcePosition(1, 1)));
        }
    }

    private static ParseResult Failure(ParseError error) => new(null, new[] { error });

    private static string Describe(string message, IEnumerable<string> expectations)
    {
        var expected = expectations.Distinct(StringComparer.Ordinal).ToList();
        return expected.Count == 0 ? message : "expected " + string.Join(" or ", expected);
    }

    private static string? WrongEncodingName(byte[] bytes)
    {
        bool StartsWith(params byte[] mark) => bytes.Length >= mark.Length && mark.Select((b, i) => bytes[i] == b).All(equal => equal);

        if (StartsWith(0xFF, 0xFE, 0x00, 0x00) || StartsWith(0x00, 0x00, 0xFE, 0xFF))
        {
            return "UTF-32";
        }

        return StartsWith(0xFF, 0xFE) || StartsWith(0xFE, 0xFF) ? "UTF-16" : null;
    }

    /// <summary>UTF-16 text without a byte order mark: ASCII characters alternating with zero bytes, from the start.</summary>
    private static bool LooksLikeUtf16(byte[] bytes)
    {
        if (bytes.Length < 4)
        {
            return false;
        }

        bool IsAscii(byte b) => b is >= 0x20 and < 0x7F or (byte)'\t' or (byte)'\n' or (byte)'\r';

        var littleEndian = IsAscii(bytes[0]) && bytes[1] == 0 && IsAscii(bytes[2]) && bytes[3] == 0;
        var bigEndian = bytes[0] == 0 && IsAscii(bytes[1]) && bytes[2] == 0 && IsAscii(bytes[3]);
        return littleEndian || bigEndian;
    }

    private static ParseError? FindTooLongLine(SourceText source, int maxLineBytes)
    {
        // A UTF-16 code unit is at most 3 UTF-8 bytes: only lines that could be too long are measured.
        var text = source.Text;
        for (var line = 0; line < source.LineCount; line++)
        {
            var start = source.LineStart(line);
            var end = source.LineContentEnd(line);
            if ((long)(end - start) * 3 <= maxLineBytes)
            {
                continue;
            }

            var bytes = Utf8.GetByteCount(text.ToCharArray(start, end - start));
            if (bytes > maxLineBytes)
            {
                return new ParseError(
                    $"expected a line of at most {maxLineBytes} bytes, but this line has {bytes} (Docker rejects longer lines)",
                    new SourcePosition(line + 1, 1));
            }
        }

        return null;
    }
}
