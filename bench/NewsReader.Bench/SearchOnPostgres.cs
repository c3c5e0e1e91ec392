using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

/// <summary>
/// <c>search --postgres "&lt;connection string&gt;"</c>: the search bench's library, generated on
/// SQLite as always, copied by the migrate-to-postgres code into a fresh database on that
/// server (dropped afterwards), then the same queries timed through
/// <see cref="SearchService.SearchAsync"/> on PostgreSQL beside the floor: the same first page
/// and count written by hand in SQL against the same tables and tsvector columns (no title,
/// snippets, authors or article hits), on one open connection.
/// </summary>
internal static class SearchOnPostgres
{
    private const int WarmUp = 20;
    private const int Timed = 100;
    private const int PageSize = 20;

    public static async Task<int> RunAsync(NewsReaderDb sqlite, string server, IReadOnlyList<(string Kind, string Text)> queries, string user, int annotationCount)
    {
        var name = "newsreader_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            var watch = Stopwatch.StartNew();
            if (await MigrateToPostgres.CopyAsync(sqlite, target, TextWriter.Null) != 0)
            {
                Console.Error.WriteLine("The copy to PostgreSQL did not verify.");
                return 1;
            }
            await ExecuteAsync(target, "VACUUM ANALYZE");
            var copySeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"Copied to PostgreSQL ({name}) with generated tsvector columns and GIN indexes, then VACUUM ANALYZE: {copySeconds:F1} s.");
            return await TimeAsync(target, queries, user, annotationCount, copySeconds);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<int> TimeAsync(string target, IReadOnlyList<(string Kind, string Text)> queries, string user, int annotationCount, double copySeconds)
    {
        var options = new DbContextOptionsBuilder<NewsReaderDb>().UseNpgsql(target).UseProviderMigrations().Options;
        // Leased from a pool, as the app's requests lease theirs (DatabaseSetup.AddNewsReaderDb).
        var contexts = new PooledDbContextFactory<NewsReaderDb>(options);
        await using var floorConnection = new NpgsqlConnection(target);
        await floorConnection.OpenAsync();

        var mismatches = 0;
        var capped = 0;
        foreach (var (kind, text) in queries)
        {
            var service = await ServiceAsync(contexts, text, user);
            var floor = await FloorAsync(floorConnection, SearchQueryParser.Parse(text), user);
            // Past the service's cap it ranks only the newest matches, as on SQLite: then the
            // floor must have more than the cap too, and the pages are not compared.
            capped += service.AnnotationTotalIsCapped ? 1 : 0;
            if (service.AnnotationTotalIsCapped
                ? floor.Total <= SearchService.RankedMatches
                : service.AnnotationTotal != floor.Total || !service.Annotations.Select(a => a.Id).SequenceEqual(floor.Ids))
            {
                mismatches++;
                Console.WriteLine($"MISMATCH {text}: service {service.AnnotationTotal}, floor {floor.Total}");
            }
            Console.WriteLine($"  {kind,-10} {text,-40} annotations {service.AnnotationTotal,6}  articles {service.ArticleTotal,5}");
        }

        var rows = new List<(string Kind, List<double> Service, List<double> Floor, List<double> Whole)>();
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var ofKind = queries.Where(q => q.Kind == kind).Select(q => (q.Text, Query: SearchQueryParser.Parse(q.Text))).ToList();
            for (var i = 0; i < WarmUp; i++)
            {
                var q = ofKind[i % ofKind.Count];
                await ServiceAsync(contexts, q.Text, user);
                await FloorAsync(floorConnection, q.Query, user);
            }
            var (service, floor, whole) = (new List<double>(), new List<double>(), new List<double>());
            for (var i = 0; i < Math.Max(Timed, ofKind.Count); i++)
            {
                var q = ofKind[i % ofKind.Count];
                var start = Stopwatch.GetTimestamp();
                await ServiceAsync(contexts, q.Text, user);
                service.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                start = Stopwatch.GetTimestamp();
                await FloorAsync(floorConnection, q.Query, user);
                floor.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                await FloorArticlesAsync(floorConnection, q.Query);
                whole.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            rows.Add((kind, service, floor, whole));
        }

        Console.WriteLine();
        Console.WriteLine($"PostgreSQL latency in ms, user 1; service = SearchService.SearchAsync(q, user, {PageSize}, 0) on a NewsReaderDb leased from a pool per query;");
        Console.WriteLine("floor = the same annotation page + count by hand in SQL on one open connection; +articles = the floor plus the article page + count.");
        Console.WriteLine();
        Console.WriteLine($"| {"kind",-11} | {"svc p50",8} | {"svc p95",8} | {"floor p50",9} | {"floor p95",9} | {"+articles p50",13} | {"svc/floor",9} |");
        Console.WriteLine($"|{new string('-', 13)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 15)}|{new string('-', 11)}|");
        foreach (var row in rows)
        {
            PrintRow(row.Kind, row.Service, row.Floor, row.Whole);
        }
        var allService = rows.SelectMany(r => r.Service).ToList();
        var allFloor = rows.SelectMany(r => r.Floor).ToList();
        var allWhole = rows.SelectMany(r => r.Whole).ToList();
        PrintRow("overall", allService, allFloor, allWhole);
        Console.WriteLine();
        Console.WriteLine($"floor mismatches: {mismatches} of {queries.Count} queries ({capped} past the service's cap of {SearchService.RankedMatches}, pages not compared); copy+index {copySeconds:F1} s");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            database = "postgres",
            annotations = annotationCount,
            p50Ms = Math.Round(Synthetic.Percentile(allService, 0.50), 2),
            p95Ms = Math.Round(Synthetic.Percentile(allService, 0.95), 2),
            floorP50Ms = Math.Round(Synthetic.Percentile(allFloor, 0.50), 2),
            wholeFloorP50Ms = Math.Round(Synthetic.Percentile(allWhole, 0.50), 2),
            copySeconds = Math.Round(copySeconds, 1),
        }));
        return 0;
    }

    private static void PrintRow(string kind, List<double> service, List<double> floor, List<double> whole)
    {
        var s50 = Synthetic.Percentile(service, 0.50);
        var f50 = Synthetic.Percentile(floor, 0.50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind,-11} | {s50,8:F2} | {Synthetic.Percentile(service, 0.95),8:F2} | {f50,9:F2} | {Synthetic.Percentile(floor, 0.95),9:F2} | {Synthetic.Percentile(whole, 0.50),13:F2} | {s50 / f50,9:F2} |"));
    }

    private static async Task<SearchResults> ServiceAsync(PooledDbContextFactory<NewsReaderDb> contexts, string text, string user)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await new SearchService(db).SearchAsync(text, user, PageSize, 0);
    }

    /// <summary>The first page of annotation ids and the count, by hand: the tsquery, visibility, tags and colour, ranked by ts_rank.</summary>
    private static async Task<(int Total, List<Guid> Ids)> FloorAsync(NpgsqlConnection connection, SearchQuery query, string user)
    {
        await using var command = new NpgsqlCommand { Connection = connection };
        command.Parameters.AddWithValue("u", user);
        string where, order, with;
        if (query.Groups.Count == 0)
        {
            (with, where, order) = ("", "a.\"OwnerId\" = @u", "a.\"Created\" DESC, a.\"Seq\" DESC");
        }
        else
        {
            var (match, rank) = Match(query, "a", command);
            with = $"WITH q AS (SELECT {rank} AS rq) ";
            where = $"{match} AND (a.\"Visibility\" = 'Public' OR a.\"OwnerId\" = @u)";
            order = "ts_rank('{0.1, 0.25, 0.625, 1.0}', a.\"SearchVector\", (SELECT rq FROM q)) DESC, a.\"Created\" DESC, a.\"Seq\" DESC";
        }
        var filters = new StringBuilder();
        for (var i = 0; i < query.Tags.Count; i++)
        {
            filters.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM \"AnnotationTags\" t WHERE t.\"AnnotationId\" = a.\"Id\" AND t.\"Name\" = @t{i})");
            command.Parameters.AddWithValue($"t{i}", query.Tags[i]);
        }
        if (query.Color is not null)
        {
            filters.Append(" AND a.\"Color\" = @c");
            command.Parameters.AddWithValue("c", query.Color);
        }
        command.CommandText = $"SELECT count(*) FROM \"Annotations\" a WHERE {where}{filters}";
        var total = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        var ids = new List<Guid>();
        if (total > 0)
        {
            command.CommandText = $"{with}SELECT a.\"Id\" FROM \"Annotations\" a WHERE {where}{filters} ORDER BY {order} LIMIT {PageSize}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }
        return (total, ids);
    }

    /// <summary>The article page and count by hand, current revisions only; none with annotation-only filters.</summary>
    private static async Task<int> FloorArticlesAsync(NpgsqlConnection connection, SearchQuery query)
    {
        if (query.Groups.Count == 0 || query.Tags.Count > 0 || query.Color is not null || query.HasNote || query.IsOrphan || query.IsPublic || query.Before is not null || query.After is not null)
        {
            return 0;
        }
        await using var command = new NpgsqlCommand { Connection = connection };
        var (match, rank) = Match(query, "r", command);
        const string current = "r.\"Number\" = (SELECT max(c.\"Number\") FROM \"ArticleRevisions\" c WHERE c.\"ArticleId\" = r.\"ArticleId\")";
        command.CommandText = $"SELECT count(*) FROM \"ArticleRevisions\" r WHERE {match} AND {current}";
        var total = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (total > 0)
        {
            command.CommandText = $$"""
                WITH q AS (SELECT {{rank}} AS rq)
                SELECT ar."Slug" FROM "ArticleRevisions" r JOIN "Articles" ar ON ar."Id" = r."ArticleId"
                WHERE {{match}} AND {{current}}
                ORDER BY ts_rank('{0.1, 0.2, 0.3, 1.0}', r."SearchVector", (SELECT rq FROM q), 1) DESC LIMIT {{PageSize}}
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }
        return total;
    }

    /// <summary>Each group through one of its words, no excluded word; a prefix matches stemmed or as a whole word.</summary>
    private static (string Match, string Rank) Match(SearchQuery query, string row, NpgsqlCommand command)
    {
        var ranked = new List<string>();
        string condition(SearchWord word, bool rank)
        {
            var name = "w" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
            if (word.Prefix)
            {
                command.Parameters.AddWithValue(name, string.Join(" <-> ", LongTextSnippet.TokenTexts(word.Text).Select(t => "'" + t + "'")) + ":*");
                if (rank)
                {
                    ranked.Add($"to_tsquery('newsreader', @{name})");
                }
                return $"({row}.\"SearchVector\" @@ to_tsquery('newsreader', @{name}) OR {row}.\"SearchWords\" @@ to_tsquery('newsreader_words', @{name}))";
            }
            command.Parameters.AddWithValue(name, word.Text);
            if (rank)
            {
                ranked.Add($"phraseto_tsquery('newsreader', @{name})");
            }
            return $"{row}.\"SearchVector\" @@ phraseto_tsquery('newsreader', @{name})";
        }
        var parts = query.Groups.Select(g => "(" + string.Join(" OR ", g.Select(w => condition(w, true))) + ")")
            .Concat(query.Excluded.Select(w => "NOT " + condition(w, false))).ToList();
        return (string.Join(" AND ", parts), string.Join(" || ", ranked));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Only fixed statements and names made here (GUIDs).
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
