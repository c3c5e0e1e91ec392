namespace NewsReader.Core.Search;

/// <summary>
/// A user's search, parsed by <see cref="SearchQueryParser.Parse"/> into safe full-text syntax
/// and structured filters.
/// </summary>
/// <param name="MatchExpression">
/// An FTS5 MATCH expression in which every word or phrase the user typed is a quoted string
/// literal, so nothing typed can act as FTS5 syntax. Pass it as a bound parameter.
/// Null when there is no word to search for (the filters alone decide then).
/// </param>
/// <param name="Terms">
/// The words and phrases that must (or, inside an OR, may) match, as typed but without quotes
/// or a trailing <c>*</c>: for highlighting and for a LIKE fallback (escape them first).
/// </param>
/// <param name="ExcludedTerms">
/// The words and phrases whose items must not match. Empty whenever
/// <paramref name="MatchExpression"/> is null, because exclusions alone are not applied.
/// </param>
/// <param name="Tags">Tags the item must all carry, as typed; compare them case-insensitively.</param>
/// <param name="Color">The highlight colour required, lower case, one of <see cref="SearchQueryParser.Colors"/>.</param>
/// <param name="ArticleSlug">The slug of the article the item must belong to.</param>
/// <param name="Site">The site (publication) the item's article must come from, compared without case.</param>
/// <param name="HasNote">Only highlights that carry a note.</param>
/// <param name="IsOrphan">Only annotations whose anchor could not be placed in the current text.</param>
/// <param name="IsPublic">Only public annotations.</param>
/// <param name="Before">Only items dated strictly before this day (exclusive upper bound).</param>
/// <param name="After">Only items dated on or after this day (inclusive lower bound), as in mail search.</param>
/// <param name="Messages">
/// Plain-text notes for the user about what was ignored or repaired; they quote user input,
/// so encode them when rendering.
/// </param>
/// <param name="Prefixes">
/// The one-word prefixes of three or more characters (<c>play*</c>), folded as the index folds
/// them (lower case, no accents). The porter tokenizer stems a prefix too, so <c>play*</c>
/// alone searches <c>plai*</c> and misses "player"; the caller looks these up among the
/// indexed words and parses again with <see cref="SearchQueryParser.Parse(string?, IReadOnlyDictionary{string, IReadOnlyList{string}}?)"/>.
/// </param>
public sealed record SearchQuery(
    string? MatchExpression,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ExcludedTerms,
    IReadOnlyList<string> Tags,
    string? Color,
    string? ArticleSlug,
    string? Site,
    bool HasNote,
    bool IsOrphan,
    bool IsPublic,
    DateOnly? Before,
    DateOnly? After,
    IReadOnlyList<string> Messages,
    IReadOnlyList<string> Prefixes)
{
    /// <summary>
    /// The words and phrases to match, as the expression combines them: every group must match,
    /// through at least one of its members (the OR alternatives). For an engine other than
    /// FTS5 (PostgreSQL) to build its own query from bound values. Empty when
    /// <see cref="MatchExpression"/> is null.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SearchWord>> Groups { get; init; } = [];

    /// <summary>The words and phrases no match may contain; empty when <see cref="Groups"/> is.</summary>
    public IReadOnlyList<SearchWord> Excluded { get; init; } = [];

    /// <summary>
    /// Every one-word prefix among <see cref="Groups"/>, whatever its length, folded as the
    /// index folds words: what a snippet marks as a prefix (<see cref="LongTextSnippet"/>).
    /// </summary>
    public IReadOnlyCollection<string> MarkedPrefixes =>
        Groups.SelectMany(g => g).Where(w => w.Prefix).Select(w => Fts5Text.SingleToken(w.Text)).OfType<string>().ToHashSet();

    /// <summary>The query for blank input: no words, no filters, nothing to report.</summary>
    public static SearchQuery Empty { get; } = new(
        null, [], [], [], null, null, null, false, false, false, null, null, [], []);

    /// <summary>True when at least one filter (tag, colour, article, site, has:, is:, dates) is set.</summary>
    public bool HasFilters =>
        Tags.Count > 0 || Color is not null || ArticleSlug is not null || Site is not null ||
        HasNote || IsOrphan || IsPublic || Before is not null || After is not null;

    /// <summary>
    /// True when there is neither a word to match nor a filter, so the caller shows the
    /// notebook unfiltered (and <see cref="Messages"/>, if any, say why the input gave nothing).
    /// </summary>
    public bool IsEmpty => Terms.Count == 0 && !HasFilters;
}

/// <summary>A word or phrase the user typed, without quotes or the trailing <c>*</c> of a prefix.</summary>
public sealed record SearchWord(string Text, bool Prefix);
