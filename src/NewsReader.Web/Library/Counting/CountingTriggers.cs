namespace NewsReader.Web.Library.Counting;

/// <summary>
/// The database triggers that keep the sidebar's counts (<see cref="LibraryViewCount"/>,
/// <see cref="FeedUnreadCount"/>, <see cref="LibrarySiteCount"/>) as every write happens, on
/// both engines, whichever code path or app instance writes. Counting a library of fifty
/// thousand articles on each page costs tens of milliseconds; keeping the counts costs a few
/// indexed updates per write.
///
/// Two layers. The source tables' triggers keep <see cref="LibraryMember"/>: a row per reader
/// and article with the number of ways the article comes into the library (each pair of a
/// subscription or shared feed and one of its items, the shared collection, the reader's own
/// entry: each pair is added when it starts to exist and taken away when it stops, whichever
/// row goes first) and the facts the views count by. The member table's own triggers turn each
/// change of a member into the changes of the counts: what the row counted before is taken
/// away and what it counts now is added.
///
/// The statements are written once in SQL both engines run (CASE for booleans, upserts,
/// IS DISTINCT FROM) and wrapped per engine: SQLite's CREATE TRIGGER … BEGIN … END, and a
/// PL/pgSQL function per trigger on PostgreSQL. SQLite allows no WITH inside a trigger.
/// </summary>
public static class CountingTriggers
{
    /// <param name="Guard">A condition with a subquery, which SQLite may put in WHEN and PostgreSQL only in the body.</param>
    private sealed record Trigger(string Name, string Table, string Timing, string Event, string? When, IReadOnlyList<string> Statements, string? Guard = null);

    private const string Members = "\"LibraryMembers\"";

    /// <summary>The tables only these triggers write: a copy of the database leaves them to the triggers.</summary>
    public static readonly IReadOnlySet<string> KeptTables = new HashSet<string>(StringComparer.Ordinal)
    {
        "LibraryMembers", "LibraryViewCounts", "LibrarySiteCounts", "FeedUnreadCounts", "CountingBatches",
    };

    /// <summary>The DDL that creates every trigger, for the engine's migration.</summary>
    public static string Create(DatabaseProvider provider) =>
        string.Join("\n", All().Select(t => provider == DatabaseProvider.Postgres ? ForPostgres(t) : ForSqlite(t)));

    /// <summary>The DDL that drops every trigger, for the migration's Down.</summary>
    public static string Drop(DatabaseProvider provider) =>
        string.Join("\n", All().Select(t => provider == DatabaseProvider.Postgres
            ? $"DROP TRIGGER IF EXISTS {t.Name} ON \"{t.Table}\"; DROP FUNCTION IF EXISTS {t.Name}();"
            : $"DROP TRIGGER IF EXISTS {t.Name};"));

    /// <summary>
    /// Throws every kept count away and counts again from the source tables: the members are
    /// made anew in one statement and their triggers add them up, so a recount and the everyday
    /// path share one definition of what each row counts.
    /// </summary>
    public static readonly string Rebuild = $"""
        DELETE FROM "CountingBatches";
        DELETE FROM "FeedUnreadCounts";
        DELETE FROM "LibrarySiteCounts";
        DELETE FROM "LibraryViewCounts";
        DELETE FROM {Members};
        INSERT INTO "LibraryViewCounts" ("UserId", "Articles", "Unread", "Favorites", "Annotated", "Updated", "Archived")
        SELECT u."Id", 0, 0, 0, 0, 0, 0 FROM "AspNetUsers" u;
        INSERT INTO "FeedUnreadCounts" ("UserId", "FeedId", "Unread") SELECT s."UserId", s."FeedId", 0 FROM "Subscriptions" s;
        {AddPaths("""
            SELECT p."UserId", p."ArticleId", SUM(p."Paths") AS "Paths" FROM (
                SELECT s."UserId", i."ArticleId", 1 AS "Paths" FROM "Subscriptions" s JOIN "FeedItems" i ON i."FeedId" = s."FeedId"
                UNION ALL SELECT u."Id", i."ArticleId", 1 FROM "AspNetUsers" u CROSS JOIN "FeedItems" i JOIN "Feeds" f ON f."Id" = i."FeedId" WHERE f."Shared"
                UNION ALL SELECT u."Id", a."Id", 1 FROM "AspNetUsers" u CROSS JOIN "Articles" a WHERE a."Shared"
                UNION ALL SELECT e."UserId", e."ArticleId", 1 FROM "LibraryEntries" e WHERE NOT e."Removed") p
            GROUP BY p."UserId", p."ArticleId"
            """)};
        """;

