namespace NewsReader.Core.Exchange;

/// <summary>
/// Readwise's CSV of highlights: <c>Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,
/// Tags,Location Type,Location,Highlighted at,Document tags</c>. It names no address, so each
/// highlight is kept with its article's title (and author) for the import to find; a file that
/// does carry a <c>URL</c> column groups those highlights under their address instead.
/// </summary>
public sealed class ReadwiseCsv : ILibraryExportFormat
{
    public string Name => "readwise-csv";
    public string Label => "Readwise (CSV highlights)";

    public bool Recognises(ExportFile file) => !file.IsZip && CsvTable.HasColumns(file, "highlight", "book title");

    public LibraryExport Read(ExportFile file)
    {
        var byUrl = new Dictionary<string, (string? Title, List<MovedHighlight> Highlights)>(StringComparer.Ordinal);
        var titled = new List<MovedHighlight>();
        foreach (var row in CsvTable.Rows(file))
        {
            if (ExportValues.Blank(row("highlight")) is not { } quote)
            {
                continue;
            }
            var title = ExportValues.Blank(row("book title"));
            var highlight = new MovedHighlight(quote, ExportValues.Blank(row("note")), title, ExportValues.Blank(row("book author")));
            if (ExportValues.WebUrl(row("url")) is { } url)
            {
                if (!byUrl.TryGetValue(url, out var entry))
                {
                    entry = byUrl[url] = (title, []);
                }
                entry.Highlights.Add(highlight);
            }
            else
            {
                titled.Add(highlight);
            }
        }
        var entries = byUrl.Select(p => new MovedEntry(p.Key, p.Value.Title) { Highlights = p.Value.Highlights }).ToList();
        return new LibraryExport(Name, entries, titled);
    }
}
