
namespace NewsReader.Core.Revisions;

/// <summary>
/// Re-anchors annotations across revisions of one article using what is known: both texts.
/// Each range is carried through the diff first (<see cref="RangeMapping"/>):
/// untouched → <see cref="AnchorStatus.Anchored"/> at its shifted offsets; edited with words
/// kept → <see cref="AnchorStatus.Changed"/> on what became of it; deleted whole → the quote is
/// looked for word for word (context decides between copies, and a short quote needs its
/// context), since a paragraph may have moved; else orphaned. Quote search with the plausibility
/// guard (<see cref="AnchorOptions.NewsReader"/>) is left for annotations without a range and
/// for mappings that kept too little of the passage to trust. Whatever found it, a placement is
/// then cut to the words that are what became of the passage (<see cref="RangeMapping.OwnPart"/>):
/// when the texts cannot say where it went, a highlight covers less of it, or is orphaned, and
/// never its neighbour's words.
/// </summary>
public sealed class RevisionAnchorer
{
    /// <summary>
    /// An edited range that kept less than this share of its letters and digits is ambiguous:
    /// quote search decides, and the mapping stands only when the search finds nothing plausible.
    /// </summary>
    public const double MinKeptFraction = 0.5;

    /// <summary>A quote at least this long (code points) is its own evidence when found word for word elsewhere.</summary>
    public const int SelfEvidentQuoteLength = 40;

    private readonly RangeMapping? _mapping;

    /// <param name="newText">The new revision's text.</param>
    /// <param name="oldText">The text the annotations' ranges refer to; null when there is none (quote search only).</param>
    public RevisionAnchorer(CodePointText newText, CodePointText? oldText)
    {
        NewText = newText ?? throw new ArgumentNullException(nameof(newText));
        if (oldText is not null)
        {
            // Ranges go through the word-for-word diff, whose every shared word is aligned (a
            // replacement's edges then take no neighbouring word); moves are found in the semantic one.
            var wordForWord = TextDiff.Compute(oldText.Text, newText.Text, semantic: false);
            _mapping = new RangeMapping(oldText, wordForWord, TextDiff.Folded(wordForWord, oldText, newText));
        }
    }

    public CodePointText NewText { get; }

