using Microsoft.EntityFrameworkCore.Migrations;
using NewsReader.Web.Annotations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnotationChangeTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Annotations_ArticleId_Visibility_Version_AnchoredRevision_Start_End_Seq",
                table: "Annotations");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations");

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_ArticleId_Visibility",
                table: "Annotations",
                columns: new[] { "ArticleId", "Visibility" });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations",
                columns: new[] { "OwnerId", "ImportKey" },
                filter: "\"ImportKey\" IS NOT NULL");

            // The reader page's stamp becomes a token per article kept by triggers; the wide
            // index the summary of every annotation read is then no longer needed.
            migrationBuilder.Sql(AnnotationChanges.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AnnotationChanges.DropSqlite);

            migrationBuilder.DropIndex(
                name: "IX_Annotations_ArticleId_Visibility",
                table: "Annotations");

            migrationBuilder.DropIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations");

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_ArticleId_Visibility_Version_AnchoredRevision_Start_End_Seq",
                table: "Annotations",
                columns: new[] { "ArticleId", "Visibility", "Version", "AnchoredRevision", "Start", "End", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations",
                columns: new[] { "OwnerId", "ImportKey" });
        }
    }
}
