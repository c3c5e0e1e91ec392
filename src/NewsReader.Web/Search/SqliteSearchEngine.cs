using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Search;

/// <summary>
/// Search on SQLite: the FTS5 tables of the SearchIndex and SearchWords migrations. The MATCH
/// expression comes from <see cref="SearchQueryParser"/>, which quotes every word, and it and
/// every filter value are bound as parameters; only fixed SQL fragments are concatenated.
/// Statements run on connections of <see cref="SqliteSearchConnections"/>, which keep them
/// compiled; without it (a tool's own context) each half opens a connection of its own.
/// </summary>
public sealed class SqliteSearchEngine(NewsReaderDb db, SqliteSearchConnections? connections = null) : ISearchEngine
{
    // Words per prefix handed to the parser, which keeps those the stemmed prefix misses.
    private const int PrefixCandidates = 1000;

    // FTS5 hits of the article half the library rule is run on, at most, per match ranked.
    private const int ArticleScanPerMatch = 10;

    // bm25 weights per column. Tags are labels a reader chose on purpose, so a tag hit ranks
    // highest; the note is the reader's own words; the quote is the article's words, which
    // also match as article hits. For articles, the title says what the piece is about,
    // the dateline only where, and the body is long, so single mentions there weigh least.
    private const string AnnotationRank = "bm25(annotations_fts, 5.0, 2.0, 8.0)";
    private const string ArticleRank = "bm25(articles_fts, 10.0, 3.0, 1.0)";

    private const string CurrentTitle = "(SELECT r.Title FROM ArticleRevisions r WHERE r.ArticleId = ar.Id ORDER BY r.Number DESC LIMIT 1)";

    // What every annotation hit starts with, in the order ReadAnnotationHitsAsync reads.
    private const string AnnotationColumns = $"a.Id, ar.Slug, {CurrentTitle}, a.Color, a.Visibility, a.AnchorStatus, a.Created, a.TagsText";

    // FTS5's snippet() and highlight() weigh every match against every other: over a long text
    // full of matches they run for minutes, in one call SQLite cannot interrupt. Past this
    // length the plain text comes back and LongTextSnippet finds and marks the window, within
    // the budget.
    private const int SnippetTextLimit = 10_000;

    public bool IsStoppedByBudget(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT };

