using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Search;

/// <summary>
/// Every search query NewsReader runs, in SQLite FTS5 SQL, in this one class; on PostgreSQL
/// the same contract is served by <see cref="PostgresSearch"/>, chosen by the context's provider. The user's text arrives parsed by
/// <see cref="SearchQueryParser"/>: its MATCH expression quotes every word, and it and every
/// filter value are bound as parameters. Only fixed SQL fragments are concatenated.
/// </summary>
public sealed class SearchService(NewsReaderDb db, IConfiguration? configuration = null, TimeProvider? clock = null)
{
    public const string TimeoutSecondsKey = "NewsReader:Search:TimeoutSeconds";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    // Words per prefix handed to the parser, which keeps those the stemmed prefix misses.
    private const int PrefixCandidates = 1000;

    // bm25 weights per column. Tags are labels a reader chose on purpose, so a tag hit ranks
    // highest; the note is the reader's own words; the quote is the article's words, which
    // also match as article hits. For articles, the title says what the piece is about,
    // the dateline only where, and the body is long, so single mentions there weigh least.
    private const string AnnotationRank = "bm25(annotations_fts, 5.0, 2.0, 8.0)";
    private const string ArticleRank = "bm25(articles_fts, 10.0, 3.0, 1.0)";

    // Snippet markers: control characters the parser strips from queries and that ingestion
    // never stores, so after HTML-encoding they can only be the markers.
    internal const char MarkOpen = '\u0002';
    internal const char MarkClose = '\u0003';

