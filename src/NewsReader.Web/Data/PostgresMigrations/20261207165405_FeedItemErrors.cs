using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsReader.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class FeedItemErrors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "FeedItems",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Error",
                table: "FeedItems",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ErrorAt",
                table: "FeedItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RetryAt",
                table: "FeedItems",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "FeedItems");

            migrationBuilder.DropColumn(
                name: "Error",
                table: "FeedItems");

            migrationBuilder.DropColumn(
                name: "ErrorAt",
                table: "FeedItems");

            migrationBuilder.DropColumn(
                name: "RetryAt",
                table: "FeedItems");
        }
    }
}
