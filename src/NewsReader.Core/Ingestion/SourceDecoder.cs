using System.Text;

namespace NewsReader.Core.Ingestion;

/// <summary>
/// Turns a source file's bytes into text, or says plainly why they cannot be an article:
/// empty, binary, or in an encoding it cannot read.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded text (without a byte order mark), or the reason it was refused.</summary>
    public sealed record Result(string? Text, string? Refusal);

    public static Result Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            return Refuse("empty file");
        }
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return Refuse("UTF-16 text, not UTF-8; save it as UTF-8");
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return Refuse("binary content (NUL bytes), not text");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Refuse("not UTF-8 text");
        }
        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse("no text, only white space");
        }
        if (text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) > text.Length / 100 + 1)
        {
            return Refuse("binary content (control characters), not text");
        }
        return new Result(text, null);
    }

    private static Result Refuse(string reason) => new(null, reason);
}
