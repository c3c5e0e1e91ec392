using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <summary>
    /// Full-text search: FTS5 tables over annotations (note, quote, tags) and over each
    /// article's current revision (title, dateline, text), kept in step by triggers so no
    /// code path can forget them. Porter stemming over unicode61 with diacritics removed, so
    /// "Negotiations" finds "negotiate" and "Kishída" finds "Kishida". Prefix indexes for two
    /// and three characters keep `ne*` from merging thousands of terms at query time.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE annotations_fts USING fts5(
                    Note, Exact, TagsText,
                    content='Annotations', content_rowid='Seq',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3');

                CREATE TRIGGER annotations_fts_insert AFTER INSERT ON Annotations BEGIN
                    INSERT INTO annotations_fts(rowid, Note, Exact, TagsText) VALUES (new.Seq, new.Note, new.Exact, new.TagsText);
                END;

                CREATE TRIGGER annotations_fts_delete AFTER DELETE ON Annotations BEGIN
                    INSERT INTO annotations_fts(annotations_fts, rowid, Note, Exact, TagsText) VALUES ('delete', old.Seq, old.Note, old.Exact, old.TagsText);
                END;

                CREATE TRIGGER annotations_fts_update AFTER UPDATE OF Note, Exact, TagsText ON Annotations BEGIN
                    INSERT INTO annotations_fts(annotations_fts, rowid, Note, Exact, TagsText) VALUES ('delete', old.Seq, old.Note, old.Exact, old.TagsText);
                    INSERT INTO annotations_fts(rowid, Note, Exact, TagsText) VALUES (new.Seq, new.Note, new.Exact, new.TagsText);
                END;

                INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');

                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    Title, Dateline, Text,
                    content='ArticleRevisions', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3');

                -- Only the current revision is indexed: a new revision takes the place of the one before it.
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON ArticleRevisions BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, Title, Dateline, Text)
                        SELECT 'delete', Id, Title, Dateline, Text FROM ArticleRevisions
                        WHERE ArticleId = new.ArticleId AND Number = new.Number - 1;
                    INSERT INTO articles_fts(rowid, Title, Dateline, Text) VALUES (new.Id, new.Title, new.Dateline, new.Text);
                END;

                CREATE TRIGGER articles_fts_delete AFTER DELETE ON ArticleRevisions
                WHEN NOT EXISTS (SELECT 1 FROM ArticleRevisions WHERE ArticleId = old.ArticleId AND Number > old.Number) BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, Title, Dateline, Text) VALUES ('delete', old.Id, old.Title, old.Dateline, old.Text);
                END;

                INSERT INTO articles_fts(rowid, Title, Dateline, Text)
                    SELECT r.Id, r.Title, r.Dateline, r.Text FROM ArticleRevisions r
                    WHERE r.Number = (SELECT max(Number) FROM ArticleRevisions WHERE ArticleId = r.ArticleId);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS articles_fts_delete;
                DROP TRIGGER IF EXISTS articles_fts_insert;
                DROP TABLE IF EXISTS articles_fts;
                DROP TRIGGER IF EXISTS annotations_fts_update;
                DROP TRIGGER IF EXISTS annotations_fts_delete;
                DROP TRIGGER IF EXISTS annotations_fts_insert;
                DROP TABLE IF EXISTS annotations_fts;
                """);
        }
    }
}
