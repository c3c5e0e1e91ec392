using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ReaderPageStampIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Annotations_ArticleId_Visibility_Version_AnchoredRevision_S~",
                table: "Annotations",
                columns: new[] { "ArticleId", "Visibility", "Version", "AnchoredRevision", "Start", "End", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Annotations_ArticleId_Visibility_Version_AnchoredRevision_S~",
                table: "Annotations");
        }
    }
}
