using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LibraryFromTheReadersSide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FeedItems_FeedId_ArticleId",
                table: "FeedItems",
                columns: new[] { "FeedId", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedItems_FeedId_ErrorAt",
                table: "FeedItems",
                columns: new[] { "FeedId", "ErrorAt" },
                filter: "\"Error\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Shared",
                table: "Articles",
                column: "Shared",
                filter: "\"Shared\"");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleRevisions_ArticleId_Number_SiteName",
                table: "ArticleRevisions",
                columns: new[] { "ArticleId", "Number", "SiteName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FeedItems_FeedId_ArticleId",
                table: "FeedItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedItems_FeedId_ErrorAt",
                table: "FeedItems");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Shared",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_ArticleRevisions_ArticleId_Number_SiteName",
                table: "ArticleRevisions");
        }
    }
}