    private static IEnumerable<Trigger> All()
    {
        // The members' own triggers: a member's change becomes the counts' change.
        // An update fires only the triggers of the counts it changes: marking an article read
        // touches its views and its feeds' unread counts, never its site's. Each update trigger
        // names the columns it reads, because SQLite builds every trigger a statement could fire
        // into that statement each time it is prepared: a new note's "Annotated" fact used to
        // bring in all three of these, the larger part of preparing an annotation's insert or delete.
        yield return new("library_members_insert", "LibraryMembers", "AFTER", "INSERT", null, [ViewsCounted(null, "NEW"), FeedsCounted(null, "NEW"), .. SitesCounted(null, "NEW")]);
        yield return new("library_members_delete", "LibraryMembers", "AFTER", "DELETE", null, [ViewsCounted("OLD", null), FeedsCounted("OLD", null), .. SitesCounted("OLD", null)]);
        yield return new("library_members_update_views", "LibraryMembers", "AFTER", UpdateOf("Paths", "Removed", "Read", "Archived", "Favorite", "Updated"),
            string.Join(" OR ", Views.Select(v => $"{UpdateDelta(v)} <> 0")), [ViewsChanged(UpdateDelta, "NEW")], NotInABulkChange);
        yield return new("library_members_update_annotated", "LibraryMembers", "AFTER", UpdateOf("Annotated"),
            $"OLD.\"Annotated\" <> NEW.\"Annotated\" AND {InLibrary("OLD")}",
            [$"""UPDATE "LibraryViewCounts" SET "Annotated" = "Annotated" + {Delta("OLD", "NEW", r => $"{r}.\"Annotated\"")} WHERE "UserId" = NEW."UserId" """],
            NotInABulkChange);
        yield return new("library_members_update_feeds", "LibraryMembers", "AFTER", UpdateOf("Paths", "Removed", "Read", "Archived"),
            $"{Delta("OLD", "NEW", Unread)} <> 0", [FeedsCounted("OLD", "NEW")], NotInABulkChange);
        yield return new("library_members_update_sites", "LibraryMembers", "AFTER", UpdateOf("Paths", "Removed", "SiteName"),
            $"{Bit("OLD", InLibrary)} <> {Bit("NEW", InLibrary)} OR OLD.\"SiteName\" IS DISTINCT FROM NEW.\"SiteName\"", [.. SitesCounted("OLD", "NEW")], NotInABulkChange);

        // A feed item brings its article to the feed's followers, and to everyone when the feed is shared.
        yield return new("library_feed_items_insert", "FeedItems", "AFTER", "INSERT", null, ItemAdded("NEW"));
        yield return new("library_feed_items_delete", "FeedItems", "AFTER", "DELETE", null, ItemGone("OLD"));
        yield return new("library_feed_items_update", "FeedItems", "AFTER", "UPDATE OF \"FeedId\", \"ArticleId\"",
            "OLD.\"FeedId\" <> NEW.\"FeedId\" OR OLD.\"ArticleId\" <> NEW.\"ArticleId\"", [.. ItemGone("OLD"), .. ItemAdded("NEW")]);

        // Following a feed brings all its items; its unread count starts from a count of them.
        yield return new("library_subscriptions_insert", "Subscriptions", "AFTER", "INSERT", null,
        [
            AddPaths("""SELECT NEW."UserId" AS "UserId", i."ArticleId", COUNT(*) AS "Paths" FROM "FeedItems" i WHERE i."FeedId" = NEW."FeedId" GROUP BY i."ArticleId" """),
            $"""
            INSERT INTO "FeedUnreadCounts" ("UserId", "FeedId", "Unread")
            VALUES (NEW."UserId", NEW."FeedId", (SELECT COUNT(DISTINCT i."ArticleId") FROM "FeedItems" i
                JOIN {Members} m ON m."UserId" = NEW."UserId" AND m."ArticleId" = i."ArticleId" WHERE i."FeedId" = NEW."FeedId" AND {Unread("m")}))
            ON CONFLICT ("UserId", "FeedId") DO UPDATE SET "Unread" = excluded."Unread"
            """,
        ]);
        yield return new("library_subscriptions_delete", "Subscriptions", "AFTER", "DELETE", null,
        [
            """DELETE FROM "FeedUnreadCounts" WHERE "UserId" = OLD."UserId" AND "FeedId" = OLD."FeedId" """,
            $"""
            UPDATE {Members} SET "Paths" = "Paths" - (SELECT COUNT(*) FROM "FeedItems" i WHERE i."FeedId" = OLD."FeedId" AND i."ArticleId" = {Members}."ArticleId")
            WHERE "UserId" = OLD."UserId" AND "ArticleId" IN (SELECT i."ArticleId" FROM "FeedItems" i WHERE i."FeedId" = OLD."FeedId")
            """,
            RemoveEmpty("""WHERE "UserId" = OLD."UserId" AND "ArticleId" IN (SELECT i."ArticleId" FROM "FeedItems" i WHERE i."FeedId" = OLD."FeedId")"""),
        ]);

        // A shared feed's items are in every library.
        yield return new("library_feeds_shared", "Feeds", "AFTER", "UPDATE OF \"Shared\"", "OLD.\"Shared\" IS DISTINCT FROM NEW.\"Shared\"",
        [
            AddPaths("""SELECT u."Id" AS "UserId", i."ArticleId", COUNT(*) AS "Paths" FROM "AspNetUsers" u CROSS JOIN "FeedItems" i WHERE i."FeedId" = NEW."Id" AND NEW."Shared" GROUP BY u."Id", i."ArticleId" """),
            $"""
            UPDATE {Members} SET "Paths" = "Paths" - (SELECT COUNT(*) FROM "FeedItems" i WHERE i."FeedId" = NEW."Id" AND i."ArticleId" = {Members}."ArticleId")
            WHERE OLD."Shared" AND "ArticleId" IN (SELECT i."ArticleId" FROM "FeedItems" i WHERE i."FeedId" = NEW."Id")
            """,
            RemoveEmpty("""WHERE OLD."Shared" AND "ArticleId" IN (SELECT i."ArticleId" FROM "FeedItems" i WHERE i."FeedId" = NEW."Id")"""),
        ]);

        // Deleting a feed or an article cascades to several tables at once, and PostgreSQL runs the
        // cascades' row triggers when all of them are done, when neither side of a pair is there to
        // be counted away. So the rows are deleted here first, one table after the other: a feed's
        // items while its followers and its sharing still count them, then its subscriptions; an
        // article's members while its feed items still say which feeds counted it.
        yield return new("library_feeds_delete", "Feeds", "BEFORE", "DELETE", null,
        [
            """DELETE FROM "FeedItems" WHERE "FeedId" = OLD."Id" """,
            """DELETE FROM "Subscriptions" WHERE "FeedId" = OLD."Id" """,
        ]);
        yield return new("library_articles_delete", "Articles", "BEFORE", "DELETE", null, [$"""DELETE FROM {Members} WHERE "ArticleId" = OLD."Id" """]);

        // The shared collection is in every library.
        yield return new("library_articles_insert", "Articles", "AFTER", "INSERT", "NEW.\"Shared\"",
            [AddPaths("""SELECT u."Id" AS "UserId", NEW."Id" AS "ArticleId", 1 AS "Paths" FROM "AspNetUsers" u""")]);
        yield return new("library_articles_shared", "Articles", "AFTER", "UPDATE OF \"Shared\"", "OLD.\"Shared\" IS DISTINCT FROM NEW.\"Shared\"",
        [
            AddPaths("""SELECT u."Id" AS "UserId", NEW."Id" AS "ArticleId", 1 AS "Paths" FROM "AspNetUsers" u WHERE NEW."Shared" """),
            $"""UPDATE {Members} SET "Paths" = "Paths" - 1 WHERE "ArticleId" = NEW."Id" AND OLD."Shared" """,
            RemoveEmpty("""WHERE "ArticleId" = NEW."Id" """),
        ]);

        // A reader's own entry: a saved page, or the tombstone of one they took out.
        yield return new("library_entries_insert", "LibraryEntries", "AFTER", "INSERT", null,
        [
            $"""UPDATE {Members} SET "Removed" = NEW."Removed" WHERE "UserId" = NEW."UserId" AND "ArticleId" = NEW."ArticleId" """,
            AddPaths("""SELECT NEW."UserId" AS "UserId", NEW."ArticleId" AS "ArticleId", CASE WHEN NEW."Removed" THEN 0 ELSE 1 END AS "Paths" """),
        ]);
        yield return new("library_entries_update", "LibraryEntries", "AFTER", "UPDATE", "OLD.\"Removed\" IS DISTINCT FROM NEW.\"Removed\"",
        [
            $"""
            UPDATE {Members} SET "Removed" = NEW."Removed",
                "Paths" = "Paths" + (CASE WHEN NEW."Removed" THEN 0 ELSE 1 END) - (CASE WHEN OLD."Removed" THEN 0 ELSE 1 END)
            WHERE "UserId" = NEW."UserId" AND "ArticleId" = NEW."ArticleId"
            """,
            AddPaths("""SELECT NEW."UserId" AS "UserId", NEW."ArticleId" AS "ArticleId", 1 AS "Paths" WHERE NOT NEW."Removed" AND NOT EXISTS (SELECT 1 FROM "LibraryMembers" m WHERE m."UserId" = NEW."UserId" AND m."ArticleId" = NEW."ArticleId")"""),
            RemoveEmpty("""WHERE "UserId" = NEW."UserId" AND "ArticleId" = NEW."ArticleId" """),
        ]);
        yield return new("library_entries_delete", "LibraryEntries", "AFTER", "DELETE", null,
        [
            $"""
            UPDATE {Members} SET "Removed" = FALSE, "Paths" = "Paths" - (CASE WHEN OLD."Removed" THEN 0 ELSE 1 END)
            WHERE "UserId" = OLD."UserId" AND "ArticleId" = OLD."ArticleId"
            """,
            RemoveEmpty("""WHERE "UserId" = OLD."UserId" AND "ArticleId" = OLD."ArticleId" """),
        ]);

        // The facts the views count by.
        yield return new("library_reading_states_insert", "ReadingStates", "AFTER", "INSERT", null, [StateFacts("NEW")], NotInABulkChange);
        yield return new("library_reading_states_update", "ReadingStates", "AFTER", "UPDATE",
            """OLD."Read" IS DISTINCT FROM NEW."Read" OR OLD."Archived" IS DISTINCT FROM NEW."Archived" OR OLD."Favorite" IS DISTINCT FROM NEW."Favorite" OR OLD."SeenRevision" IS DISTINCT FROM NEW."SeenRevision" """,
            [StateFacts("NEW")], NotInABulkChange);
        yield return new("library_reading_states_delete", "ReadingStates", "AFTER", "DELETE", null,
            [$"""UPDATE {Members} SET "Read" = FALSE, "Archived" = FALSE, "Favorite" = FALSE, "Updated" = FALSE WHERE "UserId" = OLD."UserId" AND "ArticleId" = OLD."ArticleId" """]);
        yield return new("library_annotations_insert", "Annotations", "AFTER", "INSERT", null, [AnnotatedFact("NEW")]);
        yield return new("library_annotations_delete", "Annotations", "AFTER", "DELETE", null, [AnnotatedFact("OLD")]);
        yield return new("library_annotations_update", "Annotations", "AFTER", "UPDATE OF \"OwnerId\", \"ArticleId\"",
            "OLD.\"OwnerId\" <> NEW.\"OwnerId\" OR OLD.\"ArticleId\" <> NEW.\"ArticleId\"", [AnnotatedFact("OLD"), AnnotatedFact("NEW")]);
        yield return new("library_revisions_insert", "ArticleRevisions", "AFTER", "INSERT", null, [RevisionFacts("NEW")]);
        yield return new("library_revisions_update", "ArticleRevisions", "AFTER", "UPDATE OF \"SiteName\"", null, [RevisionFacts("NEW")]);
        yield return new("library_revisions_delete", "ArticleRevisions", "AFTER", "DELETE", null, [RevisionFacts("OLD")]);

        // A new reader has the shared collection from the start.
        yield return new("library_users_insert", "AspNetUsers", "AFTER", "INSERT", null,
        [
            """INSERT INTO "LibraryViewCounts" ("UserId", "Articles", "Unread", "Favorites", "Annotated", "Updated", "Archived") VALUES (NEW."Id", 0, 0, 0, 0, 0, 0)""",
            AddPaths("""
                SELECT NEW."Id" AS "UserId", s."ArticleId", SUM(s."Paths") AS "Paths" FROM (
                    SELECT a."Id" AS "ArticleId", 1 AS "Paths" FROM "Articles" a WHERE a."Shared"
                    UNION ALL SELECT i."ArticleId", 1 FROM "FeedItems" i JOIN "Feeds" f ON f."Id" = i."FeedId" WHERE f."Shared") s
                GROUP BY s."ArticleId"
                """),
        ]);
    }

