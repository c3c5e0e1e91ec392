using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsReader.Web.Data;

/// <summary>
/// SQLite takes one writer at a time. When many requests save at once, the losers get
/// SQLITE_BUSY and Microsoft.Data.Sqlite retries them by sleeping a pool thread (150 ms a
/// time), which under 32 writers made most of the write latency. This gate queues the
/// DbContext saves of this process in order instead, asynchronously, so each finds the file
/// free. Saves inside an explicit transaction (ingestion, tag merges) are left alone: they may
/// already hold SQLite's lock, and waiting here for a gate held by a waiter on that lock would
/// deadlock.
/// </summary>
public sealed class WriteGate : SaveChangesInterceptor
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<DbContext, bool> holders = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await gate.WaitAsync(cancellationToken);
            holders[context] = true;
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            gate.Wait();
            holders[context] = true;
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    private void Release(DbContext? context)
    {
        if (context is not null && holders.TryRemove(context, out _))
        {
            gate.Release();
        }
    }
}

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

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={Synchronous};";
        command.ExecuteNonQuery();
    }
}
