using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsReader.Web.Data;

/// <summary>
/// `PRAGMA synchronous=NORMAL` on every connection: in WAL mode a commit then waits for no
/// fsync; the WAL is synced at checkpoints. A crash of the app or the OS loses nothing
/// committed; only a power cut (or kernel panic) may lose the last commits before the latest
/// checkpoint, and never corrupts the file. FULL (the default) syncs every commit.
/// `PRAGMA busy_timeout`: a statement that finds the database locked (by a save outside the
/// app's write queue, another process, a checkpoint) waits inside SQLite, which retries within a
/// millisecond or so, instead of failing back to Microsoft.Data.Sqlite, which sleeps 150 ms a try.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Synchronous = "NORMAL";

    /// <summary>How long a statement waits for a lock before it fails with "database is locked".</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={Synchronous}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
