using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Cli;

/// <summary>
/// The `backup &lt;file&gt;` and `restore &lt;file&gt; [--force]` verbs (see docs/operations.md).
/// Both work beside a running app: backup takes a consistent snapshot while it serves, and
/// restore swaps the whole library in under SQLite's locks, then brings its schema up to date.
/// </summary>
public static class BackupVerbs
{
    /// <summary>Runs `backup` or `restore`, whichever the command line names, and returns its exit code.</summary>
    public static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        var verb = args[0];
        var force = args.Skip(1).Contains("--force");
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count != 1 || string.IsNullOrWhiteSpace(files[0]) || (force && verb == "backup"))
        {
            Console.Error.WriteLine(verb == "backup"
                ? "usage: dotnet run --project src/NewsReader.Web -- backup <file>"
                : "usage: dotnet run --project src/NewsReader.Web -- restore <file> [--force]");
            return 2;
        }
        if (DatabaseProviders.Of(app.Configuration) == DatabaseProvider.Postgres)
        {
            Console.Error.WriteLine($"{verb}: these verbs copy the SQLite library; on PostgreSQL use pg_dump and pg_restore (docs/operations.md).");
            return 2;
        }
        var connectionString = DatabaseSetup.ConnectionString(app.Configuration, app.Environment);
        IReadOnlyCollection<string> known;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            known = scope.ServiceProvider.GetRequiredService<NewsReaderDb>().Database.GetMigrations().ToHashSet();
        }
        try
        {
            if (verb == "backup")
            {
                // A library that was never started is migrated first, so every backup can be restored.
                await app.Services.MigrateAsync();
                var facts = await DatabaseBackup.BackupAsync(connectionString, files[0], known);
                Console.WriteLine($"backed up to {facts.File}: {facts}");
                Console.WriteLine("Keep the keys/ folder beside the database with it: it seals sign-in cookies.");
                return 0;
            }
            var outcome = await DatabaseBackup.RestoreAsync(connectionString, files[0], force, known);
            if (!outcome.Restored)
            {
                Console.Error.WriteLine($"restore: {outcome.Message}");
                return 1;
            }
            await app.Services.MigrateAsync();
            Console.WriteLine(outcome.Message);
            if (outcome.KeptAs is not null)
            {
                Console.WriteLine($"the library it replaced is kept at {outcome.KeptAs}");
            }
            return 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"{verb}: {ex.Message}");
            return 1;
        }
    }
}
