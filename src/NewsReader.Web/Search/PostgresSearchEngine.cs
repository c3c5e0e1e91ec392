using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsReader.Web.Search;

/// <summary>
/// Search on PostgreSQL: each statement runs in a read-only transaction of its own that the server
/// stops at the budget, sent with it in one round trip (<see cref="PostgresSearch"/>); the article
/// half on a second connection.
/// </summary>
public sealed class PostgresSearchEngine(NewsReaderDb db) : ISearchEngine
{
    public bool IsStoppedByBudget(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    // Whole words of a prefix are matched through their own column (see PostgresSearch), so
    // nothing is looked up before the query runs.
    public Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken) =>
        Task.FromResult(SearchQueryParser.Parse(input));

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget) =>
        OnContextConnectionAsync(budget, search => search.AnnotationHitsAsync(query, userId, limit, offset));

    public Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> NotebookAsync(SearchQuery query, string userId, int limit, int offset, SearchBudget budget) =>
        OnContextConnectionAsync(budget, search => search.NotebookAsync(query, userId, limit, offset));

    public async Task<(int Total, IReadOnlyList<ArticleHit> Hits)> ArticleHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget)
    {
        // Read on the caller's thread: the DbContext must not be touched from another.
        var connectionString = db.Database.GetConnectionString()!;
        return await Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(budget.Token);
            return await new PostgresSearch(connection, budget).ArticleHitsAsync(query, userId, limit, offset);
        }, budget.Token);
    }

    private async Task<T> OnContextConnectionAsync<T>(SearchBudget budget, Func<PostgresSearch, Task<T>> run)
    {
        await db.Database.OpenConnectionAsync(budget.Token);
        try
        {
            return await run(new PostgresSearch((NpgsqlConnection)db.Database.GetDbConnection(), budget));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
