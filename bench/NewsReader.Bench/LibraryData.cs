using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// The library verb's data, written straight into a migrated SQLite file (FTS5 triggers and
/// all) with prepared INSERTs: feeds, their items' articles (stored once), readers following
/// some feeds each (reader 2 keeps eight of them in one folder, the view "mark all as read" is
/// timed on), some reading state, and annotations on articles of their owners' libraries.
/// </summary>
internal static class LibraryData
{
    public const int FollowedPerReader = 40;
    public const int FolderFeeds = 8;
    public const string Folder = "busy";

    private static readonly string[] Words =
    [
        "council", "harbour", "plan", "residents", "mayor", "vote", "market", "town", "jobs", "traffic", "budget", "school",
        "river", "bridge", "minister", "report", "police", "hospital", "election", "policy", "housing", "rail", "station",
        "workers", "strike", "court", "ruling", "company", "prices", "energy", "climate", "summit", "officials", "the", "of",
        "and", "to", "in", "a", "said", "on", "after", "before", "while", "announced", "expected", "week", "year", "storm",
    ];

    public sealed record Shape(int Articles, int Feeds, int Readers, int Annotations);

    /// <summary>Writes the data; answers the readers' ids (reader 1 first).</summary>
    public static string[] Generate(SqliteConnection connection, Shape shape, Random random)
    {
        var epoch = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var users = Enumerable.Range(1, shape.Readers).Select(i => new Guid(i, 0, 0, new byte[8]).ToString()).ToArray();
        using (var tx = connection.BeginTransaction())
        {
            using var user = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO AspNetUsers (Id, CreatedAt, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                    PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled,
                    LockoutEnd, LockoutEnabled, AccessFailedCount, DisplayName, NormalizedDisplayName)
                VALUES ($id, $created, $email, $normalized, $email, $normalized, 1, NULL, $id, $id, NULL, 0, 0, NULL, 1, 0, $name, upper($name))
                """, "$id", "$created", "$email", "$normalized", "$name");
            for (var i = 0; i < users.Length; i++)
            {
                PreparedInserts.Bind(user, users[i], PreparedInserts.Date(epoch), $"reader{i + 1}@example.org", $"READER{i + 1}@EXAMPLE.ORG", $"reader-{i + 1}");
            }
            using var feed = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO Feeds (Id, Url, Title, SiteUrl, CreatedAt, ErrorCount, NextPollAt, Shared)
                VALUES ($id, $url, $title, $site, $created, 0, $created, 0)
                """, "$id", "$url", "$title", "$site", "$created");
            for (var f = 1; f <= shape.Feeds; f++)
            {
                PreparedInserts.Bind(feed, f, $"https://site{f}.example/feed.xml", $"Site {f} News", $"https://site{f}.example/", PreparedInserts.Date(epoch));
            }
            using var follow = PreparedInserts.Prepare(connection, tx,
                "INSERT INTO Subscriptions (UserId, FeedId, Title, Folder, CreatedAt) VALUES ($user, $feed, NULL, $folder, $created)",
                "$user", "$feed", "$folder", "$created");
            for (var r = 0; r < users.Length; r++)
            {
                var followed = Enumerable.Range(1, shape.Feeds).OrderBy(_ => random.Next()).Take(Math.Min(FollowedPerReader, shape.Feeds)).ToList();
                for (var k = 0; k < followed.Count; k++)
                {
                    PreparedInserts.Bind(follow, users[r], followed[k], r == 1 && k < FolderFeeds ? Folder : null, PreparedInserts.Date(epoch));
                }
            }
            tx.Commit();
        }

