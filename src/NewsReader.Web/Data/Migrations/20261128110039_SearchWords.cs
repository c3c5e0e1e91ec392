using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <summary>
    /// The words of every annotation and article revision as written, not stemmed, so a prefix
    /// can be expanded into whole words: the porter tokenizer of the search tables stems a
    /// prefix too (`play*` is searched as `plai*` and misses "player"). Only the vocabulary is
    /// used, through `search_words_vocab`, so the table is contentless with detail=none, the
    /// smallest index FTS5 keeps. Annotations use their Seq as rowid and revisions their Id
    /// negated, so the two never collide. The triggers' 'delete' must repeat the exact values
    /// that were inserted, hence one expression for each, written the same way everywhere.
    /// </summary>
    public partial class SearchWords : Migration
    {
        private const string AnnotationWords = "coalesce({0}.Note, '') || ' ' || {0}.Exact || ' ' || {0}.TagsText";
        private const string RevisionWords = "{0}.Title || ' ' || coalesce({0}.Dateline, '') || ' ' || {0}.Text";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            string annotation(string row) => string.Format(AnnotationWords, row);
            string revision(string row) => string.Format(RevisionWords, row);
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE search_words USING fts5(
                    Words, content='', detail='none', tokenize='unicode61 remove_diacritics 2');

                CREATE VIRTUAL TABLE search_words_vocab USING fts5vocab(search_words, 'row');

                CREATE TRIGGER search_words_annotation_insert AFTER INSERT ON Annotations BEGIN
                    INSERT INTO search_words(rowid, Words) VALUES (new.Seq, {annotation("new")});
                END;

                CREATE TRIGGER search_words_annotation_delete AFTER DELETE ON Annotations BEGIN
                    INSERT INTO search_words(search_words, rowid, Words) VALUES ('delete', old.Seq, {annotation("old")});
                END;

                CREATE TRIGGER search_words_annotation_update AFTER UPDATE OF Note, Exact, TagsText ON Annotations BEGIN
                    INSERT INTO search_words(search_words, rowid, Words) VALUES ('delete', old.Seq, {annotation("old")});
                    INSERT INTO search_words(rowid, Words) VALUES (new.Seq, {annotation("new")});
                END;

                CREATE TRIGGER search_words_revision_insert AFTER INSERT ON ArticleRevisions BEGIN
                    INSERT INTO search_words(rowid, Words) VALUES (-new.Id, {revision("new")});
                END;

                CREATE TRIGGER search_words_revision_delete AFTER DELETE ON ArticleRevisions BEGIN
                    INSERT INTO search_words(search_words, rowid, Words) VALUES ('delete', -old.Id, {revision("old")});
                END;

                INSERT INTO search_words(rowid, Words) SELECT a.Seq, {annotation("a")} FROM Annotations a;
                INSERT INTO search_words(rowid, Words) SELECT -r.Id, {revision("r")} FROM ArticleRevisions r;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS search_words_revision_delete;
                DROP TRIGGER IF EXISTS search_words_revision_insert;
                DROP TRIGGER IF EXISTS search_words_annotation_update;
                DROP TRIGGER IF EXISTS search_words_annotation_delete;
                DROP TRIGGER IF EXISTS search_words_annotation_insert;
                DROP TABLE IF EXISTS search_words_vocab;
                DROP TABLE IF EXISTS search_words;
                """);
        }
    }
}
