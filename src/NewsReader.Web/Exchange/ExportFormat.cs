using System.Globalization;

namespace NewsReader.Web.Exchange;

/// <summary>The formats annotations leave NewsReader in.</summary>
public enum ExportFormat
{
    Markdown,
    JsonLd,
    Csv,
    Html,
}

/// <summary>How each format is named in the query string, typed and saved.</summary>
public static class ExportFormats
{
    public static readonly IReadOnlyList<string> Names = ["markdown", "jsonld", "csv", "html"];

    public static ExportFormat? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "markdown" or "md" => ExportFormat.Markdown,
        "jsonld" or "json-ld" => ExportFormat.JsonLd,
        "csv" => ExportFormat.Csv,
        "html" => ExportFormat.Html,
        _ => null,
    };

    public static string Label(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "Markdown (Obsidian, Logseq)",
        ExportFormat.JsonLd => "JSON-LD (W3C Web Annotation)",
        ExportFormat.Csv => "CSV (spreadsheet)",
        _ => "HTML (printable page)",
    };

    public static string Name(ExportFormat format) => Names[(int)format];

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Markdown => "text/markdown; charset=utf-8",
        ExportFormat.JsonLd => Annotations.W3cAnnotationJson.MediaType,
        ExportFormat.Csv => "text/csv; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>`{slug}-2026-12-02.md`, or `newsreader-notebook-2026-12-02.md` for everything.</summary>
    public static string FileName(ExportFormat format, string? articleSlug, DateTime day)
    {
        var extension = format switch
        {
            ExportFormat.Markdown => "md",
            ExportFormat.JsonLd => "jsonld",
            ExportFormat.Csv => "csv",
            _ => "html",
        };
        return $"{articleSlug ?? "newsreader-notebook"}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
    }
}
