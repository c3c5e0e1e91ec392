using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsReader.Web.Data;

/// <summary>
/// A PostgreSQL session advisory lock around start-up work that several instances would
/// otherwise do at once (migrating, ingesting the seeds): the first takes it, the others wait
/// and then find the work done. It lives on a connection of its own, held until disposed.
/// On SQLite there is one process per file, so it is a no-op.
/// </summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    // Fixed keys, one per kind of work; any 64-bit number no other application on the same
    // database uses would do.
    public const long Migrations = 0x4E65_7773_0001;
    public const long Seeds = 0x4E65_7773_0002;

    private readonly NpgsqlConnection? connection;
    private readonly long key;

    private DatabaseLock(NpgsqlConnection? connection, long key)
    {
        this.connection = connection;
        this.key = key;
    }

    public static async Task<DatabaseLock> AcquireAsync(NewsReaderDb db, long key, CancellationToken cancellationToken = default)
    {
        if (DatabaseProviders.Of(db.Database) != DatabaseProvider.Postgres)
        {
            return new DatabaseLock(null, key);
        }
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session would release the lock anyway.
            await connection.DisposeAsync();
        }
    }
}
