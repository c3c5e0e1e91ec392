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
/// is not found is kept as an orphan. Every row is anchored first, outside any transaction (a
/// fuzzy quote on a long article takes a tenth of a second, and SQLite has one writer), and
/// the rows are then written in short batches, so another reader's highlight or log-in waits
/// for one batch at most, never for the whole file; <see cref="BulkWorkPacing"/> rests between
/// stretches of work, so the import never takes the writer or the processor for long. A file
/// refused as a whole (not JSON, too large, text that is not valid Unicode) leaves nothing
/// behind; once anchoring is done the batches are written even if the client leaves, and should
/// a batch fail, the rows' import keys (their source id, else their target and body) make the
/// next import of the same file add only what is missing.
/// </summary>
public sealed class AnnotationImporter(NewsReaderDb db, TimeProvider clock, ILogger<AnnotationImporter> logger)
{
    public const long MaxBytes = 16 * 1024 * 1024;
    public const int MaxItems = 50_000;

    /// <summary>The longest creator name kept on an annotation imported from someone else.</summary>
    public const int MaxCreatorName = 200;
    /// <summary>Rows per write transaction: a few milliseconds of SQLite's one writer on a quiet machine.</summary>
    private const int BatchSize = 25;

    private sealed record Target(int ArticleId, int Revision, CodePointText Text);

    /// <summary>Reads and imports the body; a refusal when the body as a whole cannot be used.</summary>
    /// <param name="hypothesisAccount">The reader's own Hypothesis account (`acct:name@host`, or
    /// `name@host`), when they say which it is: its rows keep their visibility. Every other
    /// Hypothesis account is someone else, as a Hypothesis account is no account here.</param>
    public async Task<(ImportSummary? Summary, ImportRefusal? Refusal)> ImportAsync(string ownerId, Stream body, long? contentLength, CancellationToken cancellationToken, string? hypothesisAccount = null)
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
            document = JsonDocument.Parse(WithoutByteOrderMark(bytes), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException failure)
        {
            return (null, new ImportRefusal(StatusCodes.Status400BadRequest, "Not JSON",
                $"The file is not JSON (line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}). Import W3C Web Annotation JSON-LD or a Hypothesis search result."));
        }
        using (document)
        {
            if (InvalidText(document.RootElement) is { } where)
            {
                return (null, new ImportRefusal(StatusCodes.Status400BadRequest, "Not valid Unicode",
                    $"The file holds text that is not valid Unicode (a lone surrogate escape such as \\ud800) in {where}. Fix or remove it and import again."));
            }
            var (items, problem) = ImportDocument.Items(document.RootElement, MaxItems);
            if (items is null)
            {
                var status = problem!.Contains("more than", StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                return (null, new ImportRefusal(status, "Not an annotation file", problem));
            }
            return (await ImportItemsAsync(ownerId, OwnCreatorIds(ownerId, hypothesisAccount), items, cancellationToken), null);
        }
    }

