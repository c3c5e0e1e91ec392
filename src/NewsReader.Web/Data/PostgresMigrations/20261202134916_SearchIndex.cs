using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <summary>
    /// Full-text search on PostgreSQL, the counterpart of SQLite's SearchIndex and SearchWords:
    /// <list type="bullet">
    /// <item>text search configuration <c>newsreader</c>: English Snowball stemming without a
    /// stop-word list (FTS5's porter drops no words either), after <c>unaccent</c>, so "Kishída"
    /// finds "Kishida" and "Negotiations" finds "negotiate";</item>
    /// <item><c>newsreader_words</c>: the same folding without stemming, for prefixes, which a
    /// stemmer shortens (<c>negotia:*</c> misses the stem "negoti"), as search_words serves FTS5;</item>
    /// <item>generated tsvector columns the database keeps in step with every write, weighted
    /// as FTS5's bm25 columns are (tags A, note B, quote C; title A, dateline B, text D), and
    /// their GIN indexes.</item>
    /// </list>
    /// The columns are outside the EF model, as the FTS5 tables are: nothing writes them.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;

                CREATE TEXT SEARCH DICTIONARY newsreader_stem (TEMPLATE = snowball, Language = english);
                CREATE TEXT SEARCH CONFIGURATION newsreader (COPY = pg_catalog.english);
                ALTER TEXT SEARCH CONFIGURATION newsreader
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, newsreader_stem;
                CREATE TEXT SEARCH CONFIGURATION newsreader_words (COPY = pg_catalog.simple);
                ALTER TEXT SEARCH CONFIGURATION newsreader_words
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;

                ALTER TABLE "Annotations" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('newsreader', coalesce("TagsText", '')), 'A') ||
                    setweight(to_tsvector('newsreader', coalesce("Note", '')), 'B') ||
                    setweight(to_tsvector('newsreader', coalesce("Exact", '')), 'C')) STORED;
                ALTER TABLE "Annotations" ADD COLUMN "SearchWords" tsvector GENERATED ALWAYS AS (
                    to_tsvector('newsreader_words', coalesce("TagsText", '') || ' ' || coalesce("Note", '') || ' ' || coalesce("Exact", ''))) STORED;
                CREATE INDEX "IX_Annotations_SearchVector" ON "Annotations" USING GIN ("SearchVector");
                CREATE INDEX "IX_Annotations_SearchWords" ON "Annotations" USING GIN ("SearchWords");

                ALTER TABLE "ArticleRevisions" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('newsreader', coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('newsreader', coalesce("Dateline", '')), 'B') ||
                    setweight(to_tsvector('newsreader', coalesce("Text", '')), 'D')) STORED;
                ALTER TABLE "ArticleRevisions" ADD COLUMN "SearchWords" tsvector GENERATED ALWAYS AS (
                    to_tsvector('newsreader_words', coalesce("Title", '') || ' ' || coalesce("Dateline", '') || ' ' || coalesce("Text", ''))) STORED;
                CREATE INDEX "IX_ArticleRevisions_SearchVector" ON "ArticleRevisions" USING GIN ("SearchVector");
                CREATE INDEX "IX_ArticleRevisions_SearchWords" ON "ArticleRevisions" USING GIN ("SearchWords");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleRevisions" DROP COLUMN IF EXISTS "SearchWords";
                ALTER TABLE "ArticleRevisions" DROP COLUMN IF EXISTS "SearchVector";
                ALTER TABLE "Annotations" DROP COLUMN IF EXISTS "SearchWords";
                ALTER TABLE "Annotations" DROP COLUMN IF EXISTS "SearchVector";
                DROP TEXT SEARCH CONFIGURATION IF EXISTS newsreader_words;
                DROP TEXT SEARCH CONFIGURATION IF EXISTS newsreader;
                DROP TEXT SEARCH DICTIONARY IF EXISTS newsreader_stem;
                """);
        }
    }
}
