using System.Text;
using System.Text.RegularExpressions;
using UtfUnknown;

namespace NewsReader.Core.Extraction.Decoding;

/// <summary>
/// Turns a source file's bytes into text, or says plainly why they cannot be an article:
/// empty, or binary. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; other
/// bytes in the encoding a page or feed declares, else one the detector is sure of, else
/// Windows-1252, which can decode any byte.
/// </summary>
public static partial class SourceDecoder
{
    /// <summary>Below this the detector's guess is worse than Windows-1252, the commonest legacy encoding of Western text.</summary>
    public const float MinDetectionConfidence = 0.8f;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly (string Name, byte[] Magic)[] BinaryMagic =
    [
        ("PDF document", "%PDF-"u8.ToArray()),
        ("ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("PNG image", [0x89, 0x50, 0x4E, 0x47]),
        ("JPEG image", [0xFF, 0xD8, 0xFF]),
        ("GIF image", "GIF8"u8.ToArray()),
        ("gzip archive", [0x1F, 0x8B]),
    ];

    static SourceDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The decoded text (without a byte order mark) and the encoding's web name, or the reason it was refused.</summary>
    public sealed record Result(string? Text, string? Refusal, string? Encoding = null);

    public static Result Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return Refuse("empty file");
        }
        foreach (var (name, magic) in BinaryMagic)
        {
            if (bytes.StartsWith(magic))
            {
                return Refuse($"binary content ({name}), not text");
            }
        }
        var (text, encoding) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8.GetString(bytes[3..]), Encoding.UTF8),
            [0xFF, 0xFE, ..] => (Encoding.Unicode.GetString(bytes[2..]), Encoding.Unicode),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode.GetString(bytes[2..]), Encoding.BigEndianUnicode),
            _ when bytes.IndexOf((byte)0) >= 0 => (null, null),
            _ => DecodeWithoutBom(bytes),
        };
        if (text is null || encoding is null)
        {
            return Refuse("binary content (NUL bytes), not text");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse("no text, only white space");
        }
        if (MoreControlCharactersThan(text, text.Length / 100 + 1))
        {
            return Refuse("binary content (control characters), not text");
        }
        return new Result(text, null, encoding.WebName);
    }

    // A loop over the span, not LINQ over the string's chars: every file ingested passes here, and
    // the enumerator's call per character was a tenth of all parsing.
    private static bool MoreControlCharactersThan(string text, int limit)
    {
        var count = 0;
        foreach (var c in text.AsSpan())
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f') && ++count > limit)
            {
                return true;
            }
        }
        return false;
    }

    private static (string, Encoding) DecodeWithoutBom(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes), Encoding.UTF8);
        }
        catch (DecoderFallbackException)
        {
            var encoding = Declared(bytes) ?? Detected(bytes) ?? Encoding.GetEncoding(1252);
            return (encoding.GetString(bytes), encoding);
        }
    }

    /// <summary>The encoding a page's meta charset or an XML declaration names near the start, if this machine knows it.</summary>
    private static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var match = CharsetDeclaration().Match(head);
        return match.Success ? Known(match.Groups["name"].Value) : null;
    }

    private static Encoding? Detected(ReadOnlySpan<byte> bytes)
    {
        var best = CharsetDetector.DetectFromBytes(bytes).Detected;
        return best is not null && best.Confidence >= MinDetectionConfidence ? Known(best.EncodingName) : null;
    }

    // As browsers do, Latin-1 and ASCII labels mean Windows-1252, whose extra characters
    // (curly quotes, dashes) are what such files really hold in 0x80-0x9F.
    private static Encoding? Known(string name)
    {
        if (name.Replace("-", "").Replace("_", "").ToLowerInvariant() is "iso88591" or "latin1" or "usascii" or "ascii" or "l1")
        {
            return Encoding.GetEncoding(1252);
        }
        try
        {
            var encoding = Encoding.GetEncoding(name);
            // Bytes that were not UTF-8 cannot be in a UTF encoding whatever the file claims.
            return encoding is UTF8Encoding or UnicodeEncoding or UTF32Encoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Result Refuse(string reason) => new(null, reason);

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<name>[\w.:-]+)|<\?xml[^>]*encoding\s*=\s*[""'](?<name>[\w.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetDeclaration();
}
