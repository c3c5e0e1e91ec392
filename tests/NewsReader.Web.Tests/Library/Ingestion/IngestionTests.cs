using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library.Ingestion;

public sealed class IngestionTests
{
    [Fact]
    public async Task Ingesting_twice_yields_one_article()
    {
        await using var app = new NewsReaderAppFactory();
        var client = app.CreateClient();

        var again = await app.IngestAsync();

        Assert.Equal(IngestionOutcome.Unchanged, Assert.Single(again.Files).Outcome);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(1, await CountAsync(app, db => db.ArticleRevisions));
    }

    [Fact]
    public async Task A_copy_under_another_name_is_not_a_second_article()
    {
        await using var app = new NewsReaderAppFactory();
        _ = app.CreateClient();
        File.Copy(RepoPaths.Seed, Path.Combine(app.SeedsFolder, "copy-of-seed.txt"));

        var report = await app.IngestAsync();

        Assert.Equal(1, report.Count(IngestionOutcome.Duplicate));
        Assert.Equal(1, await CountAsync(app, db => db.Articles));
    }

    [Fact]
    public async Task A_changed_file_yields_a_second_revision_under_the_same_slug()
    {
        await using var app = new NewsReaderAppFactory();
        var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/articles"))[0];
        var seedCopy = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.AppendAllTextAsync(seedCopy, "\n\nA paragraph added by the editors.");

        var report = await app.IngestAsync();

        Assert.Equal(IngestionOutcome.Revised, Assert.Single(report.Files).Outcome);
        var slug = before.GetProperty("slug").GetString();
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
        Assert.Equal(2, after.GetProperty("revision").GetInt32());
        Assert.EndsWith("A paragraph added by the editors.", after.GetProperty("text").GetString());
        Assert.Equal(25, after.GetProperty("blocks").GetArrayLength());
        Assert.Equal(2, await CountAsync(app, db => db.ArticleRevisions));
        Assert.Equal(1, await CountAsync(app, db => db.Articles));
    }

    [Fact]
    public async Task A_file_of_the_same_name_from_elsewhere_is_another_article_not_a_revision()
    {
        await using var app = new NewsReaderAppFactory();
        _ = app.CreateClient();
        var elsewhere = Directory.CreateDirectory(Path.Combine(app.Folder, "elsewhere")).FullName;
        await File.WriteAllTextAsync(Path.Combine(elsewhere, RepoPaths.SeedFile), "Another Story\n\nA different article that happens to share a file name.");

        var report = await app.IngestAsync(Path.Combine(elsewhere, RepoPaths.SeedFile));

        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files).Outcome);
        Assert.Equal(2, await CountAsync(app, db => db.Articles));
        Assert.Equal(IngestionOutcome.Unchanged, Assert.Single((await app.IngestAsync()).Files).Outcome);
    }

    [Fact]
    public async Task Bad_files_are_skipped_with_a_warning_each_and_the_seed_still_goes_in()
    {
        await using var app = new NewsReaderAppFactory();
        await File.WriteAllBytesAsync(Path.Combine(app.SeedsFolder, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(app.SeedsFolder, "binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0xFF, 0x00]);
        var client = app.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/articles");

        Assert.Equal(1, list.GetArrayLength());
        var warnings = app.Logs.Warnings(typeof(ArticleIngester).FullName!);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("empty.txt") && w.Message.Contains("empty file"));
        Assert.Contains(warnings, w => w.Message.Contains("binary.txt") && w.Message.Contains("binary"));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x01, 0x02, 0x03, 0x04 }, "binary")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0A, 0x20 }, "no text")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x20, 0x00, 0x0A, 0x00 }, "no text")]
    public async Task Other_bad_files_are_refused_with_their_reason(byte[] content, string reason)
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        _ = app.CreateClient();
        var file = Path.Combine(app.Folder, "bad.txt");
        await File.WriteAllBytesAsync(file, content);

        var report = await app.IngestAsync(file);

        var result = Assert.Single(report.Files);
        Assert.Equal(IngestionOutcome.Skipped, result.Outcome);
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused()
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        _ = app.CreateClient();
        var file = Path.Combine(app.Folder, "huge.txt");
        await File.WriteAllTextAsync(file, new string('a', 5 * 1024 * 1024 + 1));

        var report = await app.IngestAsync(file);

        Assert.Contains("larger than 5 MB", Assert.Single(report.Files).Reason);
    }

    [Fact]
    public async Task A_file_that_cannot_be_stored_is_skipped_alone_and_the_rest_of_its_chunk_goes_in_once()
    {
        await using var app = new NewsReaderAppFactory();
        _ = app.CreateClient();
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "a-first.txt"), "Ferry Fares Frozen\n\nThe ferry company froze its fares for the winter, the harbour board said.");
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "b-poisoned.txt"), "Poisoned Story\n\nThe database refuses this one article, and only this one.");
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "c-last.txt"), "Lighthouse Reopens\n\nThe lighthouse reopened to visitors on Saturday after its repairs.");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
            await db.Database.ExecuteSqlRawAsync(app.Provider == DatabaseProvider.Postgres
                ? """
                  CREATE FUNCTION refuse_poisoned() RETURNS trigger AS $$ BEGIN IF NEW."Slug" LIKE 'poisoned%' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                  CREATE TRIGGER refuse_poisoned BEFORE INSERT ON "Articles" FOR EACH ROW EXECUTE FUNCTION refuse_poisoned();
                  """
                : """CREATE TRIGGER refuse_poisoned BEFORE INSERT ON "Articles" WHEN NEW."Slug" LIKE 'poisoned%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;""");
        }

        var report = await app.IngestAsync();

        var poisoned = Assert.Single(report.Files, f => f.Path.EndsWith("b-poisoned.txt", StringComparison.Ordinal));
        Assert.Equal(IngestionOutcome.Skipped, poisoned.Outcome);
        Assert.Contains("could not be stored", poisoned.Reason);
        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files, f => f.Path.EndsWith("a-first.txt", StringComparison.Ordinal)).Outcome);
        Assert.Equal(IngestionOutcome.Added, Assert.Single(report.Files, f => f.Path.EndsWith("c-last.txt", StringComparison.Ordinal)).Outcome);
        // The seed, the first and the last: each stored once, though the chunk was written twice.
        Assert.Equal(3, await CountAsync(app, db => db.Articles));
        Assert.Equal(3, await CountAsync(app, db => db.ArticleRevisions));
        // Nothing was remembered of the file that failed, so the next run tries it again.
        var again = await app.IngestAsync();
        Assert.Equal(IngestionOutcome.Skipped, Assert.Single(again.Files, f => f.Path.EndsWith("b-poisoned.txt", StringComparison.Ordinal)).Outcome);
        Assert.Equal(3, again.Count(IngestionOutcome.Unchanged));
    }

    private static async Task<int> CountAsync<T>(NewsReaderAppFactory app, Func<NewsReaderDb, IQueryable<T>> set)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await set(scope.ServiceProvider.GetRequiredService<NewsReaderDb>()).CountAsync();
    }
}
