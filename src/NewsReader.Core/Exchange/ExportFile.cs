using System.IO.Compression;
using System.Text;

namespace NewsReader.Core.Exchange;

/// <summary>
/// An uploaded export: its bytes, and its text decoded once (UTF-8 with or without a byte
/// order mark, or UTF-16 with one) for the formats that are text. A zip has no text.
/// </summary>
public sealed class ExportFile
{
    private readonly Lazy<string> text;

    public ExportFile(byte[] bytes)
    {
        Bytes = bytes;
        IsZip = bytes is [0x50, 0x4B, 0x03, 0x04, ..];
        text = new Lazy<string>(() => IsZip ? "" : Decode(bytes));
    }

    public byte[] Bytes { get; }

    public bool IsZip { get; }

    public string Text => text.Value;

    /// <summary>The first non-blank line of the text, for recognising CSV headers.</summary>
    public string FirstLine => Text.TrimStart().Split('\n', 2)[0].Trim();

    /// <summary>The first characters of the text, for recognising markup and JSON.</summary>
    public string Head => Text.Length > 4096 ? Text[..4096] : Text;

    public ZipArchive OpenZip() => new(new MemoryStream(Bytes, writable: false), ZipArchiveMode.Read);

    private static string Decode(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3),
        [0xFF, 0xFE, ..] => Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2),
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2),
        _ => Encoding.UTF8.GetString(bytes),
    };
}
