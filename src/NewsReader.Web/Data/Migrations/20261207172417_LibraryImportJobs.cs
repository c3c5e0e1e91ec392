using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: true),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Upload = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    NextItem = table.Column<int>(type: "INTEGER", nullable: false),
                    Articles = table.Column<int>(type: "INTEGER", nullable: false),
                    Highlights = table.Column<int>(type: "INTEGER", nullable: false),
                    Anchored = table.Column<int>(type: "INTEGER", nullable: false),
                    Orphaned = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
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