    /// <summary>
    /// Runs a search within a time budget. Some inputs are costly by nature (snippets of many
    /// prefixes over a megabyte-long article take minutes in FTS5), so past the budget, or when
    /// the client goes away, SQLite is interrupted and the reader is told what happened.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string? input, string? userId, int limit = DefaultLimit, int offset = 0, CancellationToken cancellationToken = default)
    {
        var allowed = TimeSpan.FromSeconds(configuration?.GetValue<double?>(TimeoutSecondsKey) ?? 3);
        using var budget = new SearchBudget(allowed, clock ?? TimeProvider.System, cancellationToken);
        try
        {
            return await SearchWithinAsync(input, userId, limit, offset, budget);
        }
        catch (Exception e) when ((budget.IsSpent && e is OperationCanceledException or SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_INTERRUPT })
            || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.QueryCanceled })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = SearchQueryParser.Parse(input).Messages.Append("This search took too long and was stopped. Try fewer words, or longer ones instead of short prefixes.").ToList();
            return new SearchResults(input ?? "", false, messages, 0, [], 0, [], Math.Clamp(limit, 1, MaxLimit), Math.Max(0, offset));
        }
    }

    private async Task<SearchResults> SearchWithinAsync(string? input, string? userId, int limit, int offset, SearchBudget budget)
    {
        if (DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres)
        {
            return await PostgresSearchAsync(input, userId, limit, offset, budget);
        }
        var cancellationToken = budget.Token;
        using var interrupt = InterruptWhenCancelled(await ContextConnectionAsync(cancellationToken), cancellationToken);
        var query = await ParseAsync(input, cancellationToken);
        // Prefix look-ups can take the whole budget on their own; then stop before ranking.
        budget.ThrowIfSpent();
        limit = Math.Clamp(limit, 1, MaxLimit);
        offset = Math.Max(0, offset);
        var messages = query.Messages.ToList();

        if (query.MatchExpression is null)
        {
            return await WithoutWordsAsync(query, input, userId, limit, offset, messages, user => NotebookAsync(query, user, limit, offset, cancellationToken));
        }

        // Article hits come from their own connection on the thread pool while this one ranks
        // annotations: SQLite in WAL mode lets two readers work at once, and Microsoft.Data.Sqlite
        // runs synchronously underneath, so only a second thread makes the two overlap.
        // Read here: the DbContext must not be touched from the other thread.
        var connectionString = db.Database.GetConnectionString()!;
        var articleSearch = HasAnnotationOnlyFilters(query)
            ? Task.FromResult<(int, IReadOnlyList<ArticleHit>)>((0, []))
            : Task.Run(() => ArticleHitsAsync(connectionString, query, limit, offset, budget), cancellationToken);
        var annotationSearch = AnnotationHitsAsync(query, userId, limit, offset, budget);
        // Both awaited together, so an interrupted half never goes unobserved.
        await Task.WhenAll(annotationSearch, articleSearch);
        var (annotationTotal, annotations) = await annotationSearch;
        var (articleTotal, articles) = await articleSearch;
        budget.ThrowIfSpent();
        return new SearchResults(input ?? "", false, messages, annotationTotal, annotations, articleTotal, articles, limit, offset);
    }

    /// <summary>No word to match: a hint for a visitor, nothing for exclusions alone, else the reader's notebook, filtered.</summary>
    private static async Task<SearchResults> WithoutWordsAsync(SearchQuery query, string? input, string? userId, int limit, int offset,
        List<string> messages, Func<string, Task<(int, IReadOnlyList<AnnotationHit>)>> notebookOf)
    {
        if (userId is null)
        {
            messages.Add(query.IsEmpty ? "Type words to search articles and public notes; log in to see your own notebook." : "Log in to filter your own annotations.");
            return new SearchResults(input ?? "", true, messages, 0, [], 0, [], limit, offset);
        }
        if (query.Terms.Count > 0)
        {
            // Words were typed but none can be matched (exclusions only): say so, show nothing.
            return new SearchResults(input ?? "", false, messages, 0, [], 0, [], limit, offset);
        }
        var (notebookTotal, notebook) = await notebookOf(userId);
        return new SearchResults(input ?? "", true, messages, notebookTotal, notebook, 0, [], limit, offset);
    }

    private async Task<SearchResults> PostgresSearchAsync(string? input, string? userId, int limit, int offset, SearchBudget budget)
    {
        var query = SearchQueryParser.Parse(input);
        limit = Math.Clamp(limit, 1, MaxLimit);
        offset = Math.Max(0, offset);
        var messages = query.Messages.ToList();
        await db.Database.OpenConnectionAsync(budget.Token);
        try
        {
            await using var engine = await PostgresSearch.BeginAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), budget);
            if (query.MatchExpression is null)
            {
                return await WithoutWordsAsync(query, input, userId, limit, offset, messages, user => engine.NotebookAsync(query, user, limit, offset));
            }
            // The article half on a connection of its own, beside the annotation half, as on SQLite.
            var connectionString = db.Database.GetConnectionString()!;
            var articleSearch = HasAnnotationOnlyFilters(query)
                ? Task.FromResult<(int, IReadOnlyList<ArticleHit>)>((0, []))
                : Task.Run(() => PostgresArticleHitsAsync(connectionString, query, limit, offset, budget), budget.Token);
            var annotationSearch = engine.AnnotationHitsAsync(query, userId, limit, offset);
            // Both awaited together, so a cancelled half never goes unobserved.
            await Task.WhenAll(annotationSearch, articleSearch);
            var (annotationTotal, annotations) = await annotationSearch;
            var (articleTotal, articles) = await articleSearch;
            budget.ThrowIfSpent();
            return new SearchResults(input ?? "", false, messages, annotationTotal, annotations, articleTotal, articles, limit, offset);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<(int, IReadOnlyList<ArticleHit>)> PostgresArticleHitsAsync(string connectionString, SearchQuery query, int limit, int offset, SearchBudget budget)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(budget.Token);
        await using var engine = await PostgresSearch.BeginAsync(connection, budget);
        return await engine.ArticleHitsAsync(query, limit, offset);
    }

    /// <summary>
    /// Parses the input, then parses it again with each prefix's whole words from
    /// search_words, most frequent first, so that `play*` also finds "player" (see the
    /// SearchWords migration and SearchQueryParser). The words may come from anyone's notes; they only widen the
    /// MATCH, and what it finds is still filtered by visibility, so none is ever shown.
    /// </summary>
    public async Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken = default)
    {
        var query = SearchQueryParser.Parse(input);
        // PostgreSQL matches whole words of a prefix through its own column (PostgresSearch).
        if (query.Prefixes.Count == 0 || DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres)
        {
            return query;
        }
        var words = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var prefix in query.Prefixes)
        {
            await using var command = Command(await ContextConnectionAsync(cancellationToken), """
                SELECT term FROM search_words_vocab
                WHERE term >= $prefix AND term < $prefix || char(1114111)
                ORDER BY doc DESC, term
                LIMIT $max
                """, [new("$prefix", prefix), new("$max", PrefixCandidates)]);
            var terms = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                terms.Add(reader.GetString(0));
            }
            words[prefix] = terms;
        }
        return SearchQueryParser.Parse(input, words);
    }

    private async Task<(int, IReadOnlyList<AnnotationHit>)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        var ct = budget.Token;
        var where = new StringBuilder("annotations_fts MATCH $match AND (a.Visibility = 'Public' OR a.OwnerId = $user)");
        var parameters = new List<SqliteParameter> { new("$match", query.MatchExpression), new("$user", (object?)userId ?? DBNull.Value) };
        AddFilters(query, where, parameters);
        const string from = """
            FROM annotations_fts
            JOIN Annotations a ON a.Seq = annotations_fts.rowid
            JOIN Articles ar ON ar.Id = a.ArticleId
            """;
        var total = await CountAsync($"SELECT count(*) {from} WHERE {where}", parameters, ct);
        if (total == 0)
        {
            return (0, []);
        }
        var sql = $"""
            SELECT a.Id, ar.Slug, {CurrentTitle}, a.Color, a.Visibility, a.AnchorStatus, a.Created, a.TagsText,
                   {Snippet("annotations_fts", 1, "a.Exact", 24)},
                   CASE WHEN a.Note IS NULL THEN NULL ELSE highlight(annotations_fts, 0, char(2), char(3)) END,
                   coalesce(a.OwnerId = $user, 0)
            {from}
            WHERE {where}
            ORDER BY {AnnotationRank}, a.Created DESC
            LIMIT $limit OFFSET $offset
            """;
        return (total, await ReadAnnotationHitsAsync(sql, Paged(parameters, limit, offset), ct, new SnippetCutter(query, budget)));
    }

    private async Task<(int, IReadOnlyList<AnnotationHit>)> NotebookAsync(SearchQuery query, string userId, int limit, int offset, CancellationToken ct)
    {
        // With a tag filter, start from the tag's rows: the unary + keeps SQLite from walking
        // all of the reader's annotations by the (OwnerId, Created) index instead.
        var where = new StringBuilder(query.Tags.Count > 0 ? "+a.OwnerId = $user" : "a.OwnerId = $user");
        var parameters = new List<SqliteParameter> { new("$user", userId) };
        AddFilters(query, where, parameters);
        const string from = "FROM Annotations a JOIN Articles ar ON ar.Id = a.ArticleId";
        var total = await CountAsync($"SELECT count(*) {from} WHERE {where}", parameters, ct);
        var sql = $"""
            SELECT a.Id, ar.Slug, {CurrentTitle}, a.Color, a.Visibility, a.AnchorStatus, a.Created, a.TagsText, a.Exact, a.Note, 1
            {from}
            WHERE {where}
            ORDER BY a.Created DESC, a.Seq DESC
            LIMIT $limit OFFSET $offset
            """;
        return (total, total == 0 ? [] : await ReadAnnotationHitsAsync(sql, Paged(parameters, limit, offset), ct, cutter: null));
    }

    private static async Task<(int, IReadOnlyList<ArticleHit>)> ArticleHitsAsync(string connectionString, SearchQuery query, int limit, int offset, SearchBudget budget)
    {
        var ct = budget.Token;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        using var interrupt = InterruptWhenCancelled(connection, ct);
        var where = new StringBuilder("articles_fts MATCH $match");
        var parameters = new List<SqliteParameter> { new("$match", query.MatchExpression) };
        if (query.ArticleSlug is not null)
        {
            where.Append(" AND ar.Slug = $article");
            parameters.Add(new("$article", query.ArticleSlug));
        }
        if (query.Site is not null)
        {
            // SiteName has NOCASE collation, so the comparison ignores case as the list's filter does.
            where.Append(" AND r.SiteName = $site COLLATE NOCASE");
            parameters.Add(new("$site", query.Site));
        }
        const string from = """
            FROM articles_fts
            JOIN ArticleRevisions r ON r.Id = articles_fts.rowid
            JOIN Articles ar ON ar.Id = r.ArticleId
            """;
        var total = await CountAsync(connection, $"SELECT count(*) {from} WHERE {where}", parameters, ct);
        if (total == 0)
        {
            return (0, []);
        }
        // The page first, then snippets for its rows only: SQLite computes every selected column
        // of every match before it sorts, and snippet() over whole article texts is costly, so
        // in the ranked query itself it would run for all matching articles, not just the page.
        var sql = $"""
            WITH page AS (
                SELECT articles_fts.rowid AS RevisionId, {ArticleRank} AS score
                {from}
                WHERE {where}
                ORDER BY score
                LIMIT $limit OFFSET $offset)
            SELECT ar.Slug, r.Title, r.Dateline, {Snippet("articles_fts", 2, "r.Text", 32)}
            FROM page
            JOIN articles_fts ON articles_fts.rowid = page.RevisionId
            JOIN ArticleRevisions r ON r.Id = page.RevisionId
            JOIN Articles ar ON ar.Id = r.ArticleId
            WHERE articles_fts MATCH $match
            ORDER BY page.score
            """;
        var hits = new List<ArticleHit>();
        var cutter = new SnippetCutter(query, budget);
        await using var command = Command(connection, sql, Paged(parameters, limit, offset));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var slug = reader.GetString(0);
            var snippet = cutter.SnippetOf(reader, 3, 32);
            hits.Add(new ArticleHit(slug, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), SafeSnippet(snippet), PassageUrl(slug, snippet)));
        }
        return (total, hits);
    }

    private const string CurrentTitle = "(SELECT r.Title FROM ArticleRevisions r WHERE r.ArticleId = ar.Id ORDER BY r.Number DESC LIMIT 1)";

    /// <summary>The filters, as fixed SQL fragments with bound values.</summary>
    private static void AddFilters(SearchQuery query, StringBuilder where, List<SqliteParameter> parameters)
    {
        for (var i = 0; i < query.Tags.Count; i++)
        {
            // Name has NOCASE collation and its own index, so the tag's rows are found first.
            where.Append(CultureInfo.InvariantCulture, $" AND a.Id IN (SELECT t.AnnotationId FROM AnnotationTags t WHERE t.Name = $tag{i})");
            parameters.Add(new($"$tag{i}", query.Tags[i]));
        }
        if (query.Color is not null)
        {
            where.Append(" AND a.Color = $color");
            parameters.Add(new("$color", query.Color));
        }
        if (query.ArticleSlug is not null)
        {
            where.Append(" AND ar.Slug = $article");
            parameters.Add(new("$article", query.ArticleSlug));
        }
        if (query.Site is not null)
        {
            where.Append(" AND (SELECT r.SiteName FROM ArticleRevisions r WHERE r.ArticleId = ar.Id ORDER BY r.Number DESC LIMIT 1) = $site COLLATE NOCASE");
            parameters.Add(new("$site", query.Site));
        }
        if (query.HasNote)
        {
            where.Append(" AND a.Note IS NOT NULL");
        }
        if (query.IsOrphan)
        {
            where.Append(" AND a.AnchorStatus = 'Orphaned'");
        }
        if (query.IsPublic)
        {
            where.Append(" AND a.Visibility = 'Public'");
        }
        // Created is stored as ISO text ("2024-05-01 09:30:00"), so a day compares as a prefix.
        if (query.Before is { } before)
        {
            where.Append(" AND a.Created < $before");
            parameters.Add(new("$before", before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (query.After is { } after)
        {
            where.Append(" AND a.Created >= $after");
            parameters.Add(new("$after", after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    private static bool HasAnnotationOnlyFilters(SearchQuery query) =>
        query.Tags.Count > 0 || query.Color is not null || query.HasNote || query.IsOrphan || query.IsPublic || query.Before is not null || query.After is not null;

    private async Task<IReadOnlyList<AnnotationHit>> ReadAnnotationHitsAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken ct, SnippetCutter? cutter)
    {
        var markers = cutter is not null;
        var hits = new List<AnnotationHit>();
        var ids = new List<string>();
        await using var command = await CommandAsync(sql, parameters, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var quote = cutter?.SnippetOf(reader, 8, 24) ?? reader.GetString(8);
            // The note comes whole (highlight() when marked, at most 10,000 characters), so its
            // Markdown can be read before a window is cut from its plain text.
            var note = reader.IsDBNull(9) ? null : NoteSnippet(reader.GetString(9), markers);
            ids.Add(reader.GetString(0));
            hits.Add(new AnnotationHit(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                markers ? SafeSnippet(quote) : WebUtility.HtmlEncode(Shorten(quote)),
                note,
                reader.GetString(7).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                reader.GetString(3),
                reader.GetString(4).ToLowerInvariant(),
                reader.GetString(5).ToLowerInvariant(),
                DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetInt64(10) == 1));
        }
        await reader.DisposeAsync();
        return await WithNotesAndAuthorsAsync(hits, ids, ct);
    }

    /// <summary>The rendered notes and the authors' display names, for the page's rows only.</summary>
    private async Task<IReadOnlyList<AnnotationHit>> WithNotesAndAuthorsAsync(List<AnnotationHit> hits, List<string> ids, CancellationToken ct)
    {
        if (hits.Count == 0)
        {
            return hits;
        }
        var parameters = ids.Select((id, i) => new SqliteParameter($"$id{i}", id)).ToList();
        var sql = "SELECT a.Id, a.NoteHtml, u.DisplayName FROM Annotations a JOIN AspNetUsers u ON u.Id = a.OwnerId " +
            $"WHERE a.Id IN ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        var details = new Dictionary<string, (string? NoteHtml, string Author)>();
        await using var command = await CommandAsync(sql, parameters, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            details[reader.GetString(0)] = (reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2));
        }
        return hits.Select((hit, i) => details.TryGetValue(ids[i], out var d) ? hit with { RenderedNoteHtml = d.NoteHtml, Author = d.Author } : hit).ToList();
    }

    /// <summary>A note's plain text (Markdown syntax gone, see <see cref="NotePlainText"/>), HTML-safe, matched words in &lt;mark&gt;.</summary>
    internal static string NoteSnippet(string note, bool markers) =>
        markers
            ? SafeSnippet(HighlightWindow.Cut(NotePlainText.FromMarked(note, MarkOpen, MarkClose), MarkOpen, MarkClose, 24))
            : WebUtility.HtmlEncode(Shorten(NotePlainText.ToPlainText(note)));

    private async Task<int> CountAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken ct) =>
        await CountAsync(await ContextConnectionAsync(ct), sql, parameters, ct);

    private static async Task<int> CountAsync(DbConnection connection, string sql, IEnumerable<SqliteParameter> parameters, CancellationToken ct)
    {
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private async Task<DbCommand> CommandAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken ct) =>
        Command(await ContextConnectionAsync(ct), sql, parameters);

    private async Task<DbConnection> ContextConnectionAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        return connection;
    }

    // FTS5's snippet() and highlight() weigh every match against every other: over a long text
    // full of matches they run for minutes, in one call SQLite cannot interrupt. Past this
    // length the plain text comes back and LongTextSnippet finds and marks the window, within
    // the budget.
    private const int SnippetTextLimit = 10_000;

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
                ? LongTextSnippet.Cut(value[1..], query.Terms, query.Prefixes, MarkOpen, MarkClose, words, budget.ThrowIfSpent)
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

    private static DbCommand Command(DbConnection connection, string sql, IEnumerable<SqliteParameter> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            // A parameter object belongs to one command; the count and the page each get a copy.
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        }
        return command;
    }

    private static IEnumerable<SqliteParameter> Paged(List<SqliteParameter> parameters, int limit, int offset) =>
        [.. parameters, new("$limit", limit), new("$offset", offset)];

    /// <summary>HTML-encodes a snippet, then turns the match markers into &lt;mark&gt;.</summary>
    internal static string SafeSnippet(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkOpen.ToString(), "<mark>").Replace(MarkClose.ToString(), "</mark>");

    /// <summary>
    /// The article at the first matched words: a text fragment link (#:~:text=) that
    /// Chromium-based browsers scroll to and highlight; others simply open the article.
    /// </summary>
    internal static string PassageUrl(string slug, string snippet)
    {
        var open = snippet.IndexOf(MarkOpen);
        var close = open < 0 ? -1 : snippet.IndexOf(MarkClose, open);
        return open < 0 || close < 0
            ? $"/articles/{slug}"
            : $"/articles/{slug}#:~:text={Uri.EscapeDataString(snippet[(open + 1)..close])}";
    }

    private static string Shorten(string text) => TextShortener.Shorten(text, 240);
}
