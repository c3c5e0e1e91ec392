using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;

namespace NewsReader.Web.Search;

/// <summary>
/// The SQL of <see cref="PostgresSearchEngine"/>, each statement in a read-only transaction of its own: the same parsed query, the same
/// filters and visibility rule, over the tsvector columns of the SearchIndex migration
/// (Data/PostgresMigrations). Every word the user typed reaches the server as a bound value:
/// phrases through <c>phraseto_tsquery</c>, which reads no syntax; prefixes through
/// <c>to_tsquery</c> on a value built here from the word's letters and digits only, each
/// quoted, with <c>:*</c> on the last. Only fixed SQL fragments are concatenated.
/// Snippets are cut and marked by the Core code that also serves FTS5's long texts, so they
/// land on the passage the same way.
/// </summary>
internal sealed class PostgresSearch(NpgsqlConnection connection, SearchBudget budget)
{
    // ts_rank weights, {D, C, B, A}, in the proportions of FTS5's bm25 weights: tags 8, note 5,
    // quote 2 for annotations; title 10, dateline 3, text 1 for articles.
    private const string AnnotationRank = "ts_rank('{0.1, 0.25, 0.625, 1.0}', a.\"SearchVector\", q.rank_query)";
    private const string ArticleRank = "ts_rank('{0.1, 0.2, 0.3, 1.0}', r.\"SearchVector\", q.rank_query, 1)";

    // Texts up to this many characters come whole for their snippet; longer ones, a window of it.
    private const int SnippetWindowLength = 10_000;

    private const string CurrentTitle = "(SELECT r.\"Title\" FROM \"ArticleRevisions\" r WHERE r.\"ArticleId\" = ar.\"Id\" ORDER BY r.\"Number\" DESC LIMIT 1)";

    /// <summary>
    /// A statement as sent: opened by BEGIN with the read-only and timeout settings (the server
    /// stops it at the budget, <c>statement_timeout</c> for this transaction only, whatever the
    /// client does) and closed by COMMIT, all in one command, so a statement is one round trip.
    /// Statements are prepared (<see cref="PostgresSearchEngine"/>), and planned on every run all
    /// the same: a generic plan cannot tell a rare word from one in every article, and after five
    /// runs the server could keep one that walks all the matches of a common word (four to ten
    /// times slower for them).
    /// A statement the server stopped leaves its transaction failed; the pool rolls it back
    /// when the connection is returned (<see cref="PostgresSearchEngine"/> closes it at once).
    /// The timeout is a number computed here, not input.
    /// </summary>
    private string InTransaction(string sql) => string.Create(CultureInfo.InvariantCulture,
        $"BEGIN READ ONLY; SET LOCAL statement_timeout = {(long)Math.Ceiling(budget.Allowed.TotalMilliseconds) + 100}; SET LOCAL plan_cache_mode = force_custom_plan;\n{sql};\nCOMMIT");

