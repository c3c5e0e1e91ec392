using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class LibraryImportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LibraryImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: true),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Upload = table.Column<byte[]>(type: "bytea", nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    NextItem = table.Column<int>(type: "integer", nullable: false),
                    Articles = table.Column<int>(type: "integer", nullable: false),
                    Highlights = table.Column<int>(type: "integer", nullable: false),
                    Anchored = table.Column<int>(type: "integer", nullable: false),
                    Orphaned = table.Column<int>(type: "integer", nullable: false),
                    Failures = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryImportJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryImportJobs_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryImportJobs_State_CreatedAt",
                table: "LibraryImportJobs",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryImportJobs_UserId_CreatedAt",
                table: "LibraryImportJobs",
                columns: new[] { "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryImportJobs");
        }
    }
}
