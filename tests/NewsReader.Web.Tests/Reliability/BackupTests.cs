using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reliability;

/// <summary>
/// The `backup` and `restore` verbs: a backup taken from a second process while the app is
/// under write load holds everything acknowledged before it began, and a restore checks the
/// file first and will not replace a newer library unless forced.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class BackupTests : AppFolderTests
{
    [Fact]
    public async Task A_backup_under_write_load_restores_everything_acknowledged_before_it_began()
    {
        File.Copy(RepoPaths.Seed, Path.Combine(Directory.CreateDirectory(Seeds).FullName, RepoPaths.SeedFile));
        var backupFile = Path.Combine(Folder, "backups", "library.db");
        var load = new WriteLoad();
        long backupBegan;
        (int ExitCode, string Output) backup;
        await using (var app = await AppProcess.StartAsync(Folder))
        {
            await app.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(1));
            using var stop = new CancellationTokenSource();
            var writing = load.RunAsync(app, clients: 8, stop.Token);
            while (load.Writes.Count < 150)
            {
                Assert.False(writing.IsFaulted, writing.Exception + "\n" + app.Output);
                await Task.Delay(10);
            }
            backupBegan = WriteLoad.Now;
            backup = await AppProcess.RunVerbAsync(Folder, "backup", backupFile);
            var afterBackup = load.Writes.Count;
            while (load.Writes.Count < afterBackup + 50)
            {
                await Task.Delay(10);
            }
            stop.Cancel();
            await writing;
        }
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Contains("backed up to", backup.Output);
        Assert.Equal(0, load.ServerErrors);
        await LibraryChecks.AssertIntactAsync(backupFile);

        // The library has writes the backup lacks: a plain restore is refused and changes nothing.
        var annotationsBefore = await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Annotations;");
        var refused = await AppProcess.RunVerbAsync(Folder, "restore", backupFile);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("newer than the backup", refused.Output);
        Assert.Equal(annotationsBefore, await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Annotations;"));

        var restored = await AppProcess.RunVerbAsync(Folder, "restore", backupFile, "--force");
        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Contains("kept at", restored.Output);
        await LibraryChecks.AssertIntactAsync(Database);
        var stored = await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Annotations;");
        var before = load.Writes.Where(w => w.At < backupBegan).ToList();
        Assert.NotEmpty(before);
        foreach (var write in before)
        {
            var id = Guid.Parse(write.IdPath[(write.IdPath.LastIndexOf('/') + 1)..]).ToString().ToUpperInvariant();
            Assert.Equal(write.Note, await LibraryChecks.ScalarAsync<string>(Database, $"SELECT Note FROM Annotations WHERE upper(Id) = '{id}';"));
        }
        Assert.InRange(stored, before.Count, annotationsBefore);
        // The replaced library is kept whole beside it.
        var kept = Directory.GetFiles(Path.Combine(Folder, "data"), "newsreader.db.before-restore-*").Single();
        Assert.Equal(annotationsBefore, await LibraryChecks.ScalarAsync<long>(kept, "SELECT count(*) FROM Annotations;"));

        // And the app starts on the restored library.
        await using var again = await AppProcess.StartAsync(Folder);
        await again.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_restore_under_a_running_app_is_on_the_next_reader_page_even_after_as_many_changes_as_it_undid()
    {
        // The reader page holds marks under a token of the article's annotations. A restore goes
        // back to an older state, and as many changes after it must not bring back a token the
        // page holds marks for: a counter would, and the page would show a mark the restore
        // removed and miss the new one.
        await using var app = new NewsReaderAppFactory();
        var ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        IReadOnlyCollection<string> known;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            known = scope.ServiceProvider.GetRequiredService<NewsReaderDb>().Database.GetMigrations().ToHashSet();
        }
        var live = $"Data Source={app.DatabasePath}";
        var kept = (await new AnnotationBuilder().Color("yellow").CreateAsync(ada)).Id();
        var backup = Path.Combine(Folder, "one-note.db");
        Assert.True((await DatabaseBackup.BackupAsync(live, backup, known)).Usable);
        var undone = (await new AnnotationBuilder().Color("green").CreateAsync(ada)).Id();
        Assert.Equal(["green"], await ReaderPageMarks.ColoursAsync(ada, undone));

        var restored = await DatabaseBackup.RestoreAsync(live, backup, force: true, known);
        Assert.True(restored.Restored, restored.Message);
        var made = (await new AnnotationBuilder().Color("pink").CreateAsync(ada)).Id();

        Assert.Equal(["yellow"], await ReaderPageMarks.ColoursAsync(ada, kept));
        Assert.Empty(await ReaderPageMarks.ColoursAsync(ada, undone));
        Assert.Equal(["pink"], await ReaderPageMarks.ColoursAsync(ada, made));
    }

    [Fact]
    public async Task Restore_checks_the_file_first_and_refuses_what_is_not_a_sound_library_of_this_version()
    {
        // A real library to spoil: the seed ingested through the app.
        await using var app = new NewsReaderAppFactory();
        _ = app.Services;
        IReadOnlyCollection<string> known;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            known = scope.ServiceProvider.GetRequiredService<NewsReaderDb>().Database.GetMigrations().ToHashSet();
        }
        var good = Path.Combine(Folder, "good.db");
        var facts = await DatabaseBackup.BackupAsync($"Data Source={app.DatabasePath}", good, known);
        Assert.True(facts.Usable, string.Join("; ", facts.Problems));
        Assert.Equal(1, facts.Articles);

        var text = Path.Combine(Folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a database");
        Assert.Contains("not a SQLite database", (await DatabaseBackup.CheckAsync(text, known)).Problems.Single());

        var newer = Path.Combine(Folder, "newer.db");
        File.Copy(good, newer);
        await ExecuteAsync(newer, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0');");
        Assert.Contains("newer NewsReader", (await DatabaseBackup.CheckAsync(newer, known)).Problems.Single());

        var foreign = Path.Combine(Folder, "foreign.db");
        await ExecuteAsync(foreign, "CREATE TABLE things (id INTEGER PRIMARY KEY);");
        Assert.Contains("not a NewsReader database", (await DatabaseBackup.CheckAsync(foreign, known)).Problems.Single());

        // Garbage written over the middle of the file, past its header.
        var spoiled = Path.Combine(Folder, "spoiled.db");
        File.Copy(good, spoiled);
        await using (var stream = File.OpenWrite(spoiled))
        {
            stream.Position = stream.Length / 2;
            stream.Write(Enumerable.Repeat((byte)0xA5, 16384).ToArray());
        }
        Assert.NotEmpty((await DatabaseBackup.CheckAsync(spoiled, known)).Problems);

        // Each refusal leaves the library as it was; the sound backup restores onto a fresh place.
        var target = $"Data Source={Path.Combine(Folder, "restored", "newsreader.db")}";
        foreach (var bad in new[] { text, newer, foreign, spoiled, Path.Combine(Folder, "missing.db") })
        {
            var outcome = await DatabaseBackup.RestoreAsync(target, bad, force: true, known);
            Assert.False(outcome.Restored, bad);
            Assert.Contains("cannot be restored", outcome.Message);
        }
        Assert.False(File.Exists(Path.Combine(Folder, "restored", "newsreader.db")));
        var restored = await DatabaseBackup.RestoreAsync(target, good, force: false, known);
        Assert.True(restored.Restored, restored.Message);
        Assert.Null(restored.KeptAs);
        await LibraryChecks.AssertIntactAsync(Path.Combine(Folder, "restored", "newsreader.db"));
    }

    private static async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
