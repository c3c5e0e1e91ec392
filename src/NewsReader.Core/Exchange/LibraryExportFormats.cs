namespace NewsReader.Core.Exchange;

/// <summary>
/// The table of export formats a reader can move in from. The first format that recognises the
/// content reads it; the order puts the stricter tests first (Pocket's HTML before any bookmarks file).
/// </summary>
public static class LibraryExportFormats
{
    public static readonly IReadOnlyList<ILibraryExportFormat> All =
    [
        new OmnivoreZip(),
        new WallabagJson(),
        new PocketCsv(),
        new InstapaperCsv(),
        new ReadwiseCsv(),
        new PocketHtml(),
        new BookmarksHtml(),
    ];

    /// <summary>The names and labels of every format, for the page and the refusal's sentence.</summary>
    public static string Labels => string.Join(", ", All.Select(f => f.Label));

    public static ILibraryExportFormat? Recognise(ExportFile file) => All.FirstOrDefault(f => f.Recognises(file));

    /// <summary>The file read by the format that recognises it, or a sentence saying why it cannot be.</summary>
    public static (LibraryExport? Export, string? Problem) Read(byte[] bytes)
    {
        var file = new ExportFile(bytes);
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }
        if (Recognise(file) is not { } format)
        {
            return (null, $"This file is not an export NewsReader knows. It reads: {Labels}.");
        }
        try
        {
            return (format.Read(file), null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            return (null, $"The file looks like {format.Label} but could not be read: {ex.Message}");
        }
    }
}
