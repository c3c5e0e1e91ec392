using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Moving;

/// <summary>
/// Moves another service's export into a reader's library, one item at a time. An entry
/// becomes an article from the export's own saved HTML where it has one (stored under the
/// entry's address, like a saved page), else by saving its URL through <see cref="UrlSaver"/>;
/// an address already stored is only added to the reader's library. Favourite, archived, read
/// and the saved date go to the reader's own rows only when they have none yet, and tags are
/// added to theirs (<see cref="LibraryTags"/>), so nothing the reader set here is overwritten and
/// a second import of the same file changes nothing.
/// Highlights go through <see cref="AnnotationImporter"/> as W3C annotations, so they are
/// anchored by the same quote matching, kept as orphans when the text does not hold them, and
/// known by their import key on the next import.
/// </summary>
public sealed class LibraryImporter(
    NewsReaderDb db, UrlSaver saver, ArticleIngester ingester, AnnotationImporter annotations,
    HostPacer pacer, PublicUrls urls, LibraryTags tags, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>What one item added, to be summed onto the job.</summary>
    public sealed record ItemOutcome(int Articles = 0, int Highlights = 0, int Anchored = 0, int Orphaned = 0, IReadOnlyList<ImportFailure>? Failures = null);

    /// <summary>Item <paramref name="item"/> of the export: an entry, or after the entries a highlight that names only a title.</summary>
    public async Task<ItemOutcome> ImportItemAsync(string userId, LibraryExport export, int item, CancellationToken cancellationToken)
    {
        if (item >= export.Entries.Count)
        {
            return await ImportTitledAsync(userId, export.TitledHighlights[item - export.Entries.Count], item, cancellationToken);
        }
        var entry = export.Entries[item];
        // Counted as an article only when it was not in the reader's library already: a second import adds nothing.
        var had = await FindAsync(entry.Url, cancellationToken) is var (knownId, _)
            && await db.LibraryEntries.AnyAsync(e => e.UserId == userId && e.ArticleId == knownId, cancellationToken);
        int articleId;
        string slug;
        try
        {
            (articleId, slug) = await StoreAsync(userId, entry, cancellationToken);
        }
        catch (FetchException failure)
        {
            var lost = entry.Highlights.Select(h => new ImportFailure(item, entry.Url, "Its article could not be saved, so its highlight was not placed.", h.Quote));
            return new ItemOutcome(Failures: [new ImportFailure(item, entry.Url, failure.Message), .. lost]);
        }
        await KeepStateAsync(userId, articleId, entry, cancellationToken);
        var placed = await PlaceAsync(userId, slug, entry.Highlights, item, entry.Url, cancellationToken);
        return placed with { Articles = had ? 0 : 1 };
    }

    private async Task<ItemOutcome> ImportTitledAsync(string userId, MovedHighlight highlight, int item, CancellationToken cancellationToken)
    {
        var title = highlight.ArticleTitle ?? "";
        var lower = title.ToLowerInvariant();
        var slug = await ReaderLibrary.Of(db, userId)
            .Where(a => db.ArticleRevisions.Current().Any(r => r.ArticleId == a.Id && r.Title.ToLower() == lower))
            .OrderBy(a => a.Id).Select(a => a.Slug).FirstOrDefaultAsync(cancellationToken);
        if (slug is null)
        {
            return new ItemOutcome(Failures: [new ImportFailure(item, title, $"No article titled \"{TextShortener.Shorten(title, 120)}\" is in your library; save it, then import the file again.", highlight.Quote)]);
        }
        return await PlaceAsync(userId, slug, [highlight], item, title, cancellationToken);
    }

    /// <summary>The article for an entry: one already stored under its address, else from its saved HTML, else fetched.</summary>
    private async Task<(int Id, string Slug)> StoreAsync(string userId, MovedEntry entry, CancellationToken cancellationToken)
    {
        if (await FindAsync(entry.Url, cancellationToken) is { } known)
        {
            return known;
        }
        if (entry.ContentHtml is { } html && FromContent(entry, html) is { } extracted)
        {
            var key = CanonicalUrl.Normalize(entry.Url) ?? entry.Url;
            var stored = await ingester.IngestFetchedAsync(extracted, key, entry.Url, cancellationToken);
            if (stored.Slug is not null && await FindBySlugAsync(stored.Slug, cancellationToken) is { } made)
            {
                return made;
            }
        }
        await pacer.WaitTurnAsync(entry.Url, cancellationToken);
        var saved = await saver.SaveAsync(userId, entry.Url, cancellationToken);
        return (await FindBySlugAsync(saved.Slug, cancellationToken))!.Value;
    }

    /// <summary>The saved HTML as a page of its own, with the entry's address as its canonical link; null when it holds no article.</summary>
    private static ExtractedArticle? FromContent(MovedEntry entry, string html)
    {
        var page = html.Contains("<html", StringComparison.OrdinalIgnoreCase)
            ? html
            : $"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(entry.Title ?? "")}</title><link rel="canonical" href="{WebUtility.HtmlEncode(entry.Url)}"></head><body><article>{html}</article></body></html>""";
        try
        {
            var result = ArticleExtractor.Extract(Encoding.UTF8.GetBytes(page), "saved.html", new Uri(entry.Url));
            if (result.Refusal is not null || result.Articles.Count != 1)
            {
                return null;
            }
            var article = result.Articles[0];
            var metadata = article.Article.Metadata;
            return article with { Article = article.Article with { Metadata = metadata with { SourceUrl = CanonicalUrl.Normalize(entry.Url) ?? entry.Url } } };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Adds the article to the library with the saved date, and its reading state, where the reader has none yet; and the tags it lacks.</summary>
    private async Task KeepStateAsync(string userId, int articleId, MovedEntry entry, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.LibraryEntries.AnyAsync(e => e.UserId == userId && e.ArticleId == articleId, cancellationToken))
        {
            db.LibraryEntries.Add(new LibraryEntry { UserId = userId, ArticleId = articleId, AddedAt = entry.SavedAt is { } saved && saved < now ? saved : now });
        }
        else
        {
            // Saving the URL just made the row (or the reader had it): it takes the export's date when that is earlier.
            if (entry.SavedAt is { } saved && saved < now)
            {
                await db.LibraryEntries.Where(e => e.UserId == userId && e.ArticleId == articleId && e.AddedAt > saved)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.AddedAt, saved), cancellationToken);
            }
        }
        if ((entry.Favorite || entry.Archived || entry.Read)
            && !await db.ReadingStates.AnyAsync(s => s.UserId == userId && s.ArticleId == articleId, cancellationToken))
        {
            db.ReadingStates.Add(new ReadingState { UserId = userId, ArticleId = articleId, Favorite = entry.Favorite, Archived = entry.Archived, Read = entry.Read, UpdatedAt = now });
        }
        await tags.AddAsync(userId, articleId, entry.Tags, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The highlights as W3C annotations on the article, through the one importer of annotations.</summary>
    private async Task<ItemOutcome> PlaceAsync(string userId, string slug, IReadOnlyList<MovedHighlight> highlights, int item, string entry, CancellationToken cancellationToken)
    {
        if (highlights.Count == 0)
        {
            return new ItemOutcome();
        }
        var source = $"{urls.BaseUrl}/articles/{Uri.EscapeDataString(slug)}";
        var page = new JsonObject
        {
            ["type"] = "AnnotationPage",
            ["items"] = new JsonArray(highlights.Select(h => (JsonNode)Annotation(source, h)).ToArray()),
        };
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(page));
        var (summary, refusal) = await annotations.ImportAsync(userId, body, body.Length, cancellationToken);
        if (summary is null)
        {
            return new ItemOutcome(Failures: [new ImportFailure(item, entry, refusal!.Detail)]);
        }
        var failures = summary.Errors.Select(e => new ImportFailure(item, entry, e.Reason, highlights[e.Index].Quote)).ToList();
        return new ItemOutcome(0, summary.Imported, summary.Anchored + summary.Moved, summary.Orphaned, failures);
    }

    private static JsonObject Annotation(string source, MovedHighlight highlight)
    {
        var selectors = new JsonArray(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = highlight.Quote });
        if (highlight.Position is { } start)
        {
            selectors.Add(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + highlight.Quote.EnumerateRunes().Count() });
        }
        var annotation = new JsonObject
        {
            ["type"] = "Annotation",
            ["target"] = new JsonObject { ["source"] = source, ["selector"] = selectors },
        };
        if (highlight.Note is { } note)
        {
            annotation["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = note, ["format"] = "text/markdown", ["purpose"] = "commenting" };
        }
        return annotation;
    }

    private async Task<(int, string)?> FindAsync(string url, CancellationToken cancellationToken)
    {
        var canonical = CanonicalUrl.Normalize(url);
        if (canonical is null)
        {
            return null;
        }
        var found = await db.Articles.AsNoTracking().Where(a => a.SourceKey == canonical || a.SourceUrl == canonical)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.Slug }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Slug);
    }

    private async Task<(int, string)?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Slug }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Id, found.Slug);
    }

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static IReadOnlyList<ImportFailure> ReadFailures(string json) => JsonSerializer.Deserialize<List<ImportFailure>>(json, Web) ?? [];

    public static string WriteFailures(IEnumerable<ImportFailure> failures) => JsonSerializer.Serialize(failures, Web);
}
