using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsReader.Web.Search;

/// <summary>
/// Search on PostgreSQL: each statement runs in a read-only transaction of its own that the server
/// stops at the budget, sent with it in one round trip (<see cref="PostgresSearch"/>); the two
/// halves on two connections of the search pool (<see cref="SearchConnectionString"/>).
/// </summary>
public sealed class PostgresSearchEngine(NewsReaderDb db) : ISearchEngine
{
    private static readonly ConcurrentDictionary<string, string> SearchConnectionStrings = new();

    public bool IsStoppedByBudget(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    // Whole words of a prefix are matched through their own column (see PostgresSearch), so
    // nothing is looked up before the query runs.
    public Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken) =>
        Task.FromResult(SearchQueryParser.Parse(input));

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget) =>
        OnSearchConnectionAsync(SearchConnectionString(), budget, search => search.AnnotationHitsAsync(query, userId, limit, offset));

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> NotebookAsync(SearchQuery query, string userId, int limit, int offset, SearchBudget budget) =>
        OnSearchConnectionAsync(SearchConnectionString(), budget, search => search.NotebookAsync(query, userId, limit, offset));

    public Task<(int Total, IReadOnlyList<ArticleHit> Hits)> ArticleHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        // Read on the caller's thread: the DbContext must not be touched from another.
        var connectionString = SearchConnectionString();
        return Task.Run(() => OnSearchConnectionAsync(connectionString, budget, search => search.ArticleHitsAsync(query, userId, limit, offset)), budget.Token);
    }

    /// <summary>
    /// The context's connection string, for a pool of search's own: Npgsql prepares a statement
    /// the second time a connection runs it (unless the configured string says otherwise), so
    /// the same few statements are not parsed again on every search. The server still plans each
    /// run for its values (<see cref="PostgresSearch"/> asks for custom plans: a generic plan
    /// cannot know how common a word is, and walks every match of a common one). Only SQL text is
    /// kept: the reader and every word are bound on each run. Connections of this pool go back
    /// without Npgsql's reset (seven statements on the server once a connection holds prepared
    /// ones): search changes nothing in a session, its settings are SET LOCAL and end with the
    /// transaction, which Npgsql still rolls back when a stopped statement left it open.
    /// </summary>
    private string SearchConnectionString() =>
        SearchConnectionStrings.GetOrAdd(db.Database.GetConnectionString()!, static configured =>
        {
            var builder = new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = true };
            if (builder.MaxAutoPrepare == 0)
            {
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 2;
            }
            return builder.ConnectionString;
        });

    private static async Task<T> OnSearchConnectionAsync<T>(string connectionString, SearchBudget budget, Func<PostgresSearch, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(budget.Token);
        return await run(new PostgresSearch(connection, budget));
    }
}
