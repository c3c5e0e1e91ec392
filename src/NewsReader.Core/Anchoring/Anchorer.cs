namespace NewsReader.Core.Anchoring;

/// <summary>How an annotation's selectors were placed in the current text.</summary>
public enum AnchorStatus
{
    /// <summary>The quote is where the selectors say, unchanged.</summary>
    Anchored,

    /// <summary>Found by quote search away from the stored position (no diff applied), or on text that differs from the quote.</summary>
    Moved,

    /// <summary>Not placed: the quoted text is gone (or the quote or text is empty).</summary>
    Orphaned,

    /// <summary>Placed on what became of an edited passage: the text there differs from the (old) quote.</summary>
    Changed,
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

/// <summary>How strict <see cref="Anchorer"/> is with approximate matches.</summary>
/// <param name="CheckSlices">
/// Also demand what tilgovi/dom-anchor-text-quote demands: cut the quote into 32-code-point
/// slices and find each one, in order, near where the previous one ended, scoring
/// errors / slice length + distance / 64 and rejecting any slice above 0.5. Hypothesis only
/// bounds the whole quote's errors, so it places a long quote whose middle was rewritten;
/// this rejects it, at the price of orphaning more highlights on heavily edited text.
/// </param>
/// <param name="ExactOnly">
/// No approximate search at all: the quote is placed only where it stands word for word. For
/// a new selection, made on the current text, where a merely similar passage is never right.
/// </param>
/// <param name="MinQuoteSimilarity">
/// When set, an approximate match is accepted only if it is plausible: its similarity to the
/// quote (1 − errors / quote length) reaches this, or both the prefix and the suffix reach
/// <paramref name="MinContextSimilarity"/> beside it. Hypothesis accepts anything within half the
/// quote in errors, which puts a rewritten short quote on unrelated words elsewhere.
/// </param>
/// <param name="MinContextSimilarity">How alike the text beside a candidate must be to the stored prefix and suffix (see <paramref name="MinQuoteSimilarity"/>).</param>
public sealed record AnchorOptions(bool CheckSlices = false, bool ExactOnly = false, double? MinQuoteSimilarity = null, double MinContextSimilarity = 1.0)
{
    /// <summary>
    /// NewsReader's rules for quote search (imports, and the fallback of re-anchoring): Hypothesis'
    /// ranking with the plausibility guard. The thresholds come from <c>anchor-revision --sweep</c>
    /// (docs/performance.md): at 0.75 / 0.75 quote search alone misplaces a third fewer passages than
    /// Hypothesis at 5% edits (35 against 52) while orphaning 3% of surviving ones; stricter settings
    /// orphan far more for little gain, and no setting reaches zero, which is why revisions go
    /// through the diff first.
    /// </summary>
    public static AnchorOptions NewsReader { get; } = new(MinQuoteSimilarity: Anchorer.PlausibleQuoteSimilarity, MinContextSimilarity: Anchorer.PlausibleContextSimilarity);

    /// <summary>The Hypothesis client's rules (the default).</summary>
    public static AnchorOptions Hypothesis { get; } = new();

    /// <summary>Hypothesis' ranking, with dom-anchor-text-quote's per-slice acceptance.</summary>
    public static AnchorOptions DomAnchorTextQuote { get; } = new(CheckSlices: true);

    /// <summary>Exact occurrences only (see <see cref="ExactOnly"/>).</summary>
    public static AnchorOptions NewSelection { get; } = new(ExactOnly: true);
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

    /// <summary>The least similarity (1 − errors / length) at which an approximate match of the quote alone is plausible.</summary>
    public const double PlausibleQuoteSimilarity = 0.75;

    /// <summary>The least similarity of both prefix and suffix that makes a less similar match plausible.</summary>
    public const double PlausibleContextSimilarity = 0.75;

    private const double QuoteWeight = 50;
    private const double PrefixWeight = 20;
    private const double SuffixWeight = 20;
    private const double PositionWeight = 2;
    private const double TotalWeight = QuoteWeight + PrefixWeight + SuffixWeight + PositionWeight;

    /// <summary>
    /// Anchors <paramref name="quote"/> in <paramref name="text"/>. The position, when given, is tried
    /// first and is the default <paramref name="hint"/> (the code point where the quote is expected to start).
    /// </summary>
    public static AnchorResult Anchor(string text, TextQuoteSelector quote, TextPositionSelector? position, int? hint = null, AnchorOptions? options = null) =>
        Anchor(new CodePointText(text), quote, position, hint, options);

