using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class FilteredImportKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations");

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations",
                columns: new[] { "OwnerId", "ImportKey" },
                filter: "\"ImportKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations");

            migrationBuilder.CreateIndex(
                name: "IX_Annotations_OwnerId_ImportKey",
                table: "Annotations",
                columns: new[] { "OwnerId", "ImportKey" });
        }
    }
}
