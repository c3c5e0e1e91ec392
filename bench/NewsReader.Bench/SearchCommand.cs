using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

/// <summary>
/// <c>search [--annotations N]</c>: N annotations (default 100,000) over N/50 synthetic articles
/// in a fresh SQLite file migrated like the app's, then p50/p95 latency of
/// <see cref="SearchService.SearchAsync"/> per kind of query, beside (a) a hand-written raw FTS5
/// query for the same first page of annotations, the floor, and (b) a LIKE scan, the naive way.
/// Prints a table, then one JSON line. With <c>--postgres</c>, the same library and queries are
/// timed on PostgreSQL instead (<see cref="SearchOnPostgres"/>).
/// </summary>
internal static class SearchCommand
{
    private const int Seed = 20_261_128;
    private const int Users = 10;
    private const int WordsPerArticle = 800;
    private const int SyntheticWords = 4_000;
    private const int Tags = 200;
    private const int QueriesPerKind = 5;
    private const int WarmUp = 20;
    private const int Timed = 100;
    private const int LikeTimed = 10;
    private const int PageSize = 20;
    private const string AnnotationRank = "bm25(annotations_fts, 5.0, 2.0, 8.0)";

    private static readonly string[] RealWords =
    [
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on", "not",
        "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you", "were",
        "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will", "would",
        "who", "so", "no", "said", "council", "harbour", "plan", "residents", "mayor", "vote", "market", "town",
        "jobs", "traffic", "noise", "budget", "school", "river", "bridge", "minister", "report", "week", "year",
        "police", "hospital", "election", "policy", "tax", "housing", "rail", "station", "workers", "strike", "talks",
        "agreement", "court", "judge", "ruling", "company", "shares", "profits", "prices", "energy", "climate",
        "summit", "leaders", "officials", "could", "after", "before", "while", "because", "although", "announced",
        "expected", "reported", "increase", "decline", "support", "oppose", "government", "parliament", "committee",
        "inquiry", "evidence", "witness", "statement", "spokesman", "spokeswoman", "interview", "campaign", "voters",
        "candidate", "coalition", "opposition", "majority", "minority", "reform", "investment", "infrastructure",
        "pension", "inflation", "interest", "rates", "bank", "currency", "exports", "imports", "tariff", "factory",
        "farmers", "harvest", "drought", "flood", "storm", "wildfire", "emissions", "carbon", "solar", "wind",
        "nuclear", "pipeline", "refinery", "shipping", "port", "airport", "flight", "passengers", "tourists",
        "museum", "library", "university", "students", "teachers", "parents", "children", "patients", "doctors",
        "nurses", "vaccine", "outbreak", "research", "scientists", "study", "data", "survey", "poll", "protest",
        "demonstrators", "crowd", "violence", "ceasefire", "negotiations", "treaty", "sanctions", "embassy",
        "ambassador", "border", "refugees", "asylum", "migration", "security", "military", "troops", "defence",
        "weapons", "missile", "satellite", "internet", "software", "privacy", "regulation", "lawsuit", "settlement",
        "merger", "acquisition", "executive", "chairman", "board", "shareholders", "dividend", "revenue", "losses",
        "debt", "deficit", "surplus", "spending", "cuts", "subsidy", "welfare", "unemployment", "wages", "union",
        "contract", "tender", "construction", "developer", "apartment", "rent", "landlord", "tenants", "eviction",
        "neighbourhood", "district", "province", "region", "capital", "village", "coast", "island", "mountain",
        "forest", "lake", "valley", "desert", "ocean", "fishing", "whale", "species", "habitat", "conservation",
        "heritage", "festival", "concert", "exhibition", "novel", "author", "film", "director", "award", "season",
        "match", "league", "coach", "players", "stadium", "tournament", "champion", "record", "injury", "transfer",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "March", "October",
    ];

