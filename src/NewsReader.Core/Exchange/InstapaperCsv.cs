namespace NewsReader.Core.Exchange;

/// <summary>
/// Instapaper's CSV export: <c>URL,Title,Selection,Folder,Timestamp</c> (newer files add
/// <c>Tags</c>, a JSON-ish list). Folder is Unread, Archive, Starred or a folder of the
/// reader's own, which becomes a tag. Selection is the text the reader had selected when
/// saving, not a highlight of the article, so it is not imported as one.
/// </summary>
public sealed class InstapaperCsv : ILibraryExportFormat
{
    public string Name => "instapaper-csv";
    public string Label => "Instapaper (CSV)";

    public bool Recognises(ExportFile file) => !file.IsZip && CsvTable.HasColumns(file, "url", "title", "folder", "timestamp");

    public LibraryExport Read(ExportFile file)
    {
        var entries = new List<MovedEntry>();
        foreach (var row in CsvTable.Rows(file))
        {
            if (ExportValues.WebUrl(row("url")) is not { } url)
            {
                continue;
            }
            var folder = row("folder")?.Trim() ?? "";
            var tags = ExportValues.Tags(row("tags")?.Trim('[', ']').Replace("\"", ""), ',').ToList();
            if (folder is not ("" or "Unread" or "Archive" or "Starred") && !tags.Contains(folder, StringComparer.OrdinalIgnoreCase))
            {
                tags.Insert(0, folder);
            }
            entries.Add(new MovedEntry(url, ExportValues.Blank(row("title")))
            {
                Tags = tags,
                Favorite = folder == "Starred",
                Archived = folder == "Archive",
                Read = folder == "Archive",
                SavedAt = ExportValues.Date(row("timestamp")),
            });
        }
        return new LibraryExport(Name, entries, []);
    }
}
