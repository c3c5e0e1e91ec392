using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionsSeenAndOrigin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SeenRevision",
                table: "ReadingStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Origin",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "file");

            // Feed items are keyed "feed:{id}:{item}"; saved pages by their URL, which files with a
            // canonical URL share, so only feed revisions can be told apart after the fact.
            migrationBuilder.Sql("UPDATE ArticleRevisions SET Origin = 'feed' WHERE ArticleId IN (SELECT Id FROM Articles WHERE SourceKey LIKE 'feed:%')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeenRevision",
                table: "ReadingStates");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "ArticleRevisions");
        }
    }
}
