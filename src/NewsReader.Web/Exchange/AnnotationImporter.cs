using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Exchange;

/// <summary>One row that was not imported, and why.</summary>
public sealed record ImportError(int Index, string Reason);

/// <summary>What an import did: <c>imported</c> = anchored + moved + orphaned; every skipped row has an error.</summary>
public sealed record ImportSummary(int Imported, int Anchored, int Moved, int Orphaned, int Skipped, int Duplicates, IReadOnlyList<ImportError> Errors);

/// <summary>Why a whole import was refused: the HTTP status and a sentence.</summary>
public sealed record ImportRefusal(int Status, string Title, string Detail);

/// <summary>
/// Imports annotations into one account. The body is read up to <see cref="MaxBytes"/> and no
/// further, so a huge upload costs at most that much memory; the file's shapes are found by
/// <see cref="ImportDocument"/>, each annotation is matched to an article (its source is
/// `…/articles/{slug}` or the article's source URL) and placed on the current text by the same
/// <see cref="Anchorer"/> that carries annotations across revisions. An annotation whose quote
/// is not found is kept as an orphan. All rows go in one transaction: a request that fails as
/// a whole leaves nothing behind. A row's import key (its source id, else its target and body)
/// makes a second import of the same file add nothing.
/// </summary>
public sealed class AnnotationImporter(NewsReaderDb db, TimeProvider clock)
{
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxItems = 50_000;
    private const int BatchSize = 500;

    private sealed record Target(int ArticleId, int Revision, CodePointText Text);

