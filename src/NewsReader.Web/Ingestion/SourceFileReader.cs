using System.Text;

namespace NewsReader.Web.Ingestion;

/// <summary>
/// Reads a source file as text, or says plainly why it cannot be an article: too large,
/// empty, binary or not UTF-8.
/// </summary>
public static class SourceFileReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's bytes and text, or the reason it was refused.</summary>
    public sealed record Result(byte[]? Bytes, string? Text, string? Refusal);

    public static async Task<Result> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            return Refuse($"larger than 5 MB ({info.Length:N0} bytes)");
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (bytes.Length == 0)
        {
            return Refuse("empty file");
        }
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return Refuse("UTF-16 text, not UTF-8; save it as UTF-8");
        }
        if (Array.IndexOf(bytes, (byte)0) >= 0)
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
        return new Result(bytes, text, null);
    }

    private static Result Refuse(string reason) => new(null, null, reason);
}