    /// <inheritdoc cref="Anchor(string, TextQuoteSelector, TextPositionSelector?, int?, AnchorOptions?)"/>
    public static AnchorResult Anchor(CodePointText text, TextQuoteSelector quote, TextPositionSelector? position, int? hint = null, AnchorOptions? options = null)
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
        options ??= AnchorOptions.Hypothesis;
        IReadOnlyList<ApproximateMatch> candidates = ExactOccurrences(points, exact);
        if (candidates.Count == 0 && !options.ExactOnly)
        {
            int maxErrors = Math.Min(MaxErrorsCap, exact.Length / 2);
            candidates = ApproximateMatcher.Search(points, exact, maxErrors);
            if (options.CheckSlices)
            {
                var accepted = new List<ApproximateMatch>();
                foreach (var candidate in candidates)
                {
                    if (EverySliceFound(points, exact, candidate.Start)) accepted.Add(candidate);
                }
                candidates = accepted;
            }
        }
        int[] prefix = CodePoints.ToArray(quote.Prefix);
        int[] suffix = CodePoints.ToArray(quote.Suffix);
        if (options.MinQuoteSimilarity is { } minSimilarity && candidates.Any(c => c.Errors > 0))
        {
            var plausible = new List<ApproximateMatch>();
            foreach (var candidate in candidates)
            {
                if (Plausible(points, candidate, exact.Length, prefix, suffix, minSimilarity, options.MinContextSimilarity)) plausible.Add(candidate);
            }
            candidates = plausible;
        }
        if (candidates.Count == 0) return AnchorResult.Orphaned;

        var (best, bestScore) = Best(points, candidates, exact.Length, prefix, suffix, hint);
        bool samePlace = best.Errors == 0 && (position is null || (best.Start == position.Start && best.End == position.End));
        return new AnchorResult(samePlace ? AnchorStatus.Anchored : AnchorStatus.Moved, best.Start, best.End, bestScore);
    }

    private const int SliceLength = 32;
    private const int SliceDistance = 64;
    private const double SliceThreshold = 0.5;

    /// <summary>dom-anchor-text-quote's test (diff-match-patch's bitap scoring) on slices of the quote, starting at <paramref name="start"/>.</summary>
    private static bool EverySliceFound(ReadOnlySpan<int> points, int[] exact, int start)
    {
        int expected = start;
        for (int from = 0; from < exact.Length; from += SliceLength)
        {
            var slice = exact.AsSpan(from, Math.Min(SliceLength, exact.Length - from));
            // Beyond this reach even an exact slice scores above the threshold.
            int reach = (int)(SliceThreshold * SliceDistance);
            int windowStart = Math.Max(0, expected - reach);
            int windowEnd = Math.Min(points.Length, expected + reach + 2 * slice.Length);
            if (windowStart >= windowEnd) return false;

            double bestScore = double.PositiveInfinity;
            int bestStart = -1;
            var window = points[windowStart..windowEnd];
            foreach (var m in ApproximateMatcher.SearchAll(window, slice, slice.Length / 2))
            {
                double score = (double)m.Errors / slice.Length + Math.Abs(windowStart + m.Start - expected) / (double)SliceDistance;
                if (score < bestScore)
                {
                    bestScore = score;
                    bestStart = windowStart + m.Start;
                }
            }
            if (bestScore > SliceThreshold) return false;
            expected = bestStart + slice.Length;
        }
        return true;
    }

    internal static List<ApproximateMatch> ExactOccurrences(ReadOnlySpan<int> points, int[] exact)
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

    /// <summary>The guard of <see cref="AnchorOptions.MinQuoteSimilarity"/>; empty context is no evidence.</summary>
    private static bool Plausible(ReadOnlySpan<int> points, ApproximateMatch match, int quoteLength, int[] prefix, int[] suffix, double minSimilarity, double minContext)
    {
        if (1.0 - (double)match.Errors / quoteLength >= minSimilarity) return true;
        if (prefix.Length == 0 || suffix.Length == 0) return false;
        return ContextScore(points[Math.Max(0, match.Start - prefix.Length)..match.Start], prefix) >= minContext
            && ContextScore(points[match.End..Math.Min(points.Length, match.End + suffix.Length)], suffix) >= minContext;
    }

    /// <summary>Ranks candidates as Hypothesis does; for callers that found them by other means (exact occurrences after a diff).</summary>
    internal static (ApproximateMatch Match, double Score) Best(ReadOnlySpan<int> points, IReadOnlyList<ApproximateMatch> candidates, int quoteLength, int[] prefix, int[] suffix, int? hint)
    {
        ApproximateMatch best = default;
        double bestScore = double.NegativeInfinity;
        foreach (var candidate in candidates)
        {
            double score = Score(points, candidate, quoteLength, prefix, suffix, hint);
            if (score > bestScore || (score == bestScore && candidate.Start < best.Start))
            {
                best = candidate;
                bestScore = score;
            }
        }
        return (best, bestScore);
    }

    /// <summary>How alike <paramref name="beside"/> is to the stored context, 0 to 1.</summary>
    internal static double ContextScore(ReadOnlySpan<int> beside, int[] context) =>
        beside.IsEmpty ? 0.0 : 1.0 - (double)ApproximateMatcher.MinimumErrors(beside, context) / context.Length;
}
