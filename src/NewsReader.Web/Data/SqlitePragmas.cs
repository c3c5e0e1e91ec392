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
        command.CommandText = $"PRAGMA synchronous={Synchronous};";
        command.ExecuteNonQuery();
    }
}
