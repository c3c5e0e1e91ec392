using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace NewsReader.Web.Search;

/// <summary>
/// Open SQLite connections kept for search, each holding the statements it has run compiled.
/// Compiling a search statement (FTS5 joins, the visibility and library rules) took longer than
/// running it for a rare word, and Microsoft.Data.Sqlite compiles a statement anew each time a
/// connection is opened, so these connections stay open and run their statements again with new
/// parameters. Only SQL text is kept: every value (the reader, the words, the filters) is bound
/// on each run, so nothing one reader searched can reach another's search. An idle connection
/// holds no read transaction, so it keeps no snapshot and does not hold back checkpoints.
/// One per app (a singleton, disposed with it).
/// </summary>
public sealed class SqliteSearchConnections : IDisposable
{
    // Idle connections kept: a search that finds none opens another, kept on return if there is room.
    private const int MaxIdle = 8;

    private readonly ConcurrentQueue<SearchConnection> idle = new();
    private int idleCount;
    private volatile bool disposed;

    /// <summary>An idle connection to that database, or a new open one.</summary>
    internal async Task<SearchConnection> RentAsync(string connectionString, CancellationToken cancellationToken)
    {
        while (idle.TryDequeue(out var kept))
        {
            Interlocked.Decrement(ref idleCount);
            if (kept.ConnectionString == connectionString)
            {
                return kept;
            }
            kept.Dispose();
        }
        return await SearchConnection.OpenAsync(connectionString, cancellationToken);
    }

    internal void Return(SearchConnection connection)
    {
        if (disposed || Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            connection.Dispose();
            return;
        }
        idle.Enqueue(connection);
        if (disposed && idle.TryDequeue(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryDequeue(out var kept))
        {
            kept.Dispose();
        }
    }
}

/// <summary>
/// One open connection and its compiled statements, by SQL text, the least recently used
/// dropped past a bound. Used by one search at a time.
/// </summary>
internal sealed class SearchConnection : IDisposable
{
    // Statements kept per connection: the search shapes in use (filters change the SQL text).
    private const int MaxStatements = 32;

    private readonly LeastRecentlyUsed<string, SqliteCommand> statements = new(MaxStatements, _ => 1, dropped: command => command.Dispose());

    private SearchConnection(SqliteConnection connection, string connectionString)
    {
        Connection = connection;
        ConnectionString = connectionString;
    }

    public SqliteConnection Connection { get; }

    public string ConnectionString { get; }

    public static async Task<SearchConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new SearchConnection(connection, connectionString);
    }

    /// <summary>
    /// The statement for <paramref name="sql"/>, compiled on its first run and kept, with these
    /// parameters bound in place of the last run's. Owned here: the caller must not dispose it.
    /// </summary>
    public SqliteCommand Command(string sql, IEnumerable<KeyValuePair<string, object>> parameters)
    {
        if (!statements.TryGet(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            statements.Put(sql, command);
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new SqliteParameter("@" + name, value));
        }
        return command;
    }

    public void Dispose()
    {
        statements.Clear();
        Connection.Dispose();
    }
}
