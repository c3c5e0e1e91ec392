namespace NewsReader.Core.Anchoring;

/// <summary>
/// Apache Annotator's TextQuoteSelector matching: prefix + exact + suffix must occur
/// verbatim, and every occurrence (overlapping ones included) is a match. Unlike
/// <see cref="Anchorer"/> it never guesses, which is what describing a quote needs:
/// a selector is unambiguous exactly when this finds one match.
/// </summary>
public static class ExactQuoteMatcher
{
    /// <summary>All ranges (code points, in text order) that the selector selects in <paramref name="text"/>.</summary>
    public static IReadOnlyList<TextPositionSelector> FindAll(string text, TextQuoteSelector quote) =>
        FindAll(new CodePointText(text), quote);

    /// <inheritdoc cref="FindAll(string, TextQuoteSelector)"/>
    public static IReadOnlyList<TextPositionSelector> FindAll(CodePointText text, TextQuoteSelector quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        int[] prefix = CodePoints.ToArray(quote.Prefix);
        int[] exact = CodePoints.ToArray(quote.Exact);
        int[] pattern = [.. prefix, .. exact, .. CodePoints.ToArray(quote.Suffix)];

        var matches = new List<TextPositionSelector>();
        var points = text.Points;
        int from = 0;
        while (from <= points.Length)
        {
            int found = points[from..].IndexOf(pattern);
            if (found < 0) break;
            int at = from + found;
            matches.Add(new TextPositionSelector(at + prefix.Length, at + prefix.Length + exact.Length));
            from = at + 1;
        }
        return matches;
    }
}