    /// <summary>A bulk change (<see cref="BulkCounting"/>) counts its own members and writes their facts itself, all at once.</summary>
    private const string NotInABulkChange =
        """NOT EXISTS (SELECT 1 FROM "CountingBatches" b WHERE b."UserId" = NEW."UserId" AND b."ArticleId" = NEW."ArticleId")""";

    internal static string InLibrary(string row) => $"({row}.\"Paths\" > 0 AND NOT {row}.\"Removed\")";

    internal static string Unread(string row) => $"{InLibrary(row)} AND NOT {row}.\"Read\" AND NOT {row}.\"Archived\"";

    /// <summary>What each count of <see cref="LibraryViewCount"/> counts a member by.</summary>
    internal static readonly (string Column, Func<string, string> Counts)[] Views =
    [
        ("Articles", InLibrary),
        ("Unread", Unread),
        ("Favorites", r => $"{InLibrary(r)} AND {r}.\"Favorite\""),
        ("Annotated", r => $"{InLibrary(r)} AND {r}.\"Annotated\""),
        ("Updated", r => $"{InLibrary(r)} AND {r}.\"Updated\""),
        ("Archived", r => $"{InLibrary(r)} AND {r}.\"Archived\""),
    ];

    private static string Bit(string? row, Func<string, string> condition) => row is null ? "0" : $"(CASE WHEN {condition(row)} THEN 1 ELSE 0 END)";

