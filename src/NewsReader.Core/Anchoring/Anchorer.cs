namespace NewsReader.Core.Anchoring;

/// <summary>How an annotation's selectors were placed in the current text.</summary>
public enum AnchorStatus
{
    /// <summary>The quote is where the selectors say, unchanged.</summary>
    Anchored,

    /// <summary>Placed, but at another range than the stored position, or on text that differs from the quote.</summary>
    Moved,

    /// <summary>Not placed: the quoted text is gone (or the quote or text is empty).</summary>
    Orphaned,
}

/// <summary>
/// Where an annotation landed. <see cref="Start"/> and <see cref="End"/> are code point
/// offsets (null when orphaned); <see cref="Score"/> is Hypothesis' match score in [0, 1].
/// </summary>
public sealed record AnchorResult(AnchorStatus Status, int? Start, int? End, double Score)
{
    /// <summary>The result for an annotation that could not be placed.</summary>
    public static AnchorResult Orphaned { get; } = new(AnchorStatus.Orphaned, null, null, 0);
}

/// <summary>
/// Places an annotation's TextQuoteSelector (and optional TextPositionSelector) in a text
/// that may have been revised since, following the Hypothesis client's <c>matchQuote</c>:
/// the stored position if the quote is still there; else every exact occurrence of the quote,
/// ranked by context and nearness; else approximate occurrences within
/// min(256, quote length / 2) errors, ranked by
/// (50·quote + 20·prefix + 20·suffix + 2·position) / 92. Offsets are code points.
/// </summary>
public static class Anchorer
{
    /// <summary>Hypothesis caps the errors allowed so that a long quote does not make the search slow.</summary>
    public const int MaxErrorsCap = 256;

    private const double QuoteWeight = 50;
    private const double PrefixWeight = 20;
    private const double SuffixWeight = 20;
    private const double PositionWeight = 2;
    private const double TotalWeight = QuoteWeight + PrefixWeight + SuffixWeight + PositionWeight;

    /// <summary>
    /// Anchors <paramref name="quote"/> in <paramref name="text"/>. The position, when given, is tried
    /// first and is the default <paramref name="hint"/> (the code point where the quote is expected to start).
    /// </summary>
    public static AnchorResult Anchor(string text, TextQuoteSelector quote, TextPositionSelector? position, int? hint = null) =>
        Anchor(new CodePointText(text), quote, position, hint);

    /// <inheritdoc cref="Anchor(string, TextQuoteSelector, TextPositionSelector?, int?)"/>
    public static AnchorResult Anchor(CodePointText text, TextQuoteSelector quote, TextPositionSelector? position, int? hint = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Exact.Length == 0 || text.Length == 0) return AnchorResult.Orphaned;

        var points = text.Points;
        int[] exact = CodePoints.ToArray(quote.Exact);
        if (position is not null
            && position.Start >= 0 && position.End == position.Start + exact.Length && position.End <= points.Length
            && points[position.Start..position.End].SequenceEqual(exact))
        {
            return new AnchorResult(AnchorStatus.Anchored, position.Start, position.End, 1.0);
        }

        hint ??= position?.Start;
        IReadOnlyList<ApproximateMatch> candidates = ExactOccurrences(points, exact);
        if (candidates.Count == 0)
        {
            int maxErrors = Math.Min(MaxErrorsCap, exact.Length / 2);
            candidates = ApproximateMatcher.Search(points, exact, maxErrors);
        }
        if (candidates.Count == 0) return AnchorResult.Orphaned;

        int[] prefix = CodePoints.ToArray(quote.Prefix);
        int[] suffix = CodePoints.ToArray(quote.Suffix);
        ApproximateMatch best = default;
        double bestScore = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            double score = Score(points, candidate, exact.Length, prefix, suffix, hint);
            if (score > bestScore || (score == bestScore && candidate.Start < best.Start))
            {
                best = candidate;
                bestScore = score;
            }
        }

        bool samePlace = best.Errors == 0 && (position is null || (best.Start == position.Start && best.End == position.End));
        return new AnchorResult(samePlace ? AnchorStatus.Anchored : AnchorStatus.Moved, best.Start, best.End, bestScore);
    }

    private static List<ApproximateMatch> ExactOccurrences(ReadOnlySpan<int> points, int[] exact)
    {
        var found = new List<ApproximateMatch>();
        int from = 0;
        while (true)
        {
            int at = points[from..].IndexOf(exact);
            if (at < 0) return found;
            found.Add(new ApproximateMatch(from + at, from + at + exact.Length, 0));
            from += at + 1;
        }
    }

    private static double Score(ReadOnlySpan<int> points, ApproximateMatch match, int quoteLength, int[] prefix, int[] suffix, int? hint)
    {
        double quoteScore = 1.0 - (double)match.Errors / quoteLength;
        // Context is compared with the text of the same length beside the candidate; the
        // best approximate occurrence inside that stretch counts, so a shifted context still scores.
        double prefixScore = prefix.Length == 0 ? 1.0
            : ContextScore(points[Math.Max(0, match.Start - prefix.Length)..match.Start], prefix);
        double suffixScore = suffix.Length == 0 ? 1.0
            : ContextScore(points[match.End..Math.Min(points.Length, match.End + suffix.Length)], suffix);
        double positionScore = hint is int h ? 1.0 - (double)Math.Abs(match.Start - h) / points.Length : 1.0;
        return (QuoteWeight * quoteScore + PrefixWeight * prefixScore + SuffixWeight * suffixScore + PositionWeight * positionScore)
            / TotalWeight;
    }

    private static double ContextScore(ReadOnlySpan<int> beside, int[] context) =>
        beside.IsEmpty ? 0.0 : 1.0 - (double)ApproximateMatcher.MinimumErrors(beside, context) / context.Length;
}