    /// <summary>
    /// Parses the input, then parses it again with each prefix's whole words from
    /// search_words, most frequent first, so that `play*` also finds "player" (see the
    /// SearchWords migration and SearchQueryParser). The words may come from anyone's notes; they only widen the
    /// MATCH, and what it finds is still filtered by visibility, so none is ever shown.
    /// </summary>
    public async Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken)
    {
        var query = SearchQueryParser.Parse(input);
        if (query.Prefixes.Count == 0)
        {
            return query;
        }
        var words = await OnConnectionAsync(ConnectionString, connection => PrefixWordsAsync(connection, query, cancellationToken), cancellationToken);
        return SearchQueryParser.Parse(input, words);
    }

    private static async Task<Dictionary<string, IReadOnlyList<string>>> PrefixWordsAsync(SearchConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        using var interrupt = InterruptWhenCancelled(connection.Connection, cancellationToken);
        var words = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var prefix in query.Prefixes)
        {
            var command = connection.Command("""
                SELECT term FROM search_words_vocab
                WHERE term >= @prefix AND term < @prefix || char(1114111)
                ORDER BY doc DESC, term
                LIMIT @max
                """, [new("prefix", prefix), new("max", PrefixCandidates)]);
            var terms = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                terms.Add(reader.GetString(0));
            }
            words[prefix] = terms;
        }
        return words;
    }

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget) =>
        OnConnectionAsync(ConnectionString, connection => AnnotationHitsAsync(connection, query, userId, limit, offset, budget), budget.Token);

    private static async Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> AnnotationHitsAsync(SearchConnection connection, SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        var ct = budget.Token;
        using var interrupt = InterruptWhenCancelled(connection.Connection, ct);
        var where = new StringBuilder("annotations_fts MATCH @match AND " + SearchFilters.AnnotationAccess);
        var parameters = new List<KeyValuePair<string, object>> { new("match", query.MatchExpression!), new("user", (object?)userId ?? DBNull.Value) };
        SearchFilters.AppendAnnotationFilters(query, where, parameters, SearchFilters.Dialect.Sqlite);
        var candidates = Candidates(limit, offset);
        // One pass, newest match first, that stops one past the cap: it counts, and ranks with
        // bm25 what it counted, so within the cap every match is ranked and past it the newest
        // ones are. Snippets, notes and authors are read for the page's rows only: bm25 and the
        // visibility test over thousands of rows were the p95, and snippet() over every match
        // before the sort was most of the rest.
        var sql = $"""
            WITH candidates AS MATERIALIZED (
                SELECT annotations_fts.rowid AS Seq, {AnnotationRank} AS score, a.Created AS Created
                FROM annotations_fts
                JOIN Annotations a ON a.Seq = annotations_fts.rowid
                JOIN Articles ar ON ar.Id = a.ArticleId
                WHERE {where}
                ORDER BY annotations_fts.rowid DESC
                LIMIT @countLimit),
            page AS (SELECT Seq, score, Created FROM candidates ORDER BY score, Created DESC LIMIT @limit OFFSET @offset)
            SELECT {AnnotationColumns},
                   {Snippet("annotations_fts", 1, "a.Exact", 24)},
                   CASE WHEN a.Note IS NULL THEN NULL ELSE highlight(annotations_fts, 0, char(2), char(3)) END,
                   coalesce(a.OwnerId = @user, 0), a.NoteHtml, u.DisplayName, (SELECT count(*) FROM candidates)
            FROM page
            JOIN annotations_fts ON annotations_fts.rowid = page.Seq
            JOIN Annotations a ON a.Seq = page.Seq
            JOIN Articles ar ON ar.Id = a.ArticleId
            JOIN AspNetUsers u ON u.Id = a.OwnerId
            WHERE annotations_fts MATCH @match
            ORDER BY page.score, page.Created DESC
            """;
        var paged = Paged(parameters, limit, offset).Append(new("countLimit", candidates + 1)).ToList();
        var (total, hits) = await ReadAnnotationHitsAsync(connection, sql, paged, ct, new SnippetCutter(query, budget));
        if (hits.Count == 0 && offset > 0)
        {
            // A page past the end has no row to carry the total: count on its own.
            total = await CountAsync(connection, $"""
                SELECT count(*) FROM (SELECT 1 FROM annotations_fts
                JOIN Annotations a ON a.Seq = annotations_fts.rowid
                JOIN Articles ar ON ar.Id = a.ArticleId
                WHERE {where} LIMIT @countLimit)
                """, paged, ct);
        }
        return (total, hits);
    }

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> NotebookAsync(SearchQuery query, string userId, int limit, int offset, SearchBudget budget) =>
        OnConnectionAsync(ConnectionString, connection => NotebookAsync(connection, query, userId, limit, offset, budget), budget.Token);

    private static async Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> NotebookAsync(SearchConnection connection, SearchQuery query, string userId, int limit, int offset, SearchBudget budget)
    {
        var ct = budget.Token;
        using var interrupt = InterruptWhenCancelled(connection.Connection, ct);
        // With a tag filter, start from the tag's rows: the unary + keeps SQLite from walking
        // all of the reader's annotations by the (OwnerId, Created) index instead.
        var where = new StringBuilder(query.Tags.Count > 0 ? "+a.OwnerId = @user" : "a.OwnerId = @user");
        var parameters = new List<KeyValuePair<string, object>> { new("user", userId) };
        SearchFilters.AppendAnnotationFilters(query, where, parameters, SearchFilters.Dialect.Sqlite);
        const string from = "FROM Annotations a JOIN Articles ar ON ar.Id = a.ArticleId";
        var count = $"SELECT count(*) {from} WHERE {where}";
        if (query.Tags.Count == 0)
        {
            // The (OwnerId, Created) index counts, and gives the page newest first without a sort.
            var total = await CountAsync(connection, count, parameters, ct);
            var sql = $"""
                SELECT {AnnotationColumns}, a.Exact, a.Note, 1, a.NoteHtml, u.DisplayName, NULL
                {from} JOIN AspNetUsers u ON u.Id = a.OwnerId
                WHERE {where}
                ORDER BY a.Created DESC, a.Seq DESC
                LIMIT @limit OFFSET @offset
                """;
            return (total, total == 0 ? [] : (await ReadAnnotationHitsAsync(connection, sql, Paged(parameters, limit, offset), ct, cutter: null)).Hits);
        }
        // From the tag's rows the page needs a sort anyway: they are walked once, counted and
        // the page picked from them in one statement (a count and a page walked them twice).
        var tagged = $"""
            WITH matched AS MATERIALIZED (SELECT a.Seq, a.Created {from} WHERE {where}),
            page AS (SELECT Seq, Created FROM matched ORDER BY Created DESC, Seq DESC LIMIT @limit OFFSET @offset)
            SELECT {AnnotationColumns}, a.Exact, a.Note, 1, a.NoteHtml, u.DisplayName, (SELECT count(*) FROM matched)
            FROM page
            JOIN Annotations a ON a.Seq = page.Seq
            JOIN Articles ar ON ar.Id = a.ArticleId
            JOIN AspNetUsers u ON u.Id = a.OwnerId
            ORDER BY page.Created DESC, page.Seq DESC
            """;
        var (matched, hits) = await ReadAnnotationHitsAsync(connection, tagged, Paged(parameters, limit, offset), ct, cutter: null);
        // A page past the end has no row to carry the total: count on its own.
        return (hits.Count == 0 && offset > 0 ? await CountAsync(connection, count, parameters, ct) : matched, hits);
    }

    public Task<(int Total, IReadOnlyList<ArticleHit> Hits)> ArticleHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        // Read on the caller's thread: the DbContext must not be touched from another.
        var connectionString = ConnectionString;
        // Microsoft.Data.Sqlite runs synchronously underneath, so only another thread lets
        // this half overlap with the annotation half (SQLite in WAL mode lets two readers work at once).
        return Task.Run(() => OnConnectionAsync(connectionString, connection => ArticleHitsAsync(connection, query, userId, limit, offset, budget), budget.Token), budget.Token);
    }

    private static async Task<(int Total, IReadOnlyList<ArticleHit> Hits)> ArticleHitsAsync(SearchConnection connection, SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        var ct = budget.Token;
        using var interrupt = InterruptWhenCancelled(connection.Connection, ct);
        var where = new StringBuilder("articles_fts MATCH @match");
        var parameters = new List<KeyValuePair<string, object>> { new("match", query.MatchExpression!), new("user", (object?)userId ?? DBNull.Value) };
        SearchFilters.AppendArticleFilters(query, where, parameters, SearchFilters.Dialect.Sqlite);
        var candidates = Candidates(limit, offset);
        // One pass, newest match first, that stops at the cap or the scan bound: the library
        // rule runs on the FTS5 hits only, and bm25 only on those in the reader's library. A
        // reader holding a fifth of a big store finds the cap's worth in about five times as
        // many hits; one holding little of it stops at the scan bound, whose newest matches
        // are ranked. The page is cut from the ranked candidates and only its rows get
        // snippets: snippet() over whole article texts is costly. Equal scores go to the older
        // revision first, as a plain ranked query over FTS5's ascending scan gives them.
        var scanned = $"""
            SELECT articles_fts.rowid AS RevisionId, CASE WHEN {SearchFilters.ArticleAccess} THEN {ArticleRank} END AS score
            FROM articles_fts
            JOIN ArticleRevisions r ON r.Id = articles_fts.rowid
            JOIN Articles ar ON ar.Id = r.ArticleId
            WHERE {where}
            ORDER BY articles_fts.rowid DESC
            LIMIT @scan
            """;
        var sql = $"""
            WITH scanned AS NOT MATERIALIZED ({scanned}),
            candidates AS MATERIALIZED (SELECT RevisionId, score FROM scanned WHERE score IS NOT NULL LIMIT @countLimit),
            page AS (SELECT RevisionId, score FROM candidates ORDER BY score, RevisionId LIMIT @limit OFFSET @offset)
            SELECT (SELECT count(*) FROM candidates), ar.Slug, r.Title, r.Dateline, {Snippet("articles_fts", 2, "r.Text", 32)}
            FROM page
            JOIN articles_fts ON articles_fts.rowid = page.RevisionId
            JOIN ArticleRevisions r ON r.Id = page.RevisionId
            JOIN Articles ar ON ar.Id = r.ArticleId
            WHERE articles_fts MATCH @match
            ORDER BY page.score, page.RevisionId
            """;
        var total = 0;
        var hits = new List<ArticleHit>();
        var cutter = new SnippetCutter(query, budget);
        var bounds = Paged(parameters, limit, offset).Append(new("countLimit", candidates + 1)).Append(new("scan", (long)ArticleScanPerMatch * candidates));
        await using (var reader = await connection.Command(sql, bounds).ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt32(0);
                var slug = reader.GetString(1);
                var snippet = cutter.SnippetOf(reader, 4, 32);
                hits.Add(new ArticleHit(slug, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    SearchSnippets.Safe(snippet), SearchSnippets.PassageUrl(slug, snippet)));
            }
        }
        if (hits.Count == 0 && offset > 0)
        {
            // A page past the end has no row to carry the total: count on its own.
            total = await CountAsync(connection, $"SELECT count(*) FROM (SELECT 1 FROM ({scanned}) WHERE score IS NOT NULL LIMIT @countLimit)", bounds, ct);
        }
        return (total, hits);
    }

    /// <summary>
    /// Reads hits in the column order of <see cref="AnnotationColumns"/>, then the quote, the note,
    /// whether it is mine, the rendered note, the author, and the total (NULL where counted apart).
    /// </summary>
    private static async Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> ReadAnnotationHitsAsync(SearchConnection connection, string sql, IEnumerable<KeyValuePair<string, object>> parameters, CancellationToken ct, SnippetCutter? cutter)
    {
        var markers = cutter is not null;
        var hits = new List<AnnotationHit>();
        var total = 0;
        await using var reader = await connection.Command(sql, parameters).ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var quote = cutter?.SnippetOf(reader, 8, 24) ?? reader.GetString(8);
            // The note comes whole (highlight() when marked, at most 10,000 characters), so its
            // Markdown can be read before a window is cut from its plain text.
            var note = reader.IsDBNull(9) ? null : SearchSnippets.Note(reader.GetString(9), markers);
            total = reader.IsDBNull(13) ? 0 : reader.GetInt32(13);
            hits.Add(new AnnotationHit(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                markers ? SearchSnippets.Safe(quote) : WebUtility.HtmlEncode(SearchSnippets.Shorten(quote)),
                note,
                reader.GetString(7).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                reader.GetString(3),
                reader.GetString(4).ToLowerInvariant(),
                reader.GetString(5).ToLowerInvariant(),
                DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetInt64(10) == 1)
            {
                RenderedNoteHtml = reader.IsDBNull(11) ? null : reader.GetString(11),
                Author = reader.GetString(12),
            });
        }
        return (total, hits);
    }

    /// <summary>How many matches are ranked: the cap, or more when the page asked for lies past it.</summary>
    private static int Candidates(int limit, int offset) => Math.Max(SearchService.RankedMatches, offset + limit);

    private static async Task<int> CountAsync(SearchConnection connection, string sql, IEnumerable<KeyValuePair<string, object>> parameters, CancellationToken ct) =>
        Convert.ToInt32(await connection.Command(sql, parameters).ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

    private string ConnectionString => db.Database.GetConnectionString()!;

    /// <summary>Runs on a kept connection, or without them on one opened for this and closed after it.</summary>
    private async Task<T> OnConnectionAsync<T>(string connectionString, Func<SearchConnection, Task<T>> run, CancellationToken ct)
    {
        var connection = await (connections?.RentAsync(connectionString, ct) ?? SearchConnection.OpenAsync(connectionString, ct));
        try
        {
            return await run(connection);
        }
        finally
        {
            if (connections is null)
            {
                connection.Dispose();
            }
            else
            {
                connections.Return(connection);
            }
        }
    }

    private static string Snippet(string table, int column, string text, int words) =>
        $"CASE WHEN length({text}) <= {SnippetTextLimit} THEN snippet({table}, {column}, char(2), char(3), '…', {words}) " +
        $"ELSE char(1) || {text} END";

    /// <summary>Reads a snippet column: FTS5's snippet, or a long text (starting with char(1)) to cut here.</summary>
    private sealed class SnippetCutter(SearchQuery query, SearchBudget budget)
    {
        public string SnippetOf(DbDataReader reader, int ordinal, int words)
        {
            var value = reader.GetString(ordinal);
            return value.StartsWith('\u0001')
                ? LongTextSnippet.Cut(value[1..], query.Terms, query.Prefixes, SearchSnippets.MarkOpen, SearchSnippets.MarkClose, words, budget.ThrowIfSpent)
                : value;
        }
    }

    // Microsoft.Data.Sqlite does not cancel a running statement (SqliteCommand.Cancel does
    // nothing), so the token interrupts the connection itself. Disposed before the connection
    // goes back to the pool; SQLite ignores an interrupt that arrives when nothing runs.
    private static CancellationTokenRegistration InterruptWhenCancelled(DbConnection connection, CancellationToken ct) =>
        ct.Register(static state =>
        {
            if (state is SqliteConnection { Handle: { } handle })
            {
                SQLitePCL.raw.sqlite3_interrupt(handle);
            }
        }, connection);

    private static IEnumerable<KeyValuePair<string, object>> Paged(List<KeyValuePair<string, object>> parameters, int limit, int offset) =>
        [.. parameters, new("limit", limit), new("offset", offset)];
}