    private async Task<ImportSummary> ImportItemsAsync(string ownerId, Func<string, bool> isOwnCreator, IReadOnlyList<ImportItem> items, CancellationToken cancellationToken)
    {
        var knownKeys = (await db.Annotations.Where(a => a.OwnerId == ownerId && a.ImportKey != null).Select(a => a.ImportKey!).ToListAsync(cancellationToken)).ToHashSet();
        var ownIds = (await db.Annotations.Where(a => a.OwnerId == ownerId).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var targets = new Dictionary<string, Target?>(StringComparer.Ordinal);
        var errors = new List<ImportError>();
        var placed = new List<Annotation>();
        int duplicates = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var started = clock.GetTimestamp();
        var pacing = new BulkWorkPacing(clock);

        // First every row is read and anchored, with no transaction open.
        foreach (var item in items)
        {
            await pacing.RestIfDueAsync(cancellationToken);
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
            // Import keeps authorship: someone else's annotation comes in private, under their name.
            if (ForeignCreator(item.Annotation, isOwnCreator) is { } creator)
            {
                annotation.Visibility = Visibility.Private;
                annotation.ImportedFrom = creator;
            }
            // A date in the future would make the file look newer than everything in the library.
            annotation.Created = Clamp(Time(item.Annotation, "created"), now) ?? now;
            annotation.Modified = Clamp(Time(item.Annotation, "modified"), now) is { } modified && modified >= annotation.Created ? modified : annotation.Created;
            ownIds.Add(annotation.Id);
            placed.Add(annotation);
        }

        // Then written in short transactions; past this point the work is done, so a client
        // that leaves does not throw it away half written.
        var anchoring = clock.GetElapsedTime(started);
        foreach (var batch in placed.Chunk(BatchSize))
        {
            db.Annotations.AddRange(batch);
            await db.SaveChangesAsync(CancellationToken.None);
            // Forgotten batch by batch, so the change tracker never holds a whole large import.
            db.ChangeTracker.Clear();
            await pacing.RestIfDueAsync(CancellationToken.None);
        }
        logger.LogInformation("Import of {Rows} rows: anchored in {AnchorSeconds:0.0} s, written in {WriteSeconds:0.0} s",
            placed.Count, anchoring.TotalSeconds, (clock.GetElapsedTime(started) - anchoring).TotalSeconds);
        var anchored = placed.Count(a => a.AnchorStatus == AnchorStatus.Anchored);
        var moved = placed.Count(a => a.AnchorStatus == AnchorStatus.Moved);
        var orphaned = placed.Count - anchored - moved;
        return new ImportSummary(placed.Count, anchored, moved, orphaned, errors.Count, duplicates, errors);
    }

    /// <summary>
    /// Whether a creator id is the reader: this app's exports name them <c>…/users/{id}</c>; a
    /// Hypothesis row (made a W3C annotation by <see cref="ImportDocument"/>) names its account,
    /// which is the reader's only when they said so.
    /// </summary>
    private static Func<string, bool> OwnCreatorIds(string ownerId, string? hypothesisAccount)
    {
        var account = string.IsNullOrWhiteSpace(hypothesisAccount) ? null : hypothesisAccount.Trim();
        if (account is not null && !account.StartsWith(ImportDocument.HypothesisAccountPrefix, StringComparison.OrdinalIgnoreCase))
        {
            account = ImportDocument.HypothesisAccountPrefix + account;
        }
        return id => id.EndsWith($"/users/{ownerId}", StringComparison.Ordinal)
            || (account is not null && string.Equals(id, account, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The name of the annotation's W3C <c>creator</c> when that is not the reader
    /// (<paramref name="isOwnCreator"/>); null for the reader's own or an annotation naming no
    /// creator. A creator without a name is known by its id.
    /// </summary>
    private static string? ForeignCreator(JsonElement annotation, Func<string, bool> isOwnCreator)
    {
        if (annotation.ValueKind != JsonValueKind.Object || !annotation.TryGetProperty("creator", out var creator))
        {
            return null;
        }
        if (creator.ValueKind == JsonValueKind.Array)
        {
            creator = creator.EnumerateArray().FirstOrDefault();
        }
        string? id = creator.ValueKind switch
        {
            JsonValueKind.String => creator.GetString(),
            JsonValueKind.Object => StringProperty(creator, "id"),
            _ => null,
        };
        string? name = creator.ValueKind == JsonValueKind.Object ? StringProperty(creator, "name") ?? StringProperty(creator, "nickname") : null;
        if (id is null && name is null)
        {
            return null;
        }
        if (id is not null && isOwnCreator(id))
        {
            return null;
        }
        var shown = AnnotationRules.WithoutControlCharacters(string.IsNullOrWhiteSpace(name) ? id! : name).Trim();
        return TextShortener.Shorten(shown.Length == 0 ? "someone else" : shown, MaxCreatorName);
    }

    private static DateTime? Clamp(DateTime? time, DateTime now) => time > now ? now : time;

    /// <summary>A UTF-8 file's byte order mark dropped; a UTF-16 file (which needs one) as UTF-8.</summary>
    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => bytes.AsMemory(3),
        [0xFF, 0xFE, ..] => Encoding.UTF8.GetBytes(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)),
        [0xFE, 0xFF, ..] => Encoding.UTF8.GetBytes(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2)),
        _ => bytes,
    };

    /// <summary>
    /// Where the file holds a string or property name that is not valid UTF-16 once unescaped (a
    /// lone surrogate, "\\ud800"), which .NET refuses to read as a string; null when there is none.
    /// Checked once here, so nothing further on meets such a string.
    /// </summary>
    private static string? InvalidText(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path + " (a property name)";
                    }
                    if (InvalidText(property.Value, $"{path}.{TextShortener.Shorten(name, 40)}") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var child in element.EnumerateArray())
                {
                    if (InvalidText(child, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }

        static bool TryGetString(JsonElement s)
        {
            try
            {
                return s.GetString() is { } text && !HasLoneSurrogate(text);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
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
