using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Data;

namespace NewsReader.Web.Annotations;

/// <summary>
/// The reader page's <see cref="SlimRowsCache.Stamp"/>: read on every page, it must change with
/// any change to an article's annotations, by any writer (this app, another instance, the command
/// line).
/// <list type="bullet">
/// <item>On SQLite, a token per article, drawn anew (64 random bits) by triggers on every insert,
/// update and delete of an annotation, so a page reads one row whatever the number of notes on
/// the article. A summary of every row (the PostgreSQL way) cost a page a millisecond at 10,000
/// notes, and half its CPU. Random, not counted up: a counter comes back to a value it had after a
/// restore of an older backup (which writes into the live file while the app runs), and the
/// held rows of that value would be shown for another library. SQLite runs one writer at a time
/// anyway, so the row makes no writer wait.</item>
/// <item>On PostgreSQL, concurrent writers on one article would queue on such a row until
/// they commit (and imports that touch several articles could deadlock on them), so the stamp
/// is a summary of every annotation on the article, read from one narrow index. Its token is
/// the table's object id: `pg_restore --clean` (docs/operations.md) makes the table anew, so a
/// restored library, whose sequences start again where the dump left them, never repeats a
/// summary of the one before.</item>
/// </list>
/// </summary>
public static class AnnotationChanges
{
    /// <summary>The SQLite tokens and their triggers (migration AnnotationChangeTokens).</summary>
    public static readonly string CreateSqlite = $"""
        CREATE TABLE annotation_changes ("ArticleId" INTEGER NOT NULL PRIMARY KEY, "Token" INTEGER NOT NULL);
        CREATE TRIGGER annotation_changes_insert AFTER INSERT ON "Annotations" BEGIN
            {Raise("VALUES (NEW.\"ArticleId\", random())")}
        END;
        CREATE TRIGGER annotation_changes_update AFTER UPDATE ON "Annotations" BEGIN
            {Raise("VALUES (NEW.\"ArticleId\", random())")}
            {Raise("SELECT OLD.\"ArticleId\", random() WHERE OLD.\"ArticleId\" <> NEW.\"ArticleId\"")}
        END;
        CREATE TRIGGER annotation_changes_delete AFTER DELETE ON "Annotations" BEGIN
            {Raise("VALUES (OLD.\"ArticleId\", random())")}
        END;
        CREATE TRIGGER annotation_changes_article_delete AFTER DELETE ON "Articles" BEGIN
            DELETE FROM annotation_changes WHERE "ArticleId" = OLD."Id";
        END;
        """;

    /// <summary>A new token for the article the row gives (its first row, if it has one).</summary>
    private static string Raise(string row) =>
        $"""INSERT INTO annotation_changes ("ArticleId", "Token") {row} ON CONFLICT ("ArticleId") DO UPDATE SET "Token" = random();""";

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS annotation_changes_insert;
        DROP TRIGGER IF EXISTS annotation_changes_update;
        DROP TRIGGER IF EXISTS annotation_changes_delete;
        DROP TRIGGER IF EXISTS annotation_changes_article_delete;
        DROP TABLE IF EXISTS annotation_changes;
        """;

    /// <summary>The stamp of the article's annotations and its current revision, as of now.</summary>
    public static Task<SlimRowsCache.Stamp> StampAsync(NewsReaderDb db, int articleId, CancellationToken cancellationToken) =>
        DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres
            ? db.Database.SqlQuery<SlimRowsCache.Stamp>($"""
                SELECT (SELECT MAX(r."Number") FROM "ArticleRevisions" r WHERE r."ArticleId" = {articleId}) AS "Revision",
                       CAST('"Annotations"'::regclass::oid AS bigint) AS "Token", COUNT(*) AS "Count", MAX(a."Seq") AS "LastSeq", SUM(a."Version") AS "Versions",
                       SUM(a."AnchoredRevision") AS "AnchoredRevisions", SUM(COALESCE(a."Start", -1)) AS "Starts", SUM(COALESCE(a."End", -1)) AS "Ends"
                FROM "Annotations" a WHERE a."ArticleId" = {articleId}
                """).SingleAsync(cancellationToken)
            : db.Database.SqlQuery<SlimRowsCache.Stamp>($"""
                SELECT (SELECT MAX(r."Number") FROM "ArticleRevisions" r WHERE r."ArticleId" = {articleId}) AS "Revision",
                       (SELECT c."Token" FROM annotation_changes c WHERE c."ArticleId" = {articleId}) AS "Token",
                       0 AS "Count", NULL AS "LastSeq", NULL AS "Versions", NULL AS "AnchoredRevisions", NULL AS "Starts", NULL AS "Ends"
                """).SingleAsync(cancellationToken);
}
