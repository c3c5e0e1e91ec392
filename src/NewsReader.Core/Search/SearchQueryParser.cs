namespace NewsReader.Core.Search;

/// <summary>
/// Turns what a user typed in the search box into a <see cref="SearchQuery"/>. It never throws
/// and never passes user text to FTS5 as syntax; see the README beside this file for the grammar.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Input beyond this many characters is cut off (and the user told).</summary>
    public const int MaxInputLength = 1000;

    /// <summary>Words, phrases and filters beyond this many are ignored (and the user told).</summary>
    public const int MaxTerms = 32;

    /// <summary>The highlight colours <c>color:</c> accepts.</summary>
    public static IReadOnlyList<string> Colors { get; } = ["yellow", "green", "blue", "pink", "purple"];

    /// <summary>Whole words a prefix may stand for, at most, beside the prefix itself (the most frequent first).</summary>
    public const int MaxWordsPerPrefix = 32;

    /// <summary>Shorter prefixes are not stemmed by the tokenizer, so they need no words.</summary>
    public const int MinExpandedPrefixLength = 3;

    /// <summary>
    /// Parses a query; blank or null input gives <see cref="SearchQuery.Empty"/>.
    /// <paramref name="prefixWords"/> maps a folded prefix from <see cref="SearchQuery.Prefixes"/>
    /// to indexed words that start with it, most frequent first. Each word whose stem the
    /// stemmed prefix does not reach becomes an alternative to the prefix, as a quoted word the
    /// tokenizer stems exactly as it stemmed the text (the first <see cref="MaxWordsPerPrefix"/>).
    /// </summary>
    public static SearchQuery Parse(string? input, IReadOnlyDictionary<string, IReadOnlyList<string>>? prefixWords = null)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return SearchQuery.Empty;
        }

        var messages = new List<string>();
        var tokens = QueryLexer.Tokenize(QueryText.Clean(input, messages), messages);
        var filters = new FilterSet(messages);
        var groups = new List<List<TextToken>>();
        var excluded = new List<TextToken>();
        var used = 0;
        var limitReported = false;
        var afterPositive = false;
        var orPending = false;

        foreach (var token in tokens)
        {
            if (token is OrToken)
            {
                if (orPending)
                {
                    messages.Add("Ignored a repeated OR.");
                }
                else if (!afterPositive)
                {
                    messages.Add(groups.Count == 0 && excluded.Count == 0 && !filters.Any
                        ? "Ignored OR at the start: OR goes between two words."
                        : "Ignored OR that follows no word to search for: OR goes between two words.");
                }
                else
                {
                    orPending = true;
                }
                continue;
            }

            if (token is TextToken { Text: var text } && !Fts5Text.HasTokenCharacters(text))
            {
                // FTS5 would see an empty phrase, which matches nothing and so empties an AND.
                messages.Add(text.Length == 0 ? "Ignored empty quotes." : $"Ignored “{text}”: it has no letters or digits.");
                continue;
            }

            if (used == MaxTerms)
            {
                if (!limitReported)
                {
                    messages.Add($"Only the first {MaxTerms} words, phrases and filters were used.");
                    limitReported = true;
                }
                continue;
            }
            used++;

            if (token is TextToken { Excluded: false } positive)
            {
                if (orPending)
                {
                    groups[^1].Add(positive);
                }
                else
                {
                    groups.Add([positive]);
                }
                orPending = false;
                afterPositive = true;
                continue;
            }

            if (orPending)
            {
                messages.Add($"Ignored OR before “{Describe(token)}”: OR goes between two words to search for.");
                orPending = false;
            }
            afterPositive = false;
            if (token is TextToken negative)
            {
                excluded.Add(negative);
            }
            else if (token is FilterToken filter)
            {
                filters.Apply(filter);
            }
        }

        if (orPending)
        {
            messages.Add("Ignored OR at the end: OR goes between two words.");
        }
        filters.Check();

        if (groups.Count == 0 && excluded.Count > 0)
        {
            messages.Add(filters.Any
                ? "Exclusions alone match nothing, so only the filters were used; add a word to search for."
                : "Add a word to search for; exclusions alone match nothing.");
            excluded.Clear();
        }

        var literal = (TextToken token) => Literal(token, prefixWords);
        return new SearchQuery(
            BuildMatch(groups, excluded, literal),
            groups.SelectMany(g => g).Select(t => t.Text).ToList(),
            excluded.Select(t => t.Text).ToList(),
            filters.Tags.ToList(),
            filters.Color,
            filters.ArticleSlug,
            filters.Site,
            filters.HasNote,
            filters.IsOrphan,
            filters.IsPublic,
            filters.Before,
            filters.After,
            messages,
            groups.SelectMany(g => g).Concat(excluded).Select(ExpandablePrefix).OfType<string>().Distinct().ToList())
        {
            Groups = groups.Select(g => (IReadOnlyList<SearchWord>)g.Select(Word).Distinct().ToList()).ToList(),
            Excluded = groups.Count == 0 ? [] : excluded.Select(Word).Distinct().ToList(),
        };
    }

    private static SearchWord Word(TextToken token) => new(token.Text, token.Prefix);

    private static string? ExpandablePrefix(TextToken token) =>
        token.Prefix && Fts5Text.SingleToken(token.Text) is { } folded && folded.EnumerateRunes().Count() >= MinExpandedPrefixLength
            ? folded
            : null;

    /// <summary>
    /// Writes the FTS5 expression with explicit AND and parentheses rather than relying on
    /// FTS5's precedence (NOT, then AND, then OR), so it reads as the user meant. FTS5's NOT
    /// is binary, hence exclusions hang off the whole positive part.
    /// </summary>
    private static string? BuildMatch(List<List<TextToken>> groups, List<TextToken> excluded, Func<TextToken, string> literal)
    {
        if (groups.Count == 0)
        {
            return null;
        }
        // A repeated word or group adds nothing to the meaning but costs FTS5 (snippets most).
        var positiveParts = groups.Select(g => g.Count == 1 ? literal(g[0]) : "(" + string.Join(" OR ", g.Select(literal).Distinct()) + ")").Distinct().ToList();
        var positive = string.Join(" AND ", positiveParts);
        if (excluded.Count == 0)
        {
            return positive;
        }
        if (positiveParts.Count > 1)
        {
            positive = "(" + positive + ")";
        }
        return positive + string.Concat(excluded.Select(literal).Distinct().Select(l => " NOT " + l));
    }

    // FTS5's prefix syntax is a star after the closing quote: "read"* matches reading. A prefix
    // with known words becomes ("play"* OR "player" OR "playful"): quoted whole words, so they
    // are as inert as anything the user typed.
    private static string Literal(TextToken token, IReadOnlyDictionary<string, IReadOnlyList<string>>? prefixWords)
    {
        var literal = Fts5Text.Quote(token.Text) + (token.Prefix ? "*" : "");
        if (prefixWords is null || ExpandablePrefix(token) is not { } prefix || !prefixWords.TryGetValue(prefix, out var words))
        {
            return literal;
        }
        // Only the words the stemmed prefix misses: "player" for play* (searched as plai*), not "playing" (plai).
        var stemmedPrefix = PorterStemmer.Stem(prefix);
        var alternatives = words
            .Where(w => Fts5Text.HasTokenCharacters(w) && !PorterStemmer.Stem(w).StartsWith(stemmedPrefix, StringComparison.Ordinal))
            .Distinct().Take(MaxWordsPerPrefix).Select(Fts5Text.Quote).ToList();
        return alternatives.Count == 0 ? literal : "(" + literal + " OR " + string.Join(" OR ", alternatives) + ")";
    }

    private static string Describe(QueryToken token) => token switch
    {
        TextToken t => "-" + (t.Quoted ? "\"" + t.Text + "\"" : t.Text) + (t.Prefix ? "*" : ""),
        FilterToken f => f.Typed,
        _ => "OR",
    };
}
