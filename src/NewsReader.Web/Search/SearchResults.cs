namespace NewsReader.Web.Search;

/// <summary>
/// An annotation that matched, with its snippets already HTML-safe (matched words in &lt;mark&gt;):
/// <see cref="NoteHtml"/> is the note's plain text cut around the matches, <see cref="RenderedNoteHtml"/>
/// the whole note as <c>NoteMarkdown</c> renders it, and <see cref="Author"/> its owner's display name.
/// </summary>
public sealed record AnnotationHit(
    Guid Id,
    string ArticleSlug,
    string ArticleTitle,
    string QuoteHtml,
    string? NoteHtml,
    IReadOnlyList<string> Tags,
    string Color,
    string Visibility,
    string AnchorStatus,
    DateTime Created,
    bool IsMine)
{
    public string? RenderedNoteHtml { get; init; }

    public string Author { get; init; } = "";

    /// <summary>The passage in the reader.</summary>
    public string Url => $"/articles/{ArticleSlug}#annotation-{Id}";
}

/// <summary>An article whose current revision matched, with an HTML-safe snippet.</summary>
public sealed record ArticleHit(string Slug, string Title, string? Dateline, string SnippetHtml, string Url);

/// <summary>
/// One page of results: annotation hits first, then article hits, with totals for paging. A total
/// past <see cref="SearchService.RankedMatches"/> means "more than that many".
/// </summary>
public sealed record SearchResults(
    string Query,
    bool IsNotebook,
    IReadOnlyList<string> Messages,
    int AnnotationTotal,
    IReadOnlyList<AnnotationHit> Annotations,
    int ArticleTotal,
    IReadOnlyList<ArticleHit> Articles,
    int Limit,
    int Offset)
{
    /// <summary>Whether the search stopped counting annotations at <see cref="SearchService.RankedMatches"/> (the notebook counts all).</summary>
    public bool AnnotationTotalIsCapped => !IsNotebook && AnnotationTotal > SearchService.RankedMatches;

    /// <summary>Whether the search stopped counting articles at <see cref="SearchService.RankedMatches"/>.</summary>
    public bool ArticleTotalIsCapped => ArticleTotal > SearchService.RankedMatches;
}
