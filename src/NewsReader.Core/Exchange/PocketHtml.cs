namespace NewsReader.Core.Exchange;

/// <summary>
/// Pocket's older HTML export (ril_export.html): a page titled "Pocket Export" with an
/// <c>&lt;h1&gt;Unread&lt;/h1&gt;</c> list and a <c>&lt;h1&gt;Read Archive&lt;/h1&gt;</c> list of
/// <c>&lt;a href time_added tags&gt;</c> links, tags joined by commas.
/// </summary>
public sealed class PocketHtml : ILibraryExportFormat
{
    public string Name => "pocket-html";
    public string Label => "Pocket (HTML)";

    public bool Recognises(ExportFile file) =>
        !file.IsZip && file.Head.Contains("<html", StringComparison.OrdinalIgnoreCase)
        && (file.Head.Contains("Pocket Export", StringComparison.OrdinalIgnoreCase) || file.Text.Contains("time_added=", StringComparison.OrdinalIgnoreCase))
        && !file.Head.Contains("NETSCAPE-Bookmark-file", StringComparison.OrdinalIgnoreCase);

    public LibraryExport Read(ExportFile file)
    {
        var entries = new List<MovedEntry>();
        foreach (var (link, url) in ExportValues.WebLinks(file.Text))
        {
            // The list a link is in follows the nearest heading before it.
            var heading = link.Closest("ul")?.PreviousElementSibling;
            var archived = heading?.TextContent.Contains("Archive", StringComparison.OrdinalIgnoreCase) == true;
            entries.Add(new MovedEntry(url, ExportValues.Blank(link.TextContent) is { } title && title != url ? title : null)
            {
                Tags = ExportValues.Tags(link.GetAttribute("tags"), ','),
                Archived = archived,
                Read = archived,
                SavedAt = ExportValues.Date(link.GetAttribute("time_added")),
            });
        }
        return new LibraryExport(Name, entries, []);
    }
}
