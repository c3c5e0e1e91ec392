using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountingBatches", x => new { x.UserId, x.ArticleId });
                });

            migrationBuilder.CreateTable(
                name: "FeedUnreadCounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    FeedId = table.Column<int>(type: "integer", nullable: false),
                    Unread = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "LibraryMembers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Paths = table.Column<int>(type: "integer", nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false),
                    Read = table.Column<bool>(type: "boolean", nullable: false),
                    Archived = table.Column<bool>(type: "boolean", nullable: false),
                    Favorite = table.Column<bool>(type: "boolean", nullable: false),
                    Annotated = table.Column<bool>(type: "boolean", nullable: false),
                    Updated = table.Column<bool>(type: "boolean", nullable: false),
                    SiteName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "nocase")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryMembers", x => new { x.UserId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_LibraryMembers_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LibraryMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LibrarySiteCounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SiteName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "nocase"),
                    Articles = table.Column<int>(type: "integer", nullable: false)
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
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Articles = table.Column<int>(type: "integer", nullable: false),
                    Unread = table.Column<int>(type: "integer", nullable: false),
                    Favorites = table.Column<int>(type: "integer", nullable: false),
                    Annotated = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Archived = table.Column<int>(type: "integer", nullable: false)
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
            migrationBuilder.Sql(CountingTriggers.Create(DatabaseProvider.Postgres));
            migrationBuilder.Sql(CountingTriggers.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CountingTriggers.Drop(DatabaseProvider.Postgres));

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
