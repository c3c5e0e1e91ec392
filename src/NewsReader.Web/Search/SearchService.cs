namespace NewsReader.Web.Search;

/// <summary>
/// Every search NewsReader runs goes through here: the user's text parsed by
/// <see cref="SearchQueryParser"/>, the time budget, paging, what a visitor sees, and the two
/// halves (annotations, articles) run side by side on the database's
/// <see cref="ISearchEngine"/>, chosen by the context's provider.
/// </summary>
public sealed class SearchService(NewsReaderDb db, IConfiguration? configuration = null, TimeProvider? clock = null,
    SqliteSearchConnections? sqliteConnections = null)
{
    public const string TimeoutSecondsKey = "NewsReader:Search:TimeoutSeconds";
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// Matches counted and ranked per half, at most (or up to the page asked for). A word or
    /// prefix matching thousands of rows ranks its newest this many and says "more than".
    /// </summary>
    public const int RankedMatches = 1000;

    private readonly ISearchEngine engine = DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres
        ? new PostgresSearchEngine(db)
        : new SqliteSearchEngine(db, sqliteConnections);

    /// <summary>
    /// Runs a search within a time budget. Some inputs are costly by nature (snippets of many
    /// prefixes over a megabyte-long article take minutes in FTS5), so past the budget, or when
    /// the client goes away, the database is interrupted and the reader is told what happened.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string? input, string? userId, int limit = DefaultLimit, int offset = 0, CancellationToken cancellationToken = default)
    {
        var allowed = TimeSpan.FromSeconds(configuration?.GetValue<double?>(TimeoutSecondsKey) ?? 3);
        using var budget = new SearchBudget(allowed, clock ?? TimeProvider.System, cancellationToken);
        limit = Math.Clamp(limit, 1, MaxLimit);
        offset = Math.Max(0, offset);
        try
        {
            return await SearchWithinAsync(input, userId, limit, offset, budget);
        }
        catch (Exception e) when (budget.IsSpent && (e is OperationCanceledException || engine.IsStoppedByBudget(e)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = SearchQueryParser.Parse(input).Messages.Append("This search took too long and was stopped. Try fewer words, or longer ones instead of short prefixes.").ToList();
            return new SearchResults(input ?? "", false, messages, 0, [], 0, [], limit, offset);
        }
    }

    /// <summary>The parsed query, with each prefix's whole words where the engine looks them up.</summary>
    public Task<SearchQuery> ParseAsync(string? input, CancellationToken cancellationToken = default) =>
        engine.ParseAsync(input, cancellationToken);

    private async Task<SearchResults> SearchWithinAsync(string? input, string? userId, int limit, int offset, SearchBudget budget)
    {
        var query = await engine.ParseAsync(input, budget.Token);
        // Prefix look-ups can take the whole budget on their own; then stop before ranking.
        budget.ThrowIfSpent();
        var messages = query.Messages.ToList();
        if (query.MatchExpression is null)
        {
            return await WithoutWordsAsync(query, input, userId, limit, offset, messages, budget);
        }
        var articleSearch = SearchFilters.HasAnnotationOnlyFilters(query)
            ? Task.FromResult<(int, IReadOnlyList<ArticleHit>)>((0, []))
            : engine.ArticleHitsAsync(query, userId, limit, offset, budget);
        var annotationSearch = engine.AnnotationHitsAsync(query, userId, limit, offset, budget);
        // Both awaited together, so an interrupted half never goes unobserved.
        await Task.WhenAll(annotationSearch, articleSearch);
        var (annotationTotal, annotations) = await annotationSearch;
        var (articleTotal, articles) = await articleSearch;
        budget.ThrowIfSpent();
        return new SearchResults(input ?? "", false, messages, annotationTotal, annotations, articleTotal, articles, limit, offset);
    }

    /// <summary>No word to match: a hint for a visitor, nothing for exclusions alone, else the reader's notebook, filtered.</summary>
    private async Task<SearchResults> WithoutWordsAsync(SearchQuery query, string? input, string? userId, int limit, int offset,
        List<string> messages, SearchBudget budget)
    {
        if (userId is null)
        {
            messages.Add(query.IsEmpty ? "Type words to search articles and public notes; log in to see your own notebook." : "Log in to filter your own annotations.");
            return new SearchResults(input ?? "", true, messages, 0, [], 0, [], limit, offset);
        }
        if (query.Terms.Count > 0)
        {
            // Words were typed but none can be matched (exclusions only): say so, show nothing.
            return new SearchResults(input ?? "", false, messages, 0, [], 0, [], limit, offset);
        }
        var (notebookTotal, notebook) = await engine.NotebookAsync(query, userId, limit, offset, budget);
        return new SearchResults(input ?? "", true, messages, notebookTotal, notebook, 0, [], limit, offset);
    }
}
