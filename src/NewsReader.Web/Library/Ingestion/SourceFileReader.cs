namespace NewsReader.Web.Library.Ingestion;

/// <summary>
/// Finds and reads source files: every visible file under a folder, of which only regular
/// files (after following links) are read, and at most 5 MB of any one, whatever its size
/// claims to be (a growing file cannot make ingestion read without end).
/// </summary>
public static class SourceFileReader
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The file's bytes, or the reason they were not read.</summary>
    public sealed record Result(byte[]? Bytes, string? Refusal);

    /// <summary>Every file under <paramref name="folder"/>, in all subfolders, in a stable order; hidden files and folders are left out.</summary>
    public static IReadOnlyList<string> Enumerate(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.Device,
            ReturnSpecialDirectories = false,
        })
        .Order(StringComparer.Ordinal)
        .ToList();

    public static Result Read(string path)
    {
        // Checked before opening: a FIFO would block the open itself, a device never ends.
        if (FileKind.NotRegular(path) is { } kind)
        {
            return new Result(null, kind);
        }
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
        {
            return new Result(null, TooLarge(info.Length));
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream((int)Math.Clamp(info.Length, 0, MaxBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return new Result(null, TooLarge(null));
            }
        }
        return new Result(buffer.ToArray(), null);
    }

    /// <summary>The refusal for content over the limit, for files and uploads alike.</summary>
    public static string TooLarge(long? length) =>
        length is { } bytes ? $"larger than 5 MB ({bytes:N0} bytes)" : "larger than 5 MB";
}
