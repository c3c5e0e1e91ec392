using Microsoft.Data.Sqlite;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reliability;

/// <summary>
/// `kill -9` in the middle of the work a library must survive: a bulk ingestion and many
/// writers. After a restart the file is sound, nothing is half-stored, every acknowledged write
/// is there, and ingestion picks up where it stopped without storing anything twice.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class CrashTests : AppFolderTests
{
    [Fact]
    public async Task Killed_during_a_bulk_ingestion_the_library_is_sound_and_ingestion_resumes_without_duplicates()
    {
        const int files = 3000;
        LibraryChecks.WriteArticles(Seeds, files);

        long before;
        await using (var app = await AppProcess.StartAsync(Folder))
        {
            // Kill as soon as the first chunk of articles is stored, mid-way through the folder.
            while ((before = await ArticlesAsync()) == 0)
            {
                Assert.False(app.HasExited, app.Output);
                await Task.Delay(10);
            }
            await app.KillAsync();
        }
        Assert.InRange(before, 1, files - 1);
        await LibraryChecks.AssertIntactAsync(Database);

        await using (var app = await AppProcess.StartAsync(Folder))
        {
            await app.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(3));
        }
        await LibraryChecks.AssertIntactAsync(Database);
        Assert.Equal(files, await ArticlesAsync());
        Assert.Equal(files, await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(DISTINCT SourceKey) FROM Articles;"));
        Assert.Equal(files, await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM ArticleRevisions;"));
    }

    [Fact]
    public async Task Killed_under_write_load_every_acknowledged_write_is_there_after_a_restart()
    {
        File.Copy(RepoPaths.Seed, Path.Combine(Directory.CreateDirectory(Seeds).FullName, RepoPaths.SeedFile));
        var load = new WriteLoad();
        using var stop = new CancellationTokenSource();
        await using (var app = await AppProcess.StartAsync(Folder))
        {
            await app.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(1));
            var writing = load.RunAsync(app, clients: 16, stop.Token);
            while (load.Writes.Count < 300)
            {
                Assert.False(writing.IsFaulted, writing.Exception + "\n" + app.Output);
                await Task.Delay(10);
            }
            await app.KillAsync();
            stop.Cancel();
            await writing;
        }
        Assert.Equal(0, load.ServerErrors);
        await LibraryChecks.AssertIntactAsync(Database);

        await using (var app = await AppProcess.StartAsync(Folder))
        {
            await app.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(1));
        }
        var stored = await NotesAsync();
        var lost = load.Writes.Where(w => stored.GetValueOrDefault(w.IdPath.ToLowerInvariant()) != w.Note).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {load.Writes.Count} acknowledged writes are missing, e.g. {lost.FirstOrDefault()}");
    }

    private async Task<long> ArticlesAsync()
    {
        if (!File.Exists(Database))
        {
            return 0;
        }
        try
        {
            return await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Articles;");
        }
        catch (SqliteException)
        {
            // The app is still creating the schema.
            return 0;
        }
    }

    // The notes as stored, by the path of the annotation's id, read straight from the file.
    private async Task<Dictionary<string, string>> NotesAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Note FROM Annotations;";
        var notes = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes[$"/api/annotations/{reader.GetString(0)}".ToLowerInvariant()] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return notes;
    }
}

/// <summary>Tests that start the app as its own process run one at a time: each wants both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "App processes";
}
