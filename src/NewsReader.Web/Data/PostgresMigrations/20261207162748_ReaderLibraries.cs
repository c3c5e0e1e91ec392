using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class ReaderLibraries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FeedItems_ArticleId",
                table: "FeedItems");

            migrationBuilder.AddColumn<bool>(
                name: "Shared",
                table: "Feeds",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ListedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<bool>(
                name: "Shared",
                table: "Articles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LibraryEntries",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryEntries", x => new { x.UserId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_LibraryEntries_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibraryEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Subscriptions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    FeedId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Folder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscriptions", x => new { x.UserId, x.FeedId });
                    table.ForeignKey(
                        name: "FK_Subscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Subscriptions_Feeds_FeedId",
                        column: x => x.FeedId,
                        principalTable: "Feeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedItems_ArticleId_FeedId",
                table: "FeedItems",
                columns: new[] { "ArticleId", "FeedId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ListedAt_Id",
                table: "Articles",
                columns: new[] { "ListedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryEntries_ArticleId",
                table: "LibraryEntries",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscriptions_FeedId",
                table: "Subscriptions",
                column: "FeedId");

            // Until now every reader saw one list of everything: it stays in view as the shared
            // collection (feeds marked shared, every other article shared), the administrators
            // follow the feeds they had, and the list sorts on each article's published date.
            migrationBuilder.Sql("""
                UPDATE "Feeds" SET "Shared" = TRUE;
                UPDATE "Articles" SET "Shared" = TRUE WHERE NOT EXISTS (SELECT 1 FROM "FeedItems" i WHERE i."ArticleId" = "Articles"."Id");
                UPDATE "Articles" SET "ListedAt" = coalesce(
                    (SELECT r."Published" FROM "ArticleRevisions" r WHERE r."ArticleId" = "Articles"."Id" ORDER BY r."Number" DESC LIMIT 1),
                    "CreatedAt");
                INSERT INTO "Subscriptions" ("UserId", "FeedId", "CreatedAt")
                SELECT ur."UserId", f."Id", f."CreatedAt"
                FROM "Feeds" f
                CROSS JOIN "AspNetUserRoles" ur
                JOIN "AspNetRoles" ro ON ro."Id" = ur."RoleId"
                WHERE ro."Name" = 'Administrator';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryEntries");

            migrationBuilder.DropTable(
                name: "Subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_FeedItems_ArticleId_FeedId",
                table: "FeedItems");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ListedAt_Id",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Shared",
                table: "Feeds");

            migrationBuilder.DropColumn(
                name: "ListedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Shared",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_FeedItems_ArticleId",
                table: "FeedItems",
                column: "ArticleId");
        }
    }
}
