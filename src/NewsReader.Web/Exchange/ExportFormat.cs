using System.Globalization;

namespace NewsReader.Web.Exchange;

/// <summary>A format annotations leave NewsReader in: its names, its media type, and its writer.</summary>
public interface IExportFormat
{
    /// <summary>The name in the query string (<c>format=</c>) and the menu's value.</summary>
    string Name { get; }

    /// <summary>Other spellings accepted for <see cref="Name"/>.</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>What the export menu calls it.</summary>
    string Label { get; }

    string ContentType { get; }

    /// <summary>The saved file's extension, without the dot.</summary>
    string Extension { get; }

    /// <summary>Writes the set straight to the stream, without holding the whole export in memory.</summary>
    Task WriteAsync(ExportSet set, ExportContext context, Stream output, CancellationToken cancellationToken);
}

/// <summary>What a writer may need beyond the set itself.</summary>
public sealed record ExportContext(ArticleQueries Articles);

/// <summary>The export formats, in the order the menu lists them: a new format is one class and one line in <see cref="All"/>.</summary>
public static class ExportFormats
{
    public static readonly IReadOnlyList<IExportFormat> All = [new MarkdownExport(), new JsonLdExport(), new CsvExport(), new HtmlExport()];

    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToList();

    public static IExportFormat? Parse(string? name) =>
        name is null ? null : All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || f.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>`{slug}-2026-12-02.md`, or `newsreader-notebook-2026-12-02.md` for everything.</summary>
    public static string FileName(IExportFormat format, string? articleSlug, DateTime day) =>
        $"{articleSlug ?? "newsreader-notebook"}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{format.Extension}";
}