    private static string Delta(string? before, string? after, Func<string, string> condition) => $"({Bit(after, condition)} - {Bit(before, condition)})";

    /// <summary>Takes away what the member counted in its reader's views (<paramref name="before"/>) and adds what it counts now (<paramref name="after"/>); null is no row.</summary>
    private static string ViewsCounted(string? before, string? after) => ViewsChanged(v => Delta(before, after, v.Counts), after ?? before!);

    private static string ViewsChanged(Func<(string Column, Func<string, string> Counts), string> delta, string row) => $"""
        UPDATE "LibraryViewCounts" SET {string.Join(", ", Views.Select(v => $"\"{v.Column}\" = \"{v.Column}\" + {delta(v)}"))}
        WHERE "UserId" = {row}."UserId" AND ({string.Join(" OR ", Views.Select(v => $"{delta(v)} <> 0"))})
        """;

    private static string UpdateOf(params string[] columns) => $"UPDATE OF {string.Join(", ", columns.Select(c => $"\"{c}\""))}";

    /// <summary>
    /// A member's change in the views' counts, for library_members_update_views. "Annotated" moves
    /// here only with whether the article is in the library, its note fact taken as it is now;
    /// library_members_update_annotated moves it with the note fact, under the membership as it
    /// was. The two parts add up to the whole change, whichever of the two triggers a statement
    /// fires: the part of a trigger that does not fire is zero.
    /// </summary>
    private static string UpdateDelta((string Column, Func<string, string> Counts) view) => view.Column == "Annotated"
        ? $"({Bit("NEW", r => $"{InLibrary(r)} AND NEW.\"Annotated\"")} - {Bit("OLD", r => $"{InLibrary(r)} AND NEW.\"Annotated\"")})"
        : Delta("OLD", "NEW", view.Counts);

    /// <summary>The same for the unread counts of the reader's feeds that hold the article.</summary>
    private static string FeedsCounted(string? before, string? after) => $"""
        UPDATE "FeedUnreadCounts" SET "Unread" = "Unread" + {Delta(before, after, Unread)}
        WHERE "UserId" = {(after ?? before)}."UserId" AND {Delta(before, after, Unread)} <> 0
          AND "FeedId" IN (SELECT fi."FeedId" FROM "FeedItems" fi WHERE fi."ArticleId" = {(after ?? before)}."ArticleId")
        """;

    /// <summary>The same for the reader's site counts.</summary>
    private static IEnumerable<string> SitesCounted(string? before, string? after)
    {
        if (before is not null)
        {
            yield return $"""
                UPDATE "LibrarySiteCounts" SET "Articles" = "Articles" - 1
                WHERE "UserId" = {before}."UserId" AND "SiteName" = {before}."SiteName" AND {InLibrary(before)}
                """;
        }
        if (after is not null)
        {
            // The reader's row is gone when the member goes with the reader's account.
            yield return $"""
                INSERT INTO "LibrarySiteCounts" ("UserId", "SiteName", "Articles")
                SELECT {after}."UserId", {after}."SiteName", 1
                WHERE {InLibrary(after)} AND {after}."SiteName" IS NOT NULL
                  AND EXISTS (SELECT 1 FROM "AspNetUsers" u WHERE u."Id" = {after}."UserId")
                ON CONFLICT ("UserId", "SiteName") DO UPDATE SET "Articles" = "LibrarySiteCounts"."Articles" + 1
                """;
        }
    }

    /// <summary>
    /// Adds paths from <paramref name="source"/> (rows of "UserId", "ArticleId", "Paths", each
    /// pair once), making a member where there was none with its facts read from their tables.
    /// In the readers' order, so two writers that both reach several readers' counts on
    /// PostgreSQL take their row locks in one order and cannot deadlock.
    /// </summary>
    private static string AddPaths(string source) => $"""
        INSERT INTO {Members} ("UserId", "ArticleId", "Paths", "Removed", "Read", "Archived", "Favorite", "Annotated", "Updated", "SiteName")
        SELECT x."UserId", x."ArticleId", x."Paths",
            {Exists("""SELECT 1 FROM "LibraryEntries" fe WHERE fe."UserId" = x."UserId" AND fe."ArticleId" = x."ArticleId" AND fe."Removed" """)},
            {Exists("""SELECT 1 FROM "ReadingStates" fs WHERE fs."UserId" = x."UserId" AND fs."ArticleId" = x."ArticleId" AND fs."Read" """)},
            {Exists("""SELECT 1 FROM "ReadingStates" fs WHERE fs."UserId" = x."UserId" AND fs."ArticleId" = x."ArticleId" AND fs."Archived" """)},
            {Exists("""SELECT 1 FROM "ReadingStates" fs WHERE fs."UserId" = x."UserId" AND fs."ArticleId" = x."ArticleId" AND fs."Favorite" """)},
            {Exists("""SELECT 1 FROM "Annotations" fn WHERE fn."OwnerId" = x."UserId" AND fn."ArticleId" = x."ArticleId" """)},
            {Exists("""SELECT 1 FROM "ReadingStates" fs WHERE fs."UserId" = x."UserId" AND fs."ArticleId" = x."ArticleId" AND fs."SeenRevision" < (SELECT MAX(fr."Number") FROM "ArticleRevisions" fr WHERE fr."ArticleId" = x."ArticleId")""")},
            (SELECT fr."SiteName" FROM "ArticleRevisions" fr WHERE fr."ArticleId" = x."ArticleId" ORDER BY fr."Number" DESC LIMIT 1)
        FROM ({source}) x
        WHERE x."Paths" > 0
        ORDER BY x."UserId", x."ArticleId"
        ON CONFLICT ("UserId", "ArticleId") DO UPDATE SET "Paths" = {Members}."Paths" + excluded."Paths", "Removed" = excluded."Removed"
        """;

    private static string Exists(string query) => $"CASE WHEN EXISTS ({query}) THEN TRUE ELSE FALSE END";

    /// <summary>Members no path brings any more, and no tombstone holds, are dropped.</summary>
    private static string RemoveEmpty(string where) => $"""DELETE FROM {Members} {where} AND "Paths" <= 0 AND NOT "Removed" """;

    /// <summary>
    /// A feed item now exists: its feed's followers count the article as unread in that feed
    /// when it was in their library already (were it not, becoming a member counts it), and the
    /// item's paths are added. A second item of the same feed and article changes no count.
    /// </summary>
    private static IReadOnlyList<string> ItemAdded(string item) =>
    [
        $"""
        UPDATE "FeedUnreadCounts" SET "Unread" = "Unread" + 1
        WHERE "FeedId" = {item}."FeedId"
          AND EXISTS (SELECT 1 FROM {Members} m WHERE m."UserId" = "FeedUnreadCounts"."UserId" AND m."ArticleId" = {item}."ArticleId" AND {Unread("m")})
          AND NOT EXISTS (SELECT 1 FROM "FeedItems" o WHERE o."FeedId" = {item}."FeedId" AND o."ArticleId" = {item}."ArticleId" AND o."Id" <> {item}."Id")
        """,
        AddPaths($"""
            SELECT p."UserId", {item}."ArticleId" AS "ArticleId", SUM(p."Paths") AS "Paths" FROM (
                SELECT s."UserId", 1 AS "Paths" FROM "Subscriptions" s WHERE s."FeedId" = {item}."FeedId"
                UNION ALL SELECT u."Id", 1 FROM "AspNetUsers" u WHERE EXISTS (SELECT 1 FROM "Feeds" f WHERE f."Id" = {item}."FeedId" AND f."Shared")) p
            GROUP BY p."UserId"
            """),
    ];

    /// <summary>The mirror of <see cref="ItemAdded"/>, with the item's row already gone.</summary>
    private static IReadOnlyList<string> ItemGone(string item)
    {
        var paths = $"""
            (CASE WHEN EXISTS (SELECT 1 FROM "Subscriptions" s WHERE s."UserId" = {Members}."UserId" AND s."FeedId" = {item}."FeedId") THEN 1 ELSE 0 END
             + CASE WHEN EXISTS (SELECT 1 FROM "Feeds" f WHERE f."Id" = {item}."FeedId" AND f."Shared") THEN 1 ELSE 0 END)
            """;
        return
        [
            $"""
            UPDATE "FeedUnreadCounts" SET "Unread" = "Unread" - 1
            WHERE "FeedId" = {item}."FeedId"
              AND EXISTS (SELECT 1 FROM {Members} m WHERE m."UserId" = "FeedUnreadCounts"."UserId" AND m."ArticleId" = {item}."ArticleId" AND {Unread("m")})
              AND NOT EXISTS (SELECT 1 FROM "FeedItems" o WHERE o."FeedId" = {item}."FeedId" AND o."ArticleId" = {item}."ArticleId")
            """,
            $"""UPDATE {Members} SET "Paths" = "Paths" - {paths} WHERE "ArticleId" = {item}."ArticleId" AND {paths} > 0""",
            RemoveEmpty($"""WHERE "ArticleId" = {item}."ArticleId" """),
        ];
    }

    private static string StateFacts(string state) => $"""
        UPDATE {Members} SET "Read" = {state}."Read", "Archived" = {state}."Archived", "Favorite" = {state}."Favorite",
            "Updated" = CASE WHEN {state}."SeenRevision" < (SELECT MAX(r."Number") FROM "ArticleRevisions" r WHERE r."ArticleId" = {state}."ArticleId") THEN TRUE ELSE FALSE END
        WHERE "UserId" = {state}."UserId" AND "ArticleId" = {state}."ArticleId"
        """;

    /// <summary>Whether the reader has a note on the article, written only when that changes (the first note, the last one gone).</summary>
    private static string AnnotatedFact(string annotation) => $"""
        UPDATE {Members} SET "Annotated" = NOT "Annotated"
        WHERE "UserId" = {annotation}."OwnerId" AND "ArticleId" = {annotation}."ArticleId"
          AND "Annotated" <> {Exists($"""SELECT 1 FROM "Annotations" n WHERE n."OwnerId" = {annotation}."OwnerId" AND n."ArticleId" = {annotation}."ArticleId" """)}
        """;

    /// <summary>The current revision decides the site and whether each reader has seen the newest text.</summary>
    private static string RevisionFacts(string revision) => $"""
        UPDATE {Members} SET
            "SiteName" = (SELECT r."SiteName" FROM "ArticleRevisions" r WHERE r."ArticleId" = {revision}."ArticleId" ORDER BY r."Number" DESC LIMIT 1),
            "Updated" = {Exists($"""SELECT 1 FROM "ReadingStates" s WHERE s."UserId" = {Members}."UserId" AND s."ArticleId" = {revision}."ArticleId" AND s."SeenRevision" < (SELECT MAX(r."Number") FROM "ArticleRevisions" r WHERE r."ArticleId" = {revision}."ArticleId")""")}
        WHERE "ArticleId" = {revision}."ArticleId"
        """;

    private static string ForSqlite(Trigger t) => $"""
        CREATE TRIGGER {t.Name} {t.Timing} {t.Event} ON "{t.Table}" FOR EACH ROW{Where(t.When, t.Guard)}
        BEGIN
        {string.Join(";\n", t.Statements)};
        END;
        """;

    private static string ForPostgres(Trigger t) => $"""
        CREATE FUNCTION {t.Name}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
        {(t.Guard is null ? "" : $"IF {t.Guard} THEN\n")}{string.Join(";\n", t.Statements)};{(t.Guard is null ? "" : "\nEND IF;")}
        RETURN {(t.Timing == "BEFORE" ? "OLD" : "NULL")};
        END
        $body$;
        CREATE TRIGGER {t.Name} {t.Timing} {t.Event} ON "{t.Table}" FOR EACH ROW{(t.When is null ? "" : $" WHEN ({t.When})")} EXECUTE FUNCTION {t.Name}();
        """;

    private static string Where(string? when, string? guard) =>
        when is null && guard is null ? "" : $" WHEN {string.Join(" AND ", new[] { when, guard }.OfType<string>().Select(c => $"({c})"))}";
}