        // Articles: a year of items, spread over the feeds; each stored once, with one revision and its feed item.
        const int Batch = 10_000;
        var span = TimeSpan.FromDays(365).TotalMinutes;
        for (var start = 0; start < shape.Articles; start += Batch)
        {
            using var tx = connection.BeginTransaction();
            using var article = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO Articles (Id, Slug, SourceKey, SourceUrl, CreatedAt, ListedAt, Shared)
                VALUES ($id, $slug, $key, $key, $created, $listed, 0)
                """, "$id", "$slug", "$key", "$created", "$listed");
            using var revision = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO ArticleRevisions (Id, ArticleId, Number, ContentHash, RawSource, SourceFormat, Title, Text, WordCount, ReadingMinutes,
                    IngestedAt, SiteName, Published, Origin)
                VALUES ($id, $id, 1, $hash, $text, 'text/html', $title, $text, $words, $minutes, $created, $site, $listed, 'feed')
                """, "$id", "$hash", "$text", "$title", "$words", "$minutes", "$created", "$site", "$listed");
            using var item = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO FeedItems (Id, FeedId, ItemKey, ContentHash, ArticleId, SeenAt, Attempts)
                VALUES ($id, $feed, $key, $hash, $id, $created, 0)
                """, "$id", "$feed", "$key", "$hash", "$created");
            for (var i = start; i < Math.Min(shape.Articles, start + Batch); i++)
            {
                var id = i + 1;
                var feedId = 1 + random.Next(shape.Feeds);
                var listed = epoch.AddMinutes(random.NextDouble() * span);
                var words = 120 + random.Next(200);
                var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";
                var key = $"https://site{feedId}.example/story/{id}";
                var hash = id.ToString("x16", CultureInfo.InvariantCulture);
                PreparedInserts.Bind(article, id, $"story-{id}", key, PreparedInserts.Date(listed.AddMinutes(5)), PreparedInserts.Date(listed));
                PreparedInserts.Bind(revision, id, hash, text, $"Story {id} from site {feedId}", words, words / 230 + 1, PreparedInserts.Date(listed.AddMinutes(5)), $"Site {feedId}", PreparedInserts.Date(listed));
                PreparedInserts.Bind(item, id, feedId, key, hash, PreparedInserts.Date(listed.AddMinutes(5)));
            }
            tx.Commit();
        }

        // Reader 1 has read a third of everything; annotations fall on articles of followed feeds.
        using (var tx = connection.BeginTransaction())
        {
            using var read = connection.CreateCommand();
            read.Transaction = tx;
            read.CommandText = """
                INSERT INTO ReadingStates (UserId, ArticleId, Read, Archived, Favorite, ProgressOffset, UpdatedAt)
                SELECT s.UserId, i.ArticleId, 1, 0, i.ArticleId % 50 = 0, 0, '2026-01-01 00:00:00'
                FROM Subscriptions s JOIN FeedItems i ON i.FeedId = s.FeedId
                WHERE s.UserId = $user AND i.ArticleId % 3 = 0
                """;
            read.Parameters.AddWithValue("$user", users[0]);
            read.ExecuteNonQuery();
            tx.Commit();
        }
        var libraries = users.Select(u => ArticlesOf(connection, u)).ToArray();
        for (var start = 0; start < shape.Annotations; start += Batch)
        {
            using var tx = connection.BeginTransaction();
            using var insert = PreparedInserts.Prepare(connection, tx, """
                INSERT INTO Annotations (Seq, Id, ArticleId, OwnerId, Visibility, Color, Note, NoteHtml, TagsText, Exact, Prefix, Suffix,
                    MadeOnRevision, AnchoredRevision, AnchorStatus, Start, End, Created, Modified, Version)
                VALUES ($seq, $id, $article, $owner, $visibility, 'yellow', $note, $note, '', $exact, '', '', 1, 1, 'Anchored', 0, $end, $created, $created, 1)
                """, "$seq", "$id", "$article", "$owner", "$visibility", "$note", "$exact", "$end", "$created");
            for (var i = start; i < Math.Min(shape.Annotations, start + Batch); i++)
            {
                var owner = random.Next(users.Length);
                var library = libraries[owner];
                if (library.Length == 0)
                {
                    continue;
                }
                var exact = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Words[random.Next(Words.Length)]));
                PreparedInserts.Bind(insert, i + 1L, Guid.NewGuid().ToString().ToUpperInvariant(), library[random.Next(library.Length)], users[owner],
                    random.Next(4) == 0 ? "Public" : "Private", random.Next(2) == 0 ? "" : $"note on {exact}", exact, exact.Length, PreparedInserts.Date(epoch.AddDays(random.Next(365))));
            }
            tx.Commit();
        }
        return users;
    }

    private static int[] ArticlesOf(SqliteConnection connection, string user)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i.ArticleId FROM Subscriptions s JOIN FeedItems i ON i.FeedId = s.FeedId WHERE s.UserId = $user";
        command.Parameters.AddWithValue("$user", user);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }
        return [.. ids];
    }

}
