using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsReader.Web.Data;

/// <summary>
/// `PRAGMA synchronous=NORMAL` on every connection: in WAL mode a commit then waits for no
/// fsync; the WAL is synced at checkpoints. A crash of the app or the OS loses nothing
/// committed; only a power cut (or kernel panic) may lose the last commits before the latest
/// checkpoint, and never corrupts the file. FULL (the default) syncs every commit.
/// And `PRAGMA busy_timeout` set to the connection's command timeout: a write that finds another
/// writer's lock waits inside SQLite, which tries again after 1, 2, 5, 10 ms and so on, instead of
/// Microsoft.Data.Sqlite's own answer to SQLITE_BUSY, a 150 ms sleep before each new try (which
/// set the p95 of 32 writers). Every write transaction here starts with BEGIN IMMEDIATE (what
/// Microsoft.Data.Sqlite's BeginTransaction issues, and so EF Core's SaveChanges), and SQLite
/// calls its busy handler for that; a deferred read upgraded to a write would get no such wait.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Synchronous = "NORMAL";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // The pragma lasts as long as the SQLite connection, which Microsoft.Data.Sqlite's pool keeps
    // open across many opens of a SqliteConnection: set it once per SQLite handle, not on every
    // open (EF Core opens the connection for each query and save).
    private readonly ConditionalWeakTable<object, object> applied = [];

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            if (applied.TryGetValue(handle, out _))
            {
                return;
            }
            Run(connection);
            applied.AddOrUpdate(handle, handle);
            return;
        }
        Run(connection);
    }

    private static void Run(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        var busyTimeoutMs = connection is SqliteConnection sqlite ? sqlite.DefaultTimeout * 1000 : 0;
        command.CommandText = $"PRAGMA synchronous={Synchronous}; PRAGMA busy_timeout={busyTimeoutMs};";
        command.ExecuteNonQuery();
    }
}
