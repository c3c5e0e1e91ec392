namespace NewsReader.Web.Search;

/// <summary>
/// One database's way of running a parsed search: SQLite FTS5 (<see cref="SqliteSearchEngine"/>)
/// or PostgreSQL full-text search (<see cref="PostgresSearchEngine"/>). <see cref="SearchService"/>
/// owns the rest (parsing, the time budget, paging, what a visitor sees), so an engine answers
/// only for its SQL; both build their filters with <see cref="SearchFilters"/>.
/// </summary>
public interface ISearchEngine
{
    /// <summary>The parsed query, with each prefix's whole words where the engine looks them up itself.</summary>
    Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken);

    /// <summary>Matching annotations the reader may see (public, or their own), best first.</summary>
    Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> AnnotationHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget);

    /// <summary>The reader's own annotations, newest first, filtered: the notebook.</summary>
    Task<(int Total, IReadOnlyList<AnnotationHit> Hits)> NotebookAsync(SearchQuery query, string userId, int limit, int offset, SearchBudget budget);

    /// <summary>
    /// Matching articles, best first. Runs on a connection of its own, so it may overlap with
    /// the annotation half: it must not touch the request's DbContext.
    /// </summary>
    Task<(int Total, IReadOnlyList<ArticleHit> Hits)> ArticleHitsAsync(SearchQuery query, string? userId, int limit, int offset, SearchBudget budget);

    /// <summary>Whether the exception is this engine's way of saying a statement was stopped (interrupted, timed out).</summary>
    bool IsStoppedByBudget(Exception exception);
}
