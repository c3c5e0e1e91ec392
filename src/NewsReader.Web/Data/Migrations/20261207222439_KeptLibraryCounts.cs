using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeptLibraryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountingBatches",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountingBatches", x => new { x.UserId, x.ArticleId });
                });

            migrationBuilder.CreateTable(
                name: "FeedUnreadCounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    FeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    Unread = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedUnreadCounts", x => new { x.UserId, x.FeedId });
                    table.ForeignKey(
                        name: "FK_FeedUnreadCounts_Subscriptions_UserId_FeedId",
                        columns: x => new { x.UserId, x.FeedId },
                        principalTable: "Subscriptions",
                        principalColumns: new[] { "UserId", "FeedId" },
                        onDelete: ReferentialAction.Cascade);
                });

            // WITHOUT ROWID, so a reader's members lie together in key order: "mark all as read" on
            // ten thousand of them writes a few dozen pages, not one page a member. EF has no word
            // for it; a later change to this table must keep the clause.
            migrationBuilder.Sql("""
                CREATE TABLE "LibraryMembers" (
                    "UserId" TEXT NOT NULL,
                    "ArticleId" INTEGER NOT NULL,
                    "Paths" INTEGER NOT NULL,
                    "Removed" INTEGER NOT NULL,
                    "Read" INTEGER NOT NULL,
                    "Archived" INTEGER NOT NULL,
                    "Favorite" INTEGER NOT NULL,
                    "Annotated" INTEGER NOT NULL,
                    "Updated" INTEGER NOT NULL,
                    "SiteName" TEXT COLLATE NOCASE NULL,
                    CONSTRAINT "PK_LibraryMembers" PRIMARY KEY ("UserId", "ArticleId"),
                    CONSTRAINT "FK_LibraryMembers_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_LibraryMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateTable(
                name: "LibrarySiteCounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false, collation: "NOCASE"),
                    Articles = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibrarySiteCounts", x => new { x.UserId, x.SiteName });
                    table.ForeignKey(
                        name: "FK_LibrarySiteCounts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibraryViewCounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Articles = table.Column<int>(type: "INTEGER", nullable: false),
                    Unread = table.Column<int>(type: "INTEGER", nullable: false),
                    Favorites = table.Column<int>(type: "INTEGER", nullable: false),
                    Annotated = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Archived = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryViewCounts", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_LibraryViewCounts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedUnreadCounts_FeedId",
                table: "FeedUnreadCounts",
                column: "FeedId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryMembers_ArticleId",
                table: "LibraryMembers",
                column: "ArticleId");

            // The counts are kept from here on by triggers; the rebuild counts what is there already.
            migrationBuilder.Sql(CountingTriggers.Create(DatabaseProvider.Sqlite));
            migrationBuilder.Sql(CountingTriggers.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CountingTriggers.Drop(DatabaseProvider.Sqlite));

            migrationBuilder.DropTable(
                name: "CountingBatches");

            migrationBuilder.DropTable(
                name: "FeedUnreadCounts");

            migrationBuilder.DropTable(
                name: "LibraryMembers");

            migrationBuilder.DropTable(
                name: "LibrarySiteCounts");

            migrationBuilder.DropTable(
                name: "LibraryViewCounts");
        }
    }
}
