
namespace NewsReader.Web.Exchange;

/// <summary>Loads what an export covers and writes it in the chosen format, straight to a stream.</summary>
public sealed class AnnotationExporter(NewsReaderDb db, ArticleQueries articles)
{
    /// <summary>The set to export, or null when the scope names an article that does not exist.</summary>
    public Task<ExportSet?> LoadAsync(ExportScope scope, string baseUrl, CancellationToken cancellationToken) =>
        ExportSet.LoadAsync(db, scope, baseUrl, cancellationToken);

    public Task WriteAsync(ExportSet set, IExportFormat format, Stream output, CancellationToken cancellationToken) =>
        format.WriteAsync(set, new ExportContext(articles), output, cancellationToken);
}