    /// <summary>Reads and imports the body; a refusal when the body as a whole cannot be used.</summary>
    public async Task<(ImportSummary? Summary, ImportRefusal? Refusal)> ImportAsync(string ownerId, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var tooLarge = new ImportRefusal(StatusCodes.Status413PayloadTooLarge, "File too large",
            $"An import file may be at most {MaxBytes / (1024 * 1024)} MB; split it into smaller files.");
        if (contentLength > MaxBytes)
        {
            return (null, tooLarge);
        }
        if (await BoundedRead.ReadAtMostAsync(body, MaxBytes, cancellationToken) is not { } bytes)
        {
            return (null, tooLarge);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException failure)
        {
            return (null, new ImportRefusal(StatusCodes.Status400BadRequest, "Not JSON",
                $"The file is not JSON (line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}). Import W3C Web Annotation JSON-LD or a Hypothesis search result."));
        }
        using (document)
        {
            var (items, problem) = ImportDocument.Items(document.RootElement, MaxItems);
            if (items is null)
            {
                var status = problem!.Contains("more than", StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return (null, new ImportRefusal(status, "Not an annotation file", problem));
            }
            return (await ImportItemsAsync(ownerId, items, cancellationToken), null);
        }
    }

    private async Task<ImportSummary> ImportItemsAsync(string ownerId, IReadOnlyList<ImportItem> items, CancellationToken cancellationToken)
    {
        var knownKeys = (await db.Annotations.Where(a => a.OwnerId == ownerId && a.ImportKey != null).Select(a => a.ImportKey!).ToListAsync(cancellationToken)).ToHashSet();
        var ownIds = (await db.Annotations.Where(a => a.OwnerId == ownerId).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var targets = new Dictionary<string, Target?>(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        int anchored = 0, moved = 0, orphaned = 0, duplicates = 0, pending = 0;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (parsed, problem) = W3cAnnotationJson.ReadAnySource(item.Annotation, skipOtherSelectors: true);
            if (parsed is null)
            {
                errors.Add(new ImportError(item.Index, problem!));
                continue;
            }
            var draft = parsed.Draft;
            if (draft.Quote is not { } quote || string.IsNullOrWhiteSpace(quote.Exact))
            {
                errors.Add(new ImportError(item.Index, "The annotation has no TextQuoteSelector with the quoted text, so it cannot be placed on an article."));
                continue;
            }
            var color = AnnotationRules.Colors.Contains(draft.Color) ? draft.Color : AnnotationRules.DefaultColor;
            if (RowProblem(quote, draft, color) is { } invalid)
            {
                errors.Add(new ImportError(item.Index, invalid));
                continue;
            }
            var sourceId = StringProperty(item.Annotation, "id");
            if (sourceId is not null && OwnAnnotationId(sourceId) is { } existing && ownIds.Contains(existing))
            {
                duplicates++;
                continue;
            }
            var key = ImportKey(sourceId, parsed.Source, draft);
            if (!knownKeys.Add(key))
            {
                duplicates++;
                continue;
            }
            if (!targets.TryGetValue(parsed.Source, out var target))
            {
                target = targets[parsed.Source] = await FindTargetAsync(parsed.Source, cancellationToken);
            }
            if (target is null)
            {
                knownKeys.Remove(key);
                errors.Add(new ImportError(item.Index, $"No article matches '{TextShortener.Shorten(parsed.Source, 200)}': neither …/articles/{{slug}} nor an article's source URL."));
                continue;
            }

            var annotation = Place(ownerId, target, quote, draft, color, key, now);
            annotation.Created = Time(item.Annotation, "created") ?? now;
            annotation.Modified = Time(item.Annotation, "modified") is { } modified && modified >= annotation.Created ? modified : annotation.Created;
            switch (annotation.AnchorStatus)
            {
                case AnchorStatus.Anchored: anchored++; break;
                case AnchorStatus.Moved: moved++; break;
                default: orphaned++; break;
            }
            ownIds.Add(annotation.Id);
            db.Annotations.Add(annotation);
            if (++pending == BatchSize)
            {
                await SaveBatchAsync(cancellationToken);
                pending = 0;
            }
        }
        await SaveBatchAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var imported = anchored + moved + orphaned;
        return new ImportSummary(imported, anchored, moved, orphaned, errors.Count, duplicates, errors);
    }

    // Saved and forgotten in batches, so the change tracker never holds a whole large import.
    private async Task SaveBatchAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string? RowProblem(TextQuoteSelector quote, AnnotationDraft draft, string color)
    {
        if (quote.Exact.Length > AnnotationRules.MaxQuoteLength)
        {
            return $"The quote is longer than {AnnotationRules.MaxQuoteLength:N0} characters.";
        }
        return AnnotationRules.Problem(draft.Note, draft.Tags, color);
    }

    /// <summary>Places the quote on the article's current text, keeping it as an orphan when it is not there.</summary>
    private static Annotation Place(string ownerId, Target target, TextQuoteSelector given, AnnotationDraft draft, string color, string key, DateTime now)
    {
        var quote = QuoteDescriber.WithAnchoringContext(given);
        // Approximate matches only where plausible (issue 13's rule for quotes without a base text).
        var result = Anchorer.Anchor(target.Text, quote, draft.Position, options: AnchorOptions.NewsReader);
        var placed = result is { Start: { } start, End: { } end } && end > start;
        var status = !placed ? AnchorStatus.Orphaned
            : result.Status == AnchorStatus.Anchored && (draft.Position is null || (draft.Position.Start, draft.Position.End) == (result.Start!.Value, result.End!.Value))
                ? AnchorStatus.Anchored
                : AnchorStatus.Moved;
        var annotation = new Annotation
        {
            Id = Guid.NewGuid(),
            ArticleId = target.ArticleId,
            OwnerId = ownerId,
            Version = 1,
            Color = color,
            Visibility = draft.Visibility,
            Exact = quote.Exact,
            Prefix = quote.Prefix,
            Suffix = quote.Suffix,
            MadeOnRevision = target.Revision,
            AnchoredRevision = target.Revision,
            AnchorStatus = status,
            Start = placed ? result.Start : null,
            End = placed ? result.End : null,
            ImportKey = key,
            Created = now,
            Modified = now,
        };
        annotation.SetNote(draft.Note);
        annotation.AddTags(draft.Tags);
        return annotation;
    }

    /// <summary>The article a source names: `…/articles/{slug}` on any host, else an article saved from that URL.</summary>
    private async Task<Target?> FindTargetAsync(string source, CancellationToken cancellationToken)
    {
        IQueryable<ArticleRevision> revisions = db.ArticleRevisions.Current();
        if (W3cAnnotationJson.SlugOf(source) is { } slug && await db.Articles.AnyAsync(a => a.Slug == slug, cancellationToken))
        {
            revisions = revisions.Where(r => r.Article.Slug == slug);
        }
        else
        {
            var candidates = SourceUrlForms(source);
            revisions = revisions.Where(r => r.Article.SourceUrl != null && candidates.Contains(r.Article.SourceUrl));
        }
        var found = await revisions.OrderBy(r => r.ArticleId).Select(r => new { r.ArticleId, r.Number, r.Text }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new Target(found.ArticleId, found.Number, new CodePointText(found.Text));
    }

    // Annotation tools note a page's address with or without its fragment and trailing slash.
    private static List<string> SourceUrlForms(string source)
    {
        var bare = source.Split('#')[0];
        return [source, bare, bare.TrimEnd('/'), bare.TrimEnd('/') + "/"];
    }

    /// <summary>The id of an annotation of this app (`…/api/annotations/{guid}`), or null.</summary>
    private static Guid? OwnAnnotationId(string sourceId)
    {
        var path = Uri.TryCreate(sourceId, UriKind.Absolute, out var uri) ? uri.AbsolutePath : sourceId;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is [.., "api", "annotations", var id] && Guid.TryParse(id, out var guid) ? guid : null;
    }

    /// <summary>SHA-256 of the source id, else of the target and body, as 64 hex digits.</summary>
    public static string ImportKey(string? sourceId, string source, AnnotationDraft draft)
    {
        var basis = sourceId is not null
            ? "id\n" + sourceId
            : string.Join('\n', "content", source, draft.Quote?.Exact, draft.Quote?.Prefix, draft.Quote?.Suffix,
                draft.Position?.Start.ToString(CultureInfo.InvariantCulture), draft.Position?.End.ToString(CultureInfo.InvariantCulture),
                draft.Note, string.Join('\u001f', draft.Tags));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
    }

    private static string? StringProperty(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTime? Time(JsonElement json, string name) =>
        StringProperty(json, name) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : null;
}
