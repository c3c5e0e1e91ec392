using System.Globalization;
using CsvHelper;

namespace NewsReader.Web.Exchange;

/// <summary>
/// CSV (RFC 4180, via CsvHelper): one row per annotation with the columns <see cref="Columns"/>.
/// Times are UTC in ISO 8601; tags are joined by ", " (a tag cannot hold a comma). A cell that a
/// spreadsheet would run as a formula (=, +, -, @ first, also after white space or a line break,
/// which spreadsheets skip) is escaped with a leading apostrophe.
/// </summary>
public sealed class CsvExport : IExportFormat
{
    public string Name => "csv";

    public string Label => "CSV (spreadsheet)";

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public static readonly IReadOnlyList<string> Columns =
        ["article title", "slug", "quote", "prefix", "suffix", "start", "end", "note", "tags", "colour", "visibility", "created", "modified", "status"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public async Task WriteAsync(ExportSet set, ExportContext context, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await csv.WriteRecordAsync([.. Columns], cancellationToken);
        foreach (var article in set.Articles)
        {
            foreach (var a in article.Annotations)
            {
                csv.WriteField(Cell(article.Title));
                csv.WriteField(article.Slug);
                csv.WriteField(Cell(a.Exact));
                csv.WriteField(Cell(a.Prefix));
                csv.WriteField(Cell(a.Suffix));
                csv.WriteField(a.Start?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(a.End?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(Cell(a.Note ?? ""));
                csv.WriteField(string.Join(", ", a.Tags.OrderBy(t => t.Id).Select(t => t.Name)));
                csv.WriteField(a.Color);
                csv.WriteField(a.Visibility == Visibility.Public ? "public" : "private");
                csv.WriteField(Timestamp(a.Created));
                csv.WriteField(Timestamp(a.Modified));
                csv.WriteField(a.AnchorStatus.ToString().ToLowerInvariant());
                await csv.EndRecordAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>CsvHelper escapes a formula at the first character; one behind white space is escaped here.</summary>
    private static string Cell(string value) =>
        value.Length > 0 && char.IsWhiteSpace(value[0]) && value.TrimStart() is ['=' or '+' or '-' or '@', ..] ? "'" + value : value;

    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