    private static readonly string[] RealTags =
    [
        "politics", "climate", "economy", "housing", "transport", "health", "education", "energy", "crime",
        "courts", "elections", "budget", "europe", "asia", "africa", "sport", "culture", "science", "technology",
        "media", "labour", "trade", "defence", "migration", "water", "farming", "finance", "weather", "cities",
        "rural", "history", "religion", "law", "privacy", "security", "diplomacy", "environment", "tourism",
        "music", "film",
    ];

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "da", "go", "bri", "sto", "ven", "mar", "tel", "qua",
        "zor", "fin", "lus", "dra", "kel", "mon", "pra", "sul", "tor", "vin", "wen", "yal", "chi",
    ];

    private static readonly string[] Colors = ["yellow", "green", "blue", "pink", "purple"];

    /// <summary>What readers of local news might type, from the real words of the corpus.</summary>
    private static readonly string[] TypedQueries =
    [
        "housing rent", "climate emissions", "council budget vote", "election campaign", "hospital nurses",
        "bridge traffic", "energy prices", "school teachers", "border refugees", "court ruling",
    ];

    private sealed record QuerySpec(
        string Kind,
        string Text,
        List<List<string>> LikeGroups,
        List<string> LikeExcluded,
        List<string> LikeTags,
        string? LikeColor);

    private sealed class Corpus
    {
        public required string[] Vocabulary;
        public required int[] DocumentFrequency;
        public required string[] TagNames;
        public required int[] TagFrequency;
        public required List<int[]> Notes;
        public required List<bool> VisibleToFirstUser;
        public required string[] UserIds;
    }

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var annotations = 100_000;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--annotations" && i + 1 < args.Length)
            {
                annotations = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--postgres" && i + 1 < args.Length)
            {
                postgres = args[++i];
            }
            else
            {
                Console.Error.WriteLine("usage: search [--annotations N] [--postgres \"<connection string of a server's maintenance database>\"]");
                return 2;
            }
        }
        annotations = Math.Max(50, annotations);

        var folder = Path.Combine(Path.GetTempPath(), "newsreader-search-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return await RunInAsync(folder, annotations, postgres);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string folder, int annotationCount, string? postgres)
    {
        // The same connection string shape the app builds (DatabaseSetup.ConnectionString).
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "search-bench.db"),
            ForeignKeys = true,
        }.ToString();
        var options = new DbContextOptionsBuilder<NewsReaderDb>().UseSqlite(connectionString).UseProviderMigrations().Options;
        await using (var db = new NewsReaderDb(options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var random = new Random(Seed);
        var articleCount = Math.Max(1, annotationCount / 50);
        Console.WriteLine($"Generating {annotationCount:N0} annotations over {articleCount:N0} articles of {WordsPerArticle} words...");
        var stopwatch = Stopwatch.StartNew();
        Corpus corpus;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            corpus = Generate(connection, random, articleCount, annotationCount);
        }
        var indexSeconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine($"Inserted and indexed in {indexSeconds:F1} s (rows inserted through the FTS5 triggers, in transactions of 10,000).");

        double optimizeSeconds;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            stopwatch.Restart();
            Execute(connection, "INSERT INTO annotations_fts(annotations_fts) VALUES('optimize');");
            Execute(connection, "INSERT INTO articles_fts(articles_fts) VALUES('optimize');");
            optimizeSeconds = stopwatch.Elapsed.TotalSeconds;
        }
        Console.WriteLine($"FTS5 'optimize' of both indexes: {optimizeSeconds:F1} s; database {new FileInfo(Path.Combine(folder, "search-bench.db")).Length / 1e6:F0} MB.");

        var queries = PickQueries(corpus, random);
        var user = corpus.UserIds[0];
        if (postgres is not null)
        {
            // The same library and queries, timed on PostgreSQL instead (SearchOnPostgres).
            await using var source = new NewsReaderDb(options);
            return await SearchOnPostgres.RunAsync(source, postgres, queries.Select(q => (q.Kind, q.Text)).ToList(), user, annotationCount);
        }
        // The floor runs the service's final MATCH expression, prefixes expanded into words.
        var parsed = new Dictionary<string, SearchQuery>();
        await using (var db = new NewsReaderDb(options))
        {
            foreach (var query in queries)
            {
                parsed[query.Text] = await new SearchService(db).ParseAsync(query.Text);
            }
        }

        // Leased from a pool, as the app's requests lease theirs (DatabaseSetup.AddNewsReaderDb).
        var contexts = new PooledDbContextFactory<NewsReaderDb>(options);
        // Kept for the app's life, as the app keeps its own (a singleton).
        using var searchConnections = new SqliteSearchConnections();
        await using var floorConnection = new SqliteConnection(connectionString);
        await floorConnection.OpenAsync();

        // Correctness first: the floor must return the service's first page.
        var mismatches = 0;
        var capped = 0;
        var totals = new Dictionary<string, int>();
        foreach (var query in queries)
        {
            var service = await ServiceAsync(contexts, searchConnections, query.Text, user);
            var floor = Floor(floorConnection, parsed[query.Text], user);
            var like = Like(floorConnection, query, user);
            totals[query.Text] = service.AnnotationTotal;
            var serviceIds = service.Annotations.Select(a => a.Id).ToList();
            // Past the service's cap it ranks only the newest matches: then the floor must have
            // more than the cap too, and the pages are not compared.
            if (service.AnnotationTotalIsCapped)
            {
                capped++;
            }
            if (service.AnnotationTotalIsCapped ? floor.Total <= SearchService.RankedMatches : service.AnnotationTotal != floor.Total || !serviceIds.SequenceEqual(floor.Ids))
            {
                mismatches++;
                Console.WriteLine($"MISMATCH {query.Text}: service {service.AnnotationTotal} [{string.Join(",", serviceIds.Take(3))}...], floor {floor.Total} [{string.Join(",", floor.Ids.Take(3))}...]");
            }
            var articles = FloorArticles(floorConnection, parsed[query.Text]);
            if (service.ArticleTotalIsCapped ? articles.Total <= SearchService.RankedMatches : service.ArticleTotal != articles.Total || !service.Articles.Select(a => a.Slug).SequenceEqual(articles.Slugs))
            {
                mismatches++;
                Console.WriteLine($"MISMATCH (articles) {query.Text}: service {service.ArticleTotal}, raw {articles.Total}");
            }
            Console.WriteLine($"  {query.Kind,-10} {query.Text,-40} annotations {service.AnnotationTotal,6}  articles {service.ArticleTotal,5}  like {like.Total,6}");
        }

        var rows = new List<(string Kind, double Total, List<double> Service, List<double> Floor, List<double> Whole, List<double> Like)>();
        // The process's processor time over the timed runs (both halves' threads), which a busy
        // machine changes less than the wall clock: the service's, and the floor's with its articles.
        var (serviceCpu, floorCpu, cpuRuns) = (TimeSpan.Zero, TimeSpan.Zero, 0);
        using var self = Process.GetCurrentProcess();
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var ofKind = queries.Where(q => q.Kind == kind).ToList();
            for (var i = 0; i < WarmUp; i++)
            {
                var q = ofKind[i % ofKind.Count];
                await ServiceAsync(contexts, searchConnections, q.Text, user);
                Floor(floorConnection, parsed[q.Text], user);
            }
            var serviceTimes = new List<double>();
            var floorTimes = new List<double>();
            var wholeTimes = new List<double>();
            // Every query of a kind at least once: the as-typed kind has more than 100.
            for (var i = 0; i < Math.Max(Timed, ofKind.Count); i++)
            {
                var q = ofKind[i % ofKind.Count];
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                await ServiceAsync(contexts, searchConnections, q.Text, user);
                serviceTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                self.Refresh();
                var cpuBetween = self.TotalProcessorTime;
                start = Stopwatch.GetTimestamp();
                Floor(floorConnection, parsed[q.Text], user);
                floorTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                FloorArticles(floorConnection, parsed[q.Text]);
                wholeTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                self.Refresh();
                (serviceCpu, floorCpu, cpuRuns) = (serviceCpu + (cpuBetween - cpuBefore), floorCpu + (self.TotalProcessorTime - cpuBetween), cpuRuns + 1);
            }
            var likeTimes = new List<double>();
            for (var i = 0; i < LikeTimed; i++)
            {
                var q = ofKind[i % ofKind.Count];
                var start = Stopwatch.GetTimestamp();
                Like(floorConnection, q, user);
                likeTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            rows.Add((kind, ofKind.Average(q => (double)totals[q.Text]), serviceTimes, floorTimes, wholeTimes, likeTimes));
        }

        Console.WriteLine();
        Console.WriteLine($"Latency in ms, user 1 of {Users}; service = SearchService.SearchAsync(q, user, {PageSize}, 0) on a NewsReaderDb leased from a pool per query;");
        Console.WriteLine("floor = raw FTS5 annotation page + count on one open SqliteConnection; +articles = the floor plus the raw article page + count");
        Console.WriteLine($"the service also runs (not with annotation-only filters); like = LIKE scan page + count. {Timed} timed runs per kind ({LikeTimed} for like) after {WarmUp} warm-up, over {QueriesPerKind} queries per kind;");
        Console.WriteLine($"as-typed: every prefix of {TypedQueries.Length} queries as typed ({queries.Count(q => q.Kind == "as-typed")} queries), each timed at least once.");
        Console.WriteLine();
        Console.WriteLine($"| {"kind",-11} | {"avg hits",8} | {"svc p50",8} | {"svc p95",8} | {"floor p50",9} | {"floor p95",9} | {"+articles p50",13} | {"like p50",8} | {"svc/floor",9} | {"like/svc",8} |");
        Console.WriteLine($"|{new string('-', 13)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 15)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 10)}|");
        foreach (var row in rows)
        {
            PrintRow(row.Kind, row.Total, row.Service, row.Floor, row.Whole, row.Like);
        }
        var allService = rows.SelectMany(r => r.Service).ToList();
        var allFloor = rows.SelectMany(r => r.Floor).ToList();
        var allLike = rows.SelectMany(r => r.Like).ToList();
        PrintRow("overall", rows.Average(r => r.Total), allService, allFloor, rows.SelectMany(r => r.Whole).ToList(), allLike);
        Console.WriteLine();
        Console.WriteLine($"floor mismatches: {mismatches} of {queries.Count} queries ({capped} past the service's cap of {SearchService.RankedMatches}, pages not compared); insert+index {indexSeconds:F1} s; optimize {optimizeSeconds:F1} s");

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            annotations = annotationCount,
            p50Ms = Math.Round(Synthetic.Percentile(allService, 0.50), 2),
            p95Ms = Math.Round(Synthetic.Percentile(allService, 0.95), 2),
            floorP50Ms = Math.Round(Synthetic.Percentile(allFloor, 0.50), 2),
            serviceCpuMs = Math.Round(serviceCpu.TotalMilliseconds / cpuRuns, 2),
            wholeFloorCpuMs = Math.Round(floorCpu.TotalMilliseconds / cpuRuns, 2),
            likeP50Ms = Math.Round(Synthetic.Percentile(allLike, 0.50), 2),
            indexSeconds = Math.Round(indexSeconds, 1),
        }));
        return 0;
    }

    private static void PrintRow(string kind, double total, List<double> service, List<double> floor, List<double> whole, List<double> like)
    {
        var s50 = Synthetic.Percentile(service, 0.50);
        var f50 = Synthetic.Percentile(floor, 0.50);
        var l50 = Synthetic.Percentile(like, 0.50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind,-11} | {total,8:F0} | {s50,8:F2} | {Synthetic.Percentile(service, 0.95),8:F2} | {f50,9:F2} | {Synthetic.Percentile(floor, 0.95),9:F2} | {Synthetic.Percentile(whole, 0.50),13:F2} | {l50,8:F1} | {s50 / f50,9:F2} | {l50 / s50,8:F1} |"));
    }

    /// <summary>What a request does: a DbContext leased from the pool, the service over it, the app's kept search connections.</summary>
    private static async Task<SearchResults> ServiceAsync(PooledDbContextFactory<NewsReaderDb> contexts, SqliteSearchConnections connections, string text, string user)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await new SearchService(db, sqliteConnections: connections).SearchAsync(text, user, PageSize, 0);
    }

    /// <summary>
    /// The floor: the same first page of annotation ids and the same count, hand-written, with
    /// the parser's MATCH expression and the same filters, and nothing else (no article join,
    /// no title, no snippets, no article hits).
    /// </summary>
    private static (int Total, List<Guid> Ids) Floor(SqliteConnection connection, SearchQuery query, string user)
    {
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$u", user);
        var where = new StringBuilder();
        string from;
        string order;
        if (query.MatchExpression is null)
        {
            from = "FROM Annotations a";
            where.Append("a.OwnerId = $u");
            order = "a.Created DESC, a.Seq DESC";
        }
        else
        {
            from = "FROM annotations_fts JOIN Annotations a ON a.Seq = annotations_fts.rowid";
            where.Append("annotations_fts MATCH $m AND (a.Visibility = 'Public' OR a.OwnerId = $u)");
            command.Parameters.AddWithValue("$m", query.MatchExpression);
            order = AnnotationRank + ", a.Created DESC";
        }
        for (var i = 0; i < query.Tags.Count; i++)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM AnnotationTags t WHERE t.AnnotationId = a.Id AND t.Name = $t{i} COLLATE NOCASE)");
            command.Parameters.AddWithValue($"$t{i}", query.Tags[i]);
        }
        if (query.Color is not null)
        {
            where.Append(" AND a.Color = $c");
            command.Parameters.AddWithValue("$c", query.Color);
        }
        command.CommandText = $"SELECT count(*) {from} WHERE {where}";
        var total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var ids = new List<Guid>();
        if (total > 0)
        {
            command.CommandText = $"SELECT a.Id {from} WHERE {where} ORDER BY {order} LIMIT {PageSize}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetGuid(0));
            }
        }
        return (total, ids);
    }

    /// <summary>
    /// The article hits the service adds to the same response, hand-written: count and first page
    /// of slugs by the same bm25 weights, no snippets. None when the query has annotation-only filters.
    /// </summary>
    private static (int Total, List<string> Slugs) FloorArticles(SqliteConnection connection, SearchQuery query)
    {
        if (query.MatchExpression is null || query.Tags.Count > 0 || query.Color is not null || query.HasNote || query.IsOrphan || query.IsPublic || query.Before is not null || query.After is not null)
        {
            return (0, []);
        }
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$m", query.MatchExpression);
        command.CommandText = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH $m";
        var total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        var slugs = new List<string>();
        if (total > 0)
        {
            command.CommandText = $"""
                SELECT ar.Slug FROM articles_fts JOIN ArticleRevisions r ON r.Id = articles_fts.rowid JOIN Articles ar ON ar.Id = r.ArticleId
                WHERE articles_fts MATCH $m ORDER BY bm25(articles_fts, 10.0, 3.0, 1.0) LIMIT {PageSize}
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                slugs.Add(reader.GetString(0));
            }
        }
        return (total, slugs);
    }

    /// <summary>
    /// The naive way: no full-text index and no tag index; every word, phrase or prefix is a
    /// <c>%…%</c> LIKE over note, quote and tags (ANDed; ORed within an OR group), every tag a
    /// LIKE over the tag text; newest first.
    /// </summary>
    private static (int Total, List<Guid> Ids) Like(SqliteConnection connection, QuerySpec spec, string user)
    {
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$u", user);
        var where = new StringBuilder(spec.LikeGroups.Count == 0 ? "a.OwnerId = $u" : "(a.Visibility = 'Public' OR a.OwnerId = $u)");
        var n = 0;
        string Any(string pattern)
        {
            var name = "$p" + n++.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, pattern);
            return $"(a.Note LIKE {name} OR a.Exact LIKE {name} OR a.TagsText LIKE {name})";
        }
        foreach (var group in spec.LikeGroups)
        {
            where.Append(" AND (").Append(string.Join(" OR ", group.Select(t => Any("%" + t + "%")))).Append(')');
        }
        foreach (var excluded in spec.LikeExcluded)
        {
            var name = "$p" + n++.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, "%" + excluded + "%");
            where.Append($" AND NOT (coalesce(a.Note, '') LIKE {name} OR a.Exact LIKE {name} OR a.TagsText LIKE {name})");
        }
        foreach (var tag in spec.LikeTags)
        {
            var name = "$p" + n++.ToString(CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, "%\n" + tag + "\n%");
            where.Append($" AND (char(10) || a.TagsText || char(10)) LIKE {name}");
        }
        if (spec.LikeColor is not null)
        {
            where.Append(" AND a.Color = $c");
            command.Parameters.AddWithValue("$c", spec.LikeColor);
        }
        command.CommandText = $"SELECT count(*) FROM Annotations a WHERE {where}";
        var total = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        command.CommandText = $"SELECT a.Id FROM Annotations a WHERE {where} ORDER BY a.Created DESC LIMIT {PageSize}";
        var ids = new List<Guid>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetGuid(0));
        }
        return (total, ids);
    }

    private static List<QuerySpec> PickQueries(Corpus corpus, Random random)
    {
        var n = corpus.Notes.Count;
        var vocabulary = corpus.Vocabulary;
        var byFrequency = Enumerable.Range(0, vocabulary.Length).Where(w => corpus.DocumentFrequency[w] > 0)
            .OrderByDescending(w => corpus.DocumentFrequency[w]).ToList();
        List<string> Words(double low, double high, int count)
        {
            var inRange = byFrequency.Where(w => corpus.DocumentFrequency[w] >= low && corpus.DocumentFrequency[w] <= high).ToList();
            if (inRange.Count < count)
            {
                // Too few in the band: take the nearest to its middle.
                var middle = (low + high) / 2;
                inRange = byFrequency.OrderBy(w => Math.Abs(corpus.DocumentFrequency[w] - middle)).Take(count * 3).ToList();
            }
            return inRange.OrderBy(_ => random.Next()).Take(count).Select(w => vocabulary[w].ToLowerInvariant()).ToList();
        }
        var common = Words(0.03 * n, 0.20 * n, QueriesPerKind * 3);
        var medium = Words(0.002 * n, 0.01 * n, QueriesPerKind * 4);
        var rare = Words(2, Math.Max(20, n / 5_000), QueriesPerKind);

        var specs = new List<QuerySpec>();
        void Add(string kind, string text, List<List<string>> groups, List<string>? excluded = null, List<string>? tags = null, string? color = null) =>
            specs.Add(new QuerySpec(kind, text, groups, excluded ?? [], tags ?? [], color));

        for (var i = 0; i < QueriesPerKind; i++)
        {
            Add("word-common", common[i], [[common[i]]]);
        }
        for (var i = 0; i < QueriesPerKind; i++)
        {
            Add("word-medium", medium[i], [[medium[i]]]);
        }
        for (var i = 0; i < QueriesPerKind; i++)
        {
            Add("word-rare", rare[i], [[rare[i]]]);
        }
        // Phrases: two adjacent words of a note user 1 can see, at least one of them not among the 50 commonest.
        var top = byFrequency.Take(50).ToHashSet();
        while (specs.Count(s => s.Kind == "phrase") < QueriesPerKind)
        {
            var pick = random.Next(n);
            var note = corpus.Notes[pick];
            if (note.Length < 2 || !corpus.VisibleToFirstUser[pick])
            {
                continue;
            }
            var at = random.Next(note.Length - 1);
            if (top.Contains(note[at]) && top.Contains(note[at + 1]))
            {
                continue;
            }
            var phrase = vocabulary[note[at]].ToLowerInvariant() + " " + vocabulary[note[at + 1]].ToLowerInvariant();
            Add("phrase", "\"" + phrase + "\"", [[phrase]]);
        }
        // Prefixes: the first three letters of medium words. Not ending in y or s: the porter
        // stemmer rewrites the query term too ("tay*" searches "tai*"), which is another matter.
        foreach (var prefix in medium.Concat(common).Select(w => w[..Math.Min(3, w.Length)]).Where(p => p[^1] is not ('y' or 's')).Distinct().Take(QueriesPerKind))
        {
            Add("prefix", prefix + "*", [[prefix]]);
        }
        // Tags of middling popularity (ranks 5 to 50 of 200).
        var tagsByFrequency = Enumerable.Range(0, corpus.TagNames.Length).OrderByDescending(t => corpus.TagFrequency[t]).Select(t => corpus.TagNames[t]).ToList();
        for (var i = 0; i < QueriesPerKind; i++)
        {
            var tag = tagsByFrequency[5 + random.Next(45)];
            Add("tag", "tag:" + tag, [], tags: [tag]);
        }
        for (var i = 0; i < QueriesPerKind; i++)
        {
            var tag = tagsByFrequency[5 + random.Next(45)];
            Add("tag+word", $"tag:{tag} {common[QueriesPerKind + i]}", [[common[QueriesPerKind + i]]], tags: [tag]);
        }
        for (var i = 0; i < QueriesPerKind; i++)
        {
            var (a, b, c) = (common[2 * QueriesPerKind + i], common[i], medium[2 * QueriesPerKind + i]);
            Add("not", $"{a} {b} -{c}", [[a], [b]], excluded: [c]);
        }
        for (var i = 0; i < QueriesPerKind; i++)
        {
            var (a, b) = (medium[3 * QueriesPerKind + i], medium[i]);
            var color = Colors[random.Next(Colors.Length)];
            Add("or+color", $"{a} OR {b} color:{color}", [[a, b]], color: color);
        }
        // As typed: every prefix of ten realistic queries, read as search-as-you-type reads it
        // (AsYouType.Query: the last word a prefix, a one-letter last word left out).
        foreach (var typed in TypedQueries)
        {
            for (var length = 1; length <= typed.Length; length++)
            {
                var text = AsYouType.Query(typed[..length]);
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new List<string> { w.TrimEnd('*') }).ToList();
                Add("as-typed", text, words);
            }
        }
        return specs;
    }

    private static Corpus Generate(SqliteConnection connection, Random random, int articleCount, int annotationCount)
    {
        var vocabulary = BuildVocabulary(random);
        var wordSampler = new ZipfSampler(vocabulary.Length, 1.0, 2.7);
        var tagNames = BuildTags(random, vocabulary);
        var tagSampler = new ZipfSampler(tagNames.Length, 0.9, 3.0);
        var epoch = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var userIds = Enumerable.Range(1, Users).Select(i => new Guid(i, 0, 0, new byte[8]).ToString()).ToArray();
        using (var transaction = connection.BeginTransaction())
        {
            using var command = PreparedInserts.Prepare(connection, transaction, """
                INSERT INTO AspNetUsers (Id, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                    PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled,
                    LockoutEnd, LockoutEnabled, AccessFailedCount, DisplayName, NormalizedDisplayName)
                VALUES ($id, $created, $email, $normalized, $email, $normalized, 1, NULL, $stamp, $stamp, NULL, 0, 0, NULL, 1, 0, $name, upper($name))
                """, "$id", "$created", "$email", "$normalized", "$stamp", "$name");
            for (var i = 0; i < Users; i++)
            {
                var email = $"reader{i + 1}@example.org";
                PreparedInserts.Bind(command, userIds[i], PreparedInserts.Date(epoch), email, email.ToUpperInvariant(), Guid.NewGuid().ToString("N").ToUpperInvariant(), $"reader-{i + 1}");
            }
            transaction.Commit();
        }

        // Articles: ~800 words each, sentences and paragraphs; words kept as indices for the quotes.
        var articleWords = new int[articleCount][];
        var articleTexts = new string[articleCount];
        var wordStarts = new int[articleCount][];
        using (var transaction = connection.BeginTransaction())
        {
            using var article = PreparedInserts.Prepare(connection, transaction,
                // Shared, as the seeds are: in every reader's library, so the library filter keeps
                // what visibility alone allows (public or one's own) and the floor's condition holds.
                "INSERT INTO Articles (Id, Slug, SourceKey, CreatedAt, Shared) VALUES ($id, $slug, $key, $created, 1)",
                "$id", "$slug", "$key", "$created");
            using var revision = PreparedInserts.Prepare(connection, transaction, """
                INSERT INTO ArticleRevisions (Id, ArticleId, Number, ContentHash, RawSource, SourceFormat, Title, Dateline, Text, WordCount, ReadingMinutes, IngestedAt)
                VALUES ($id, $id, 1, $hash, $text, 'text/plain', $title, $dateline, $text, $words, $minutes, $created)
                """, "$id", "$hash", "$text", "$title", "$dateline", "$words", "$minutes", "$created");
            for (var i = 0; i < articleCount; i++)
            {
                var words = Enumerable.Range(0, WordsPerArticle).Select(_ => wordSampler.Next(random)).ToArray();
                var (text, starts) = ArticleText(vocabulary, words, random);
                articleWords[i] = words;
                articleTexts[i] = text;
                wordStarts[i] = starts;
                var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => vocabulary[wordSampler.Next(random)]));
                var created = PreparedInserts.Date(epoch.AddMinutes(random.Next(2 * 365 * 24 * 60)));
                PreparedInserts.Bind(article, i + 1, $"article-{i + 1}", $"bench/article-{i + 1}.txt", created);
                PreparedInserts.Bind(revision, i + 1, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), text,
                    char.ToUpperInvariant(title[0]) + title[1..], "HARBOURTON, " + created[..10], WordsPerArticle, WordsPerArticle / 230 + 1, created);
            }
            transaction.Commit();
        }

        var documentFrequency = new int[vocabulary.Length];
        var lastSeen = new int[vocabulary.Length];
        Array.Fill(lastSeen, -1);
        var tagFrequency = new int[tagNames.Length];
        var notes = new List<int[]>(annotationCount);
        var visible = new List<bool>(annotationCount);
        const int Batch = 10_000;
        SqliteTransaction? batch = null;
        SqliteCommand? insert = null;
        SqliteCommand? insertTag = null;
        try
        {
            for (var i = 0; i < annotationCount; i++)
            {
                if (i % Batch == 0)
                {
                    batch?.Commit();
                    batch?.Dispose();
                    insert?.Dispose();
                    insertTag?.Dispose();
                    batch = connection.BeginTransaction();
                    insert = PreparedInserts.Prepare(connection, batch, """
                        INSERT INTO Annotations (Seq, Id, ArticleId, OwnerId, Visibility, Color, Note, NoteHtml, TagsText, Exact, Prefix, Suffix,
                            MadeOnRevision, AnchoredRevision, AnchorStatus, Start, End, Created, Modified, Version)
                        VALUES ($seq, $id, $article, $owner, $visibility, $color, $note, $noteHtml, $tags, $exact, $prefix, $suffix,
                            1, 1, 'Anchored', $start, $end, $created, $created, 1)
                        """, "$seq", "$id", "$article", "$owner", "$visibility", "$color", "$note", "$noteHtml", "$tags", "$exact", "$prefix", "$suffix", "$start", "$end", "$created");
                    insertTag = PreparedInserts.Prepare(connection, batch, "INSERT INTO AnnotationTags (AnnotationId, Name) VALUES ($id, $name)", "$id", "$name");
                }

                var a = random.Next(articleCount);
                var text = articleTexts[a];
                var first = random.Next(WordsPerArticle - 31);
                var count = random.Next(3, 31);
                var start = wordStarts[a][first];
                var end = wordStarts[a][first + count - 1] + vocabulary[articleWords[a][first + count - 1]].Length;
                int[] note = random.NextDouble() < 0.7
                    ? Enumerable.Range(0, random.Next(5, 41)).Select(_ => wordSampler.Next(random)).ToArray()
                    : [];
                notes.Add(note);
                foreach (var w in articleWords[a].AsSpan(first, count))
                {
                    Count(w);
                }
                foreach (var w in note)
                {
                    Count(w);
                }
                void Count(int w)
                {
                    if (lastSeen[w] != i)
                    {
                        lastSeen[w] = i;
                        documentFrequency[w]++;
                    }
                }
                var tagCount = random.NextDouble() switch { < 0.25 => 0, < 0.60 => 1, < 0.85 => 2, _ => 3 };
                var tags = new List<string>();
                while (tags.Count < tagCount)
                {
                    var t = tagSampler.Next(random);
                    if (!tags.Contains(tagNames[t]))
                    {
                        tags.Add(tagNames[t]);
                        tagFrequency[t]++;
                    }
                }
                string? noteText = note.Length == 0 ? null : NoteText(vocabulary, note);
                var id = Guid.NewGuid().ToString().ToUpperInvariant();
                var owner = random.Next(Users);
                var isPublic = random.NextDouble() < 0.2;
                visible.Add(isPublic || owner == 0);
                PreparedInserts.Bind(insert!, i + 1L, id, a + 1, userIds[owner], isPublic ? "Public" : "Private",
                    Colors[random.Next(Colors.Length)], noteText, noteText is null ? null : "<p>" + System.Net.WebUtility.HtmlEncode(noteText) + "</p>",
                    string.Join('\n', tags), text[start..end], text[Math.Max(0, start - 32)..start], text[end..Math.Min(text.Length, end + 32)],
                    start, end, PreparedInserts.Date(epoch.AddSeconds(random.Next(2 * 365 * 24 * 3600))));
                foreach (var tag in tags)
                {
                    PreparedInserts.Bind(insertTag!, id, tag);
                }
            }
            batch?.Commit();
        }
        finally
        {
            insert?.Dispose();
            insertTag?.Dispose();
            batch?.Dispose();
        }
        return new Corpus
        {
            Vocabulary = vocabulary,
            DocumentFrequency = documentFrequency,
            TagNames = tagNames,
            TagFrequency = tagFrequency,
            Notes = notes,
            VisibleToFirstUser = visible,
            UserIds = userIds,
        };
    }

    /// <summary>The real words first, commonest first, then synthetic ones mixed among the rarer real ones.</summary>
    private static string[] BuildVocabulary(Random random)
    {
        var seen = new HashSet<string>(RealWords, StringComparer.OrdinalIgnoreCase);
        var synthetic = new List<string>();
        while (synthetic.Count < SyntheticWords)
        {
            var word = string.Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (seen.Add(word))
            {
                synthetic.Add(word);
            }
        }
        var rest = RealWords.Skip(50).Concat(synthetic).OrderBy(_ => random.Next());
        return [.. RealWords.Take(50), .. rest];
    }

    private static string[] BuildTags(Random random, string[] vocabulary)
    {
        var seen = new HashSet<string>(vocabulary, StringComparer.OrdinalIgnoreCase);
        var tags = new List<string>(RealTags);
        seen.UnionWith(RealTags);
        while (tags.Count < Tags)
        {
            var tag = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)])) + "tag";
            if (seen.Add(tag))
            {
                tags.Add(tag);
            }
        }
        return [.. tags.OrderBy(_ => random.Next())];
    }

    private static (string Text, int[] Starts) ArticleText(string[] vocabulary, int[] words, Random random)
    {
        var text = new StringBuilder();
        var starts = new int[words.Length];
        var sentenceLeft = 0;
        var sentences = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = vocabulary[words[i]];
            if (sentenceLeft == 0)
            {
                if (i > 0)
                {
                    text.Append('.');
                    text.Append(++sentences % 5 == 0 ? "\n\n" : " ");
                }
                sentenceLeft = random.Next(8, 21);
                starts[i] = text.Length;
                text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                text.Append(random.Next(12) == 0 ? ", " : " ");
                starts[i] = text.Length;
                text.Append(word);
            }
            sentenceLeft--;
        }
        text.Append('.');
        return (text.ToString(), starts);
    }

    private static string NoteText(string[] vocabulary, int[] note)
    {
        var text = string.Join(' ', note.Select(w => vocabulary[w]));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }


    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Draws rank r with probability proportional to 1 / (r + shift)^exponent.</summary>
    private sealed class ZipfSampler
    {
        private readonly double[] _cumulative;

        public ZipfSampler(int count, double exponent, double shift)
        {
            _cumulative = new double[count];
            var sum = 0.0;
            for (var r = 0; r < count; r++)
            {
                sum += 1.0 / Math.Pow(r + shift, exponent);
                _cumulative[r] = sum;
            }
            for (var r = 0; r < count; r++)
            {
                _cumulative[r] /= sum;
            }
        }

        public int Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }
}