    /// <summary>Places one annotation: its quote and, when it had one, its range on the old text.</summary>
    public AnchorResult Anchor(TextQuoteSelector quote, TextPositionSelector? oldRange)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (_mapping is null || oldRange is null)
        {
            return Search(quote, hint: null, fromDiff: false);
        }
        var mapped = _mapping.Map(oldRange.Start, oldRange.End);
        switch (mapped.Fate)
        {
            case RangeFate.Untouched:
                return Placed(quote, oldRange, mapped.Start, mapped.End, 1.0);
            case RangeFate.Edited when mapped.KeptFraction >= MinKeptFraction:
                return Placed(quote, oldRange, mapped.Start, mapped.End, mapped.KeptFraction);
            case RangeFate.Edited:
                // Little was kept: the words may have moved with their paragraph. A verbatim copy
                // in context wins; an approximate one only where the diff says the passage went.
                if (Verbatim(quote, mapped.Start) is { } moved && IsWhatBecameOfIt(moved, oldRange)) return moved;
                var searched = Search(quote, mapped.Start, fromDiff: true);
                return searched is { Start: { } s, End: { } e } && s < mapped.End && e > mapped.Start
                    ? Placed(quote, oldRange, s, e, searched.Score)
                    : Placed(quote, oldRange, mapped.Start, mapped.End, mapped.KeptFraction);
            default:
                return Verbatim(quote, hint: null) is { } copy && IsWhatBecameOfIt(copy, oldRange) ? copy : AnchorResult.Orphaned;
        }
    }

    /// <summary>
    /// Whether a verbatim copy is this passage moved rather than another passage with the same
    /// words: most of its words are new or moved from the range, not kept by the diff from
    /// elsewhere (a copy that was there before is kept whole; a moved one has at most a few
    /// common words that the diff aligned with old ones by chance).
    /// </summary>
    private bool IsWhatBecameOfIt(AnchorResult copy, TextPositionSelector oldRange)
    {
        var words = _mapping!.Provenance(NewText, oldRange.Start, oldRange.End, copy.Start!.Value, copy.End!.Value);
        return 2 * words.Count(w => w.Own is null) < words.Count;
    }

    /// <summary>
    /// A placement found by the diff or by a search near where the diff says the passage went,
    /// cut to what became of the passage: a word the diff kept from outside the old range (the
    /// quote's neighbour, which an edit or an approximate match ran onto) is never in it.
    /// Nothing of the passage left there: orphaned.
    /// </summary>
    private AnchorResult Placed(TextQuoteSelector quote, TextPositionSelector oldRange, int start, int end, double score)
    {
        if (_mapping!.OwnPart(NewText, oldRange.Start, oldRange.End, start, end) is not { } own)
        {
            return AnchorResult.Orphaned;
        }
        (start, end) = own;
        if (NewText.Slice(start, end) == quote.Exact)
        {
            return new AnchorResult(AnchorStatus.Anchored, start, end, score);
        }
        // A cut inside a replacement can fall mid-word: a highlight covers whole words, and no
        // white space the cut left at either edge.
        (start, end) = WholeWords(start, end);
        var points = NewText.Points;
        while (start < end && IsSpace(points[start])) start++;
        while (end > start && IsSpace(points[end - 1])) end--;
        return new AnchorResult(AnchorStatus.Changed, start, end, score);
    }

    /// <summary>Widens a range that starts or ends inside a word to the whole word, so a placed highlight never reads "ins" for "remains".</summary>
    private (int Start, int End) WholeWords(int start, int end)
    {
        var points = NewText.Points;
        while (start > 0 && start < points.Length && IsWordPoint(points[start - 1]) && IsWordPoint(points[start])) start--;
        while (end > 0 && end < points.Length && IsWordPoint(points[end - 1]) && IsWordPoint(points[end])) end++;
        return (start, end);
    }

    private static bool IsSpace(int point) => point <= 0xFFFF && char.IsWhiteSpace((char)point);

    private static bool IsWordPoint(int point) => point <= 0xFFFF ? char.IsLetterOrDigit((char)point) : char.IsLetterOrDigit(char.ConvertFromUtf32(point), 0);

    /// <summary>The quote word for word, the copy with the best context; a short quote needs its prefix or suffix there too.</summary>
    private AnchorResult? Verbatim(TextQuoteSelector quote, int? hint)
    {
        int[] exact = CodePoints.ToArray(quote.Exact);
        if (exact.Length == 0) return null;
        var points = NewText.Points;
        var copies = Anchorer.ExactOccurrences(points, exact);
        if (copies.Count == 0) return null;
        int[] prefix = CodePoints.ToArray(quote.Prefix);
        int[] suffix = CodePoints.ToArray(quote.Suffix);
        var (best, score) = Anchorer.Best(points, copies, exact.Length, prefix, suffix, hint);
        if (exact.Length < SelfEvidentQuoteLength)
        {
            double before = prefix.Length == 0 ? 0 : Anchorer.ContextScore(points[Math.Max(0, best.Start - prefix.Length)..best.Start], prefix);
            double after = suffix.Length == 0 ? 0 : Anchorer.ContextScore(points[best.End..Math.Min(points.Length, best.End + suffix.Length)], suffix);
            if (Math.Max(before, after) < Anchorer.PlausibleContextSimilarity) return null;
        }
        return new AnchorResult(AnchorStatus.Anchored, best.Start, best.End, score);
    }

    private AnchorResult Search(TextQuoteSelector quote, int? hint, bool fromDiff)
    {
        var result = Anchorer.Anchor(NewText, quote, position: null, hint, AnchorOptions.NewsReader);
        if (result.Start is not { } start || result.End is not { } end) return result;
        bool same = NewText.Slice(start, end) == quote.Exact;
        // An approximate match can start or end inside a word: it covers whole words.
        if (!same) (start, end) = WholeWords(start, end);
        // Found by search: the same words are anchored wherever they stand; other words are what
        // became of the passage when a diff led there, else a move found by search alone.
        return result with { Status = same ? AnchorStatus.Anchored : fromDiff ? AnchorStatus.Changed : AnchorStatus.Moved, Start = start, End = end };
    }
}
