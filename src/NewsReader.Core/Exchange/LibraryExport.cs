namespace NewsReader.Core.Exchange;

/// <summary>
/// A highlight from another service's export. <see cref="ArticleTitle"/> names its article when
/// the export gives no address (Readwise); <see cref="Position"/> is a code-point offset hint
/// where the export has one.
/// </summary>
public sealed record MovedHighlight(string Quote, string? Note = null, string? ArticleTitle = null, string? ArticleAuthor = null, int? Position = null);

/// <summary>
/// One saved article in another service's export: its address, what the reader had said about
/// it (tags, favourite, archived, read, when saved), the saved page's HTML where the export
/// carries it, and the reader's highlights on it.
/// </summary>
public sealed record MovedEntry(string Url, string? Title)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool Favorite { get; init; }
    public bool Archived { get; init; }
    public bool Read { get; init; }
    public DateTime? SavedAt { get; init; }
    /// <summary>The article's HTML as the service saved it (Wallabag, Omnivore), else null: fetch the URL.</summary>
    public string? ContentHtml { get; init; }
    public IReadOnlyList<MovedHighlight> Highlights { get; init; } = [];
}

/// <summary>What an export file holds: entries with addresses, and highlights that name only a title.</summary>
public sealed record LibraryExport(string Format, IReadOnlyList<MovedEntry> Entries, IReadOnlyList<MovedHighlight> TitledHighlights)
{
    public int HighlightCount => Entries.Sum(e => e.Highlights.Count) + TitledHighlights.Count;
}

/// <summary>
/// One service's export format: recognised by its content (never by the file's name) and read
/// into a <see cref="LibraryExport"/>. A format throws <see cref="FormatException"/> with a
/// readable sentence when a file it recognised cannot be read.
/// </summary>
public interface ILibraryExportFormat
{
    /// <summary>A short name for the job and the API ("pocket-csv").</summary>
    string Name { get; }

    /// <summary>The service and format, for people ("Pocket (CSV)").</summary>
    string Label { get; }

    bool Recognises(ExportFile file);

    LibraryExport Read(ExportFile file);
}
