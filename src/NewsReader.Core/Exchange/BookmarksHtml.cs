using AngleSharp.Dom;

namespace NewsReader.Core.Exchange;

/// <summary>
/// A browser's bookmarks file (the Netscape bookmark format every browser exports and
/// imports): <c>&lt;DT&gt;&lt;A HREF ADD_DATE TAGS&gt;</c> inside <c>&lt;DL&gt;</c> folders. The
/// folders a bookmark sits in become its tags, beside its own TAGS; the toolbar and menu
/// folders that every browser has say nothing about the page and are left out.
/// </summary>
public sealed class BookmarksHtml : ILibraryExportFormat
{
    private static readonly HashSet<string> BrowserFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Bookmarks", "Bookmarks bar", "Bookmarks Toolbar", "Bookmarks Menu", "Other bookmarks", "Other Bookmarks", "Favorites bar", "Mobile bookmarks",
    };

    public string Name => "bookmarks-html";
    public string Label => "Browser bookmarks (HTML)";

    public bool Recognises(ExportFile file) =>
        !file.IsZip && (file.Head.Contains("NETSCAPE-Bookmark-file", StringComparison.OrdinalIgnoreCase)
            || (file.Head.Contains("<DL>", StringComparison.OrdinalIgnoreCase) && file.Head.Contains("<DT>", StringComparison.OrdinalIgnoreCase)));

    public LibraryExport Read(ExportFile file)
    {
        var entries = new List<MovedEntry>();
        foreach (var (link, url) in ExportValues.WebLinks(file.Text))
        {
            var tags = Folders(link).Concat(ExportValues.Tags(link.GetAttribute("tags"), ',')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            entries.Add(new MovedEntry(url, ExportValues.Blank(link.TextContent))
            {
                Tags = tags,
                SavedAt = ExportValues.Date(link.GetAttribute("add_date")),
            });
        }
        return new LibraryExport(Name, entries, []);
    }

    /// <summary>The names of the folders around a bookmark, outermost first: each DL's heading is the H3 just before it.</summary>
    private static IEnumerable<string> Folders(IElement link)
    {
        var names = new List<string>();
        for (var list = link.Closest("dl"); list is not null; list = list.ParentElement?.Closest("dl"))
        {
            var heading = list.PreviousElementSibling;
            if (heading?.LocalName == "h3" && ExportValues.Blank(heading.TextContent) is { } name && !BrowserFolders.Contains(name))
            {
                names.Insert(0, name);
            }
        }
        return names;
    }
}