    public async Task<(int, IReadOnlyList<AnnotationHit>)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset)
    {
        var parameters = new List<NpgsqlParameter> { new("user", (object?)userId ?? DBNull.Value) };
        var (match, rankQuery) = Match(query, "a", parameters);
        var where = new StringBuilder($"{match} AND {SearchFilters.AnnotationAccess}");
        AddFilters(query, where, parameters);
        const string from = "FROM \"Annotations\" a JOIN \"Articles\" ar ON ar.\"Id\" = a.\"ArticleId\"";
        // As on SQLite: the newest matches up to one past the cap are counted and ranked, in
        // the same statement as the page, and only the page's rows are read whole.
        var sql = $"""
            WITH q AS (SELECT {rankQuery} AS rank_query),
            candidates AS MATERIALIZED (
                SELECT a."Seq" {from}
                WHERE {where}
                ORDER BY a."Seq" DESC
                LIMIT @countLimit),
            page AS (
                SELECT a."Seq", a."Created", {AnnotationRank} AS rank
                FROM candidates c JOIN "Annotations" a ON a."Seq" = c."Seq" CROSS JOIN q
                ORDER BY rank DESC, a."Created" DESC, a."Seq" DESC
                LIMIT @limit OFFSET @offset)
            SELECT a."Id", ar."Slug", {CurrentTitle}, a."Color", a."Visibility", a."AnchorStatus", a."Created", a."TagsText",
                   a."Exact", a."Note", coalesce(a."OwnerId" = @user, false), a."NoteHtml", u."DisplayName",
                   (SELECT count(*) FROM candidates)
            FROM page JOIN "Annotations" a ON a."Seq" = page."Seq" JOIN "Articles" ar ON ar."Id" = a."ArticleId"
            JOIN "AspNetUsers" u ON u."Id" = a."OwnerId"
            ORDER BY page.rank DESC, page."Created" DESC, page."Seq" DESC
            """;
        var capped = Capped(parameters, limit, offset);
        var (total, hits) = await ReadAnnotationHitsAsync(sql, capped, query);
        if (hits.Count == 0 && offset > 0)
        {
            // A page past the end has no row to carry the total: count on its own.
            total = await CountAsync($"SELECT count(*) FROM (SELECT 1 {from} WHERE {where} LIMIT @countLimit) m", capped);
        }
        return (total, hits);
    }

    public async Task<(int, IReadOnlyList<AnnotationHit>)> NotebookAsync(SearchQuery query, string userId, int limit, int offset)
    {
        var parameters = new List<NpgsqlParameter> { new("user", userId) };
        var where = new StringBuilder("a.\"OwnerId\" = @user");
        AddFilters(query, where, parameters);
        const string from = "FROM \"Annotations\" a JOIN \"Articles\" ar ON ar.\"Id\" = a.\"ArticleId\"";
        var count = $"SELECT count(*) {from} WHERE {where}";
        if (query.Tags.Count == 0)
        {
            var total = await CountAsync(count, parameters);
            var sql = $"""
                SELECT a."Id", ar."Slug", {CurrentTitle}, a."Color", a."Visibility", a."AnchorStatus", a."Created", a."TagsText",
                       a."Exact", a."Note", true, a."NoteHtml", u."DisplayName"
                {from} JOIN "AspNetUsers" u ON u."Id" = a."OwnerId"
                WHERE {where}
                ORDER BY a."Created" DESC, a."Seq" DESC
                LIMIT @limit OFFSET @offset
                """;
            return (total, total == 0 ? [] : (await ReadAnnotationHitsAsync(sql, Paged(parameters, limit, offset), query: null)).Hits);
        }
        // As on SQLite: the tag's rows walked once, counted and the page picked in one statement.
        var tagged = $"""
            WITH matched AS MATERIALIZED (SELECT a."Seq", a."Created" {from} WHERE {where}),
            page AS (SELECT "Seq", "Created" FROM matched ORDER BY "Created" DESC, "Seq" DESC LIMIT @limit OFFSET @offset)
            SELECT a."Id", ar."Slug", {CurrentTitle}, a."Color", a."Visibility", a."AnchorStatus", a."Created", a."TagsText",
                   a."Exact", a."Note", true, a."NoteHtml", u."DisplayName", (SELECT count(*) FROM matched)
            FROM page JOIN "Annotations" a ON a."Seq" = page."Seq" JOIN "Articles" ar ON ar."Id" = a."ArticleId"
            JOIN "AspNetUsers" u ON u."Id" = a."OwnerId"
            ORDER BY page."Created" DESC, page."Seq" DESC
            """;
        var (matched, hits) = await ReadAnnotationHitsAsync(tagged, Paged(parameters, limit, offset), query: null);
        // A page past the end has no row to carry the total: count on its own.
        return (hits.Count == 0 && offset > 0 ? await CountAsync(count, parameters) : matched, hits);
    }

    public async Task<(int, IReadOnlyList<ArticleHit>)> ArticleHitsAsync(SearchQuery query, string? userId, int limit, int offset)
    {
        var parameters = new List<NpgsqlParameter> { new("user", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)userId ?? DBNull.Value } };
        var (match, rankQuery) = Match(query, "r", parameters);
        // Only the current revision is searched, as only it is in FTS5's index.
        var where = new StringBuilder($"{match} AND r.\"Number\" = (SELECT max(c.\"Number\") FROM \"ArticleRevisions\" c WHERE c.\"ArticleId\" = r.\"ArticleId\") AND {SearchFilters.ArticleAccess}");
        AddFilters(query, where, parameters, annotations: false);
        const string from = "FROM \"ArticleRevisions\" r JOIN \"Articles\" ar ON ar.\"Id\" = r.\"ArticleId\"";
        var sql = $"""
            WITH q AS (SELECT {rankQuery} AS rank_query),
            candidates AS MATERIALIZED (
                SELECT r."Id" {from}
                WHERE {where}
                ORDER BY r."Id" DESC
                LIMIT @countLimit),
            page AS (
                SELECT r."Id", {ArticleRank} AS rank
                FROM candidates c JOIN "ArticleRevisions" r ON r."Id" = c."Id" CROSS JOIN q
                ORDER BY rank DESC, r."Id" DESC
                LIMIT @limit OFFSET @offset)
            SELECT ar."Slug", r."Title", r."Dateline", {SnippetWindow(query, parameters)}, (SELECT count(*) FROM candidates)
            FROM page JOIN "ArticleRevisions" r ON r."Id" = page."Id" JOIN "Articles" ar ON ar."Id" = r."ArticleId"
            ORDER BY page.rank DESC, page."Id" DESC
            """;
        var capped = Capped(parameters, limit, offset);
        var total = 0;
        var (terms, prefixes) = Highlighted(query);
        var hits = new List<ArticleHit>();
        await using (var command = Command(sql, capped))
        await using (var reader = await command.ExecuteReaderAsync(budget.Token))
        {
            while (await reader.ReadAsync(budget.Token))
            {
                var slug = reader.GetString(0);
                var snippet = LongTextSnippet.Cut(reader.GetString(3), terms, prefixes, SearchSnippets.MarkOpen, SearchSnippets.MarkClose, 32, budget.ThrowIfSpent);
                hits.Add(new ArticleHit(slug, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    SearchSnippets.Safe(snippet), SearchSnippets.PassageUrl(slug, snippet)));
                total = Convert.ToInt32(reader.GetInt64(4));
            }
        }
        if (hits.Count == 0 && offset > 0)
        {
            total = await CountAsync($"SELECT count(*) FROM (SELECT 1 {from} WHERE {where} LIMIT @countLimit) m", capped);
        }
        return (total, hits);
    }

    /// <summary>
    /// The part of an article's text its snippet is cut from: the whole of a short text; of a
    /// long one, a window from a little before the first place one of the query's words begins
    /// (folded to lower case, a stem's first letters, so inflected forms are found too), else
    /// its start. Only that window crosses the network. A text's size in bytes is known without
    /// decompressing it, and most are shorter in bytes already; counting characters would
    /// decompress every short text once more before it is sent.
    /// </summary>
    private static string SnippetWindow(SearchQuery query, List<NpgsqlParameter> parameters)
    {
        var starts = new List<string>();
        foreach (var term in query.Terms.Concat(query.MarkedPrefixes).Take(4))
        {
            if (LongTextSnippet.TokenTexts(term).FirstOrDefault() is not { } first)
            {
                continue;
            }
            var name = "s" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            var stem = first.ToLowerInvariant();
            parameters.Add(new(name, stem[..Math.Min(stem.Length, 4)]));
            starts.Add($"nullif(strpos(lower(r.\"Text\"), @{name}), 0)");
        }
        var start = starts.Count == 0 ? "1" : $"coalesce(least({string.Join(", ", starts)}), 1)";
        return $"""
            CASE WHEN octet_length(r."Text") <= {SnippetWindowLength} OR length(r."Text") <= {SnippetWindowLength} THEN r."Text"
                 ELSE substr(r."Text", greatest(1, {start} - {SnippetWindowLength / 4}), {SnippetWindowLength}) END
            """;
    }

    /// <summary>
    /// The match condition over a table's SearchVector and SearchWords columns (alias
    /// <paramref name="row"/>) and the query ranking uses: every group through one of its
    /// words, then no excluded word.
    /// </summary>
    private static (string Match, string RankQuery) Match(SearchQuery query, string row, List<NpgsqlParameter> parameters)
    {
        var conditions = new List<string>();
        var ranked = new List<string>();
        string word(SearchWord word, bool rank)
        {
            var name = "w" + parameters.Count.ToString(CultureInfo.InvariantCulture);
            if (!word.Prefix)
            {
                parameters.Add(new(name, word.Text));
                var phrase = $"phraseto_tsquery('newsreader', @{name})";
                if (rank)
                {
                    ranked.Add(phrase);
                }
                return $"{row}.\"SearchVector\" @@ {phrase}";
            }
            parameters.Add(new(name, PrefixQuery(word.Text)));
            var stemmed = $"to_tsquery('newsreader', @{name})";
            if (rank)
            {
                ranked.Add(stemmed);
            }
            // The stemmed prefix, or any whole word that begins with it (see the migration).
            return $"({row}.\"SearchVector\" @@ {stemmed} OR {row}.\"SearchWords\" @@ to_tsquery('newsreader_words', @{name}))";
        }
        foreach (var group in query.Groups)
        {
            conditions.Add("(" + string.Join(" OR ", group.Select(w => word(w, rank: true))) + ")");
        }
        foreach (var excluded in query.Excluded)
        {
            conditions.Add("NOT " + word(excluded, rank: false));
        }
        return (string.Join(" AND ", conditions), string.Join(" || ", ranked));
    }

    /// <summary>
    /// A prefix as tsquery text: its tokens (letters and digits only, so nothing in them is
    /// tsquery syntax), each quoted, in sequence, the last one a prefix.
    /// </summary>
    private static string PrefixQuery(string text) =>
        string.Join(" <-> ", LongTextSnippet.TokenTexts(text).Select(t => "'" + t + "'")) + ":*";

    /// <summary>The words the snippets mark: every word and phrase, the one-word prefixes as prefixes.</summary>
    private static (IReadOnlyList<string> Terms, IReadOnlyCollection<string> Prefixes) Highlighted(SearchQuery query) =>
        (query.Terms, query.MarkedPrefixes);

    /// <summary>The shared filters (<see cref="SearchFilters"/>), bound as Npgsql parameters.</summary>
    private static void AddFilters(SearchQuery query, StringBuilder where, List<NpgsqlParameter> parameters, bool annotations = true)
    {
        var values = new List<KeyValuePair<string, object>>();
        if (annotations)
        {
            SearchFilters.AppendAnnotationFilters(query, where, values, SearchFilters.Dialect.Postgres);
        }
        else
        {
            SearchFilters.AppendArticleFilters(query, where, values, SearchFilters.Dialect.Postgres);
        }
        parameters.AddRange(values.Select(v => new NpgsqlParameter(v.Key, v.Value)));
    }

    private async Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> ReadAnnotationHitsAsync(string sql, List<NpgsqlParameter> parameters, SearchQuery? query)
    {
        var hits = new List<AnnotationHit>();
        var total = 0;
        var (terms, prefixes) = query is null ? ([], new HashSet<string>()) : Highlighted(query);
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(budget.Token);
        while (await reader.ReadAsync(budget.Token))
        {
            var exact = reader.GetString(8);
            var note = reader.IsDBNull(9) ? null : reader.GetString(9);
            hits.Add(new AnnotationHit(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                query is null
                    ? WebUtility.HtmlEncode(TextShortener.Shorten(exact, 240))
                    : SearchSnippets.Safe(LongTextSnippet.Cut(exact, terms, prefixes, SearchSnippets.MarkOpen, SearchSnippets.MarkClose, 24, budget.ThrowIfSpent)),
                note is null ? null : SearchSnippets.Note(query is null ? note : LongTextSnippet.MarkAll(note, terms, prefixes, SearchSnippets.MarkOpen, SearchSnippets.MarkClose), query is not null),
                reader.GetString(7).Split('\n', StringSplitOptions.RemoveEmptyEntries),
                reader.GetString(3),
                reader.GetString(4).ToLowerInvariant(),
                reader.GetString(5).ToLowerInvariant(),
                DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                reader.GetBoolean(10))
            {
                RenderedNoteHtml = reader.IsDBNull(11) ? null : reader.GetString(11),
                Author = reader.GetString(12),
            });
            // The search's page carries its capped total; the notebook by tag its whole count.
            total = reader.FieldCount > 13 ? Convert.ToInt32(reader.GetInt64(13)) : 0;
        }
        return (total, hits);
    }

    private async Task<int> CountAsync(string sql, List<NpgsqlParameter> parameters)
    {
        await using var command = Command(sql, parameters);
        return Convert.ToInt32(await command.ExecuteScalarAsync(budget.Token), CultureInfo.InvariantCulture);
    }

    private DbCommand Command(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlCommand(InTransaction(sql), connection);
        foreach (var parameter in parameters)
        {
            // A parameter object belongs to one command; the count and the page each get a copy.
            command.Parameters.Add(parameter.Clone());
        }
        return command;
    }

    private static List<NpgsqlParameter> Paged(List<NpgsqlParameter> parameters, int limit, int offset) =>
        [.. parameters, new("limit", limit), new("offset", offset)];

    /// <summary>The page, and the count's bound: one past the matches ranked (<see cref="SearchService.RankedMatches"/>, or the page's end).</summary>
    private static List<NpgsqlParameter> Capped(List<NpgsqlParameter> parameters, int limit, int offset) =>
        [.. Paged(parameters, limit, offset), new("countLimit", Math.Max(SearchService.RankedMatches, offset + limit) + 1)];
}
