namespace NewsReader.Core.Exchange;

/// <summary>
/// Pocket's CSV export (2023 on): <c>title,url,time_added,tags,status</c> (later files add
/// <c>cursor</c>); time in Unix seconds, tags joined by '|', status <c>unread</c> or <c>archive</c>.
/// Pocket exported no highlights in it.
/// </summary>
public sealed class PocketCsv : ILibraryExportFormat
{
    public string Name => "pocket-csv";
    public string Label => "Pocket (CSV)";

    public bool Recognises(ExportFile file) => !file.IsZip && CsvTable.HasColumns(file, "url", "time_added", "status");

    public LibraryExport Read(ExportFile file)
    {
        var entries = new List<MovedEntry>();
        foreach (var row in CsvTable.Rows(file))
        {
            if (ExportValues.WebUrl(row("url")) is not { } url)
            {
                continue;
            }
            var archived = string.Equals(row("status")?.Trim(), "archive", StringComparison.OrdinalIgnoreCase);
            entries.Add(new MovedEntry(url, ExportValues.Blank(row("title")))
            {
                Tags = ExportValues.Tags(row("tags"), '|'),
                Archived = archived,
                Read = archived,
                SavedAt = ExportValues.Date(row("time_added")),
            });
        }
        return new LibraryExport(Name, entries, []);
    }
}
