using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Agency",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "Published",
                table: "ArticleRevisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteName",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                collation: "NOCASE");

            migrationBuilder.CreateTable(
                name: "SourceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    SkipReason = table.Column<string>(type: "TEXT", nullable: true),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleRevisions_SiteName",
                table: "ArticleRevisions",
                column: "SiteName");

            migrationBuilder.CreateIndex(
                name: "IX_SourceFiles_Path",
                table: "SourceFiles",
                column: "Path",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SourceFiles");

            migrationBuilder.DropIndex(
                name: "IX_ArticleRevisions_SiteName",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Agency",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "Published",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "SiteName",
                table: "ArticleRevisions");
        }
    }
}
