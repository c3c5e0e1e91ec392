
namespace NewsReader.Core.Revisions;

/// <summary>What a diff did to a range of the old text.</summary>
public enum RangeFate
{
    /// <summary>No edit inside it: the same text, perhaps at other offsets.</summary>
    Untouched,

    /// <summary>Edited, with some of its words kept: <see cref="MappedRange.Start"/>/<see cref="MappedRange.End"/> cover what became of it.</summary>
    Edited,

    /// <summary>Every word of it was deleted.</summary>
    Deleted,
}

/// <summary>A range of the old text carried to the new one. <see cref="KeptFraction"/> is the share of its letters and digits the new text kept.</summary>
public readonly record struct MappedRange(RangeFate Fate, int Start, int End, double KeptFraction);

/// <summary>
/// Carries code-point ranges of an old revision's text onto the new one through a
/// <see cref="TextDiff"/>. An insertion exactly at either end of a range stays outside it;
/// a replacement of the range's own words at its start or end takes its inserted words into the
/// range, so "closer relationships" edited to "closer ties" becomes "closer ties", but one that
/// also replaced the neighbour's words gives it none (which new word stands for which old one,
/// the texts do not say). A range that a
/// moved passage touches (<see cref="MoveDetection"/>: its words moved away, or moved text came
/// into it) follows its words word by word, and keeps the largest run of them that stayed
/// together: a moved paragraph's highlight moves with it, and text moved into the middle of a
/// highlight is never taken into it.
/// </summary>
public sealed class RangeMapping
{
    private readonly CodePointText _oldText;
    private readonly List<Hunk> _hunks = [];
    private readonly IReadOnlyList<MovedWord> _moved;
    private readonly MovedWord[] _movedByNew;
    private readonly List<Kept> _kept = [];

    private readonly record struct Hunk(int OldStart, int OldEnd, int NewStart, int NewEnd);

    /// <summary>A stretch the diff kept: new [NewStart, NewStart + Length) is old [OldStart, …).</summary>
    private readonly record struct Kept(int OldStart, int NewStart, int Length);

    public RangeMapping(CodePointText oldText, IReadOnlyList<DiffOp> diff)
        : this(oldText, diff, diff)
    {
    }

    /// <param name="oldText">The text the ranges are on.</param>
    /// <param name="diff">The diff ranges are carried through.</param>
    /// <param name="movesFrom">The diff moves are found in: the semantic one, whose deleted and
    /// inserted runs are not cut by a stray shared "the" as the word-for-word one's are.</param>
    public RangeMapping(CodePointText oldText, IReadOnlyList<DiffOp> diff, IReadOnlyList<DiffOp> movesFrom)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(diff);
        _oldText = oldText;
        foreach (var op in diff)
        {
            if (op.Op == DiffOpKind.Equal)
            {
                _kept.Add(new Kept(op.OldStart, op.NewStart, op.Length));
                continue;
            }
            // A deletion followed by an insertion at the same place is one replacement.
            if (_hunks.Count > 0 && _hunks[^1].OldEnd == op.OldStart && _hunks[^1].NewEnd == op.NewStart)
            {
                _hunks[^1] = _hunks[^1] with { OldEnd = op.OldEnd, NewEnd = op.NewEnd };
            }
            else
            {
                _hunks.Add(new Hunk(op.OldStart, op.OldEnd, op.NewStart, op.NewEnd));
            }
        }
        ArgumentNullException.ThrowIfNull(movesFrom);
        _moved = MoveDetection.Find(movesFrom);
        _movedByNew = [.. _moved.OrderBy(m => m.NewStart)];
    }

    /// <summary>Maps the old range [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public MappedRange Map(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        // The first hunk that can touch the range: hunks are in text order, OldEnd ascending.
        int first = LowerBound(start);
        // A hunk that ends exactly at the start (an insertion there, or a deletion just before)
        // stays outside the range; the edits after it still count.
        while (first < _hunks.Count && _hunks[first].OldEnd <= start) first++;
        int last = first - 1;
        for (int i = first; i < _hunks.Count && Touches(_hunks[i], start, end); i++) last = i;
        if (last < first)
        {
            int shifted = Shift(start);
            return new MappedRange(RangeFate.Untouched, shifted, shifted + (end - start), 1.0);
        }

        if (_moved.Count > 0 && TouchesMove(start, end, _hunks[first].NewStart, _hunks[last].NewEnd))
        {
            return FollowWords(start, end);
        }

        int total = 0, kept = 0;
        var points = _oldText.Points;
        int h = first;
        for (int p = start; p < Math.Min(end, points.Length); p++)
        {
            while (h <= last && _hunks[h].OldEnd <= p) h++;
            if (!IsWordPoint(points[p])) continue;
            total++;
            bool deleted = h <= last && _hunks[h].OldStart <= p && p < _hunks[h].OldEnd;
            if (!deleted) kept++;
        }
        if (kept == 0)
        {
            return new MappedRange(RangeFate.Deleted, 0, 0, 0);
        }
        var firstHunk = _hunks[first];
        var lastHunk = _hunks[last];
        // A replacement whose old words are all the range's gives it all its new words ("closer
        // [relationships → ties]"). One that also replaced words beside the range ("closer
        // [relationships in → ties with]") gives it none: which of the new words took the range's
        // place and which its neighbour's, the texts do not say, and a guess can be wrong.
        int newStart = Shift(start);
        if (firstHunk.OldStart <= start && firstHunk.OldEnd > firstHunk.OldStart)
        {
            newStart = HasWordPoint(firstHunk.OldStart, start) ? firstHunk.NewEnd : firstHunk.NewStart;
        }
        int newEnd = Shift(end, insertionStaysOutside: true);
        if (lastHunk.OldEnd >= end && lastHunk.OldEnd > lastHunk.OldStart)
        {
            newEnd = HasWordPoint(end, lastHunk.OldEnd) ? lastHunk.NewStart : lastHunk.NewEnd;
        }
        return new MappedRange(RangeFate.Edited, newStart, Math.Max(newStart, newEnd), total == 0 ? 1.0 : (double)kept / total);
    }

    /// <summary>
    /// The part of a placement [<paramref name="newStart"/>, <paramref name="newEnd"/>) in
    /// <paramref name="newText"/> that is what became of old [<paramref name="oldStart"/>,
    /// <paramref name="oldEnd"/>): its words are each the range's own (kept or moved there) or new,
    /// never a word the diff kept from outside the range. A placement with such words is cut at
    /// them and keeps the stretch with most of the range's own words; then a few own words at
    /// either end that more new words part from the rest are left out (in a rewritten sentence, a
    /// "the" or "council" kept by chance is weak evidence that the passage reaches that far).
    /// Null when none of the range's words is left; with <paramref name="newWordsSuffice"/>, a
    /// placement of new words alone stands (a verbatim copy of a passage that moved with edits
    /// around it, so that no move was detected).
    /// </summary>
    public (int Start, int End)? OwnPart(CodePointText newText, int oldStart, int oldEnd, int newStart, int newEnd, bool newWordsSuffice = false)
    {
        ArgumentNullException.ThrowIfNull(newText);
        int limit = Math.Min(newEnd, newText.Length);
        var words = Provenance(newText, oldStart, oldEnd, newStart, newEnd);
        int bestFirst = -1, bestLast = -1, bestOwn = -1;
        for (int first = 0; first < words.Count;)
        {
            if (words[first].Own is null) { first++; continue; }
            int last = first, own = 0;
            while (last + 1 < words.Count && words[last + 1].Own is not null) last++;
            for (int k = first; k <= last; k++) if (words[k].Own == true) own++;
            if (own > bestOwn) (bestFirst, bestLast, bestOwn) = (first, last, own);
            first = last + 1;
        }
        if (bestFirst < 0 || (bestOwn == 0 && !newWordsSuffice)) return null;
        if (bestOwn > 0) (bestFirst, bestLast) = WithoutStrayEdges(words, bestFirst, bestLast);
        int start = words[bestFirst].Start, end = words[bestLast].End;
        // Kept to the edge: the placement's own first and last characters (punctuation) stay.
        if (bestFirst == 0) start = Math.Max(0, newStart);
        if (bestLast == words.Count - 1) end = limit;
        return (start, end);
    }

    /// <summary>
    /// The words of new [<paramref name="newStart"/>, <paramref name="newEnd"/>) and where each
    /// came from: old [<paramref name="oldStart"/>, <paramref name="oldEnd"/>) (Own true), nowhere,
    /// being new (false), or elsewhere in the old text (null).
    /// </summary>
    public List<(int Start, int End, bool? Own)> Provenance(CodePointText newText, int oldStart, int oldEnd, int newStart, int newEnd)
    {
        ArgumentNullException.ThrowIfNull(newText);
        var points = newText.Points;
        int limit = Math.Min(newEnd, points.Length);
        var words = new List<(int Start, int End, bool? Own)>();
        for (int p = Math.Max(0, newStart); p < limit;)
        {
            if (!IsWordPoint(points[p])) { p++; continue; }
            int wordStart = p;
            while (p < points.Length && IsWordPoint(points[p])) p++;
            bool? own = OldPosition(wordStart) switch
            {
                null => false,
                { } o when o >= oldStart && o < oldEnd => true,
                _ => null,
            };
            words.Add((wordStart, Math.Min(p, limit), own));
        }
        return words;
    }

    /// <summary>
    /// Leaves out the own words at either end that are single words kept by chance: words no two
    /// of which stand together, fewer than the new words that part them from the rest.
    /// </summary>
    private static (int First, int Last) WithoutStrayEdges(List<(int Start, int End, bool? Own)> words, int first, int last)
    {
        first = StrayEnd(words, first, last, +1);
        last = StrayEnd(words, last, first, -1);
        return (first, last);
    }

    /// <summary>Walks from <paramref name="from"/> towards <paramref name="to"/> and returns where the placement should begin (or end) on that side.</summary>
    private static int StrayEnd(List<(int Start, int End, bool? Own)> words, int from, int to, int step)
    {
        bool Inside(int k) => step > 0 ? k <= to : k >= to;
        int edge = from, k = from, own = 0;
        while (Inside(k) && words[k].Own == false) k += step;
        while (Inside(k))
        {
            int run = 0;
            while (Inside(k) && words[k].Own == true) { run++; k += step; }
            if (run >= 2) break;
            own += run;
            int gap = 0;
            while (Inside(k) && words[k].Own == false) { gap++; k += step; }
            if (!Inside(k)) break;
            if (own < gap)
            {
                edge = k;
                own = 0;
            }
        }
        return edge;
    }

    /// <summary>Where a new code point was in the old text: moved there with its word, or kept in place; null when new.</summary>
    private int? OldPosition(int q)
    {
        int j = FirstMovedByNew(q);
        if (j < _movedByNew.Length && _movedByNew[j].NewStart <= q) return _movedByNew[j].OldStart + (q - _movedByNew[j].NewStart);
        int lo = 0, hi = _kept.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_kept[mid].NewStart + _kept[mid].Length <= q) lo = mid + 1;
            else hi = mid;
        }
        return lo < _kept.Count && _kept[lo].NewStart <= q ? _kept[lo].OldStart + (q - _kept[lo].NewStart) : null;
    }

    /// <summary>Whether old [<paramref name="from"/>, <paramref name="to"/>) holds a letter or digit.</summary>
    private bool HasWordPoint(int from, int to)
    {
        var points = _oldText.Points;
        for (int p = Math.Max(0, from); p < Math.Min(to, points.Length); p++)
        {
            if (IsWordPoint(points[p])) return true;
        }
        return false;
    }

    /// <summary>More new text than this (code points) between two of a range's words that a move touched parts them.</summary>
    public const int MaxGapInsideRun = 80;

    /// <summary>Whether a moved word was in the old range, or one was moved into the new text of the range's hunks.</summary>
    private bool TouchesMove(int start, int end, int newStart, int newEnd)
    {
        int i = FirstMovedByOld(start);
        if (i < _moved.Count && _moved[i].OldStart < end) return true;
        int j = FirstMovedByNew(newStart);
        return j < _movedByNew.Length && _movedByNew[j].NewStart < newEnd;
    }

    /// <summary>
    /// Carries each letter and digit of the range to the new text (in place, moved, or deleted)
    /// and keeps the largest run of them that stays in order with no foreign moved text between.
    /// </summary>
    private MappedRange FollowWords(int start, int end)
    {
        var points = _oldText.Points;
        int total = 0;
        int bestFirst = 0, bestLast = -1, bestCount = 0;
        int runFirst = 0, runLast = -1, runCount = 0, lastOld = 0;
        for (int p = start; p < Math.Min(end, points.Length); p++)
        {
            if (!IsWordPoint(points[p])) continue;
            total++;
            if (NewPosition(p) is not { } q) continue;
            if (runCount > 0 && (q <= runLast || (q - runLast) - (p - lastOld) > MaxGapInsideRun || ForeignMoveBetween(runLast, q, start, end)))
            {
                if (runCount > bestCount) (bestFirst, bestLast, bestCount) = (runFirst, runLast, runCount);
                runCount = 0;
            }
            if (runCount == 0) runFirst = q;
            runLast = q;
            lastOld = p;
            runCount++;
        }
        if (runCount > bestCount) (bestFirst, bestLast, bestCount) = (runFirst, runLast, runCount);
        return bestCount == 0
            ? new MappedRange(RangeFate.Deleted, 0, 0, 0)
            : new MappedRange(RangeFate.Edited, bestFirst, bestLast + 1, total == 0 ? 1.0 : (double)bestCount / total);
    }

    /// <summary>Where an old code point is in the new text: moved with its word, shifted in place, or null when deleted.</summary>
    private int? NewPosition(int p)
    {
        int i = FirstMovedByOld(p);
        if (i < _moved.Count && _moved[i].OldStart <= p) return _moved[i].NewStart + (p - _moved[i].OldStart);
        int lo = 0, hi = _hunks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_hunks[mid].OldEnd <= p) lo = mid + 1;
            else hi = mid;
        }
        if (lo < _hunks.Count && _hunks[lo].OldStart <= p) return null;
        return Shift(p);
    }

    /// <summary>Whether words moved from outside the old range lie in the new text strictly between two offsets.</summary>
    private bool ForeignMoveBetween(int from, int to, int start, int end)
    {
        for (int j = FirstMovedByNew(from + 1); j < _movedByNew.Length && _movedByNew[j].NewStart < to; j++)
        {
            if (_movedByNew[j].OldStart < start || _movedByNew[j].OldStart >= end) return true;
        }
        return false;
    }

    /// <summary>The first moved word ending after <paramref name="offset"/> in the old text.</summary>
    private int FirstMovedByOld(int offset)
    {
        int lo = 0, hi = _moved.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_moved[mid].OldEnd <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The first moved word ending after <paramref name="offset"/> in the new text.</summary>
    private int FirstMovedByNew(int offset)
    {
        int lo = 0, hi = _movedByNew.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_movedByNew[mid].NewEnd <= offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Whether the hunk edits inside the range: its deletion overlaps it, or it inserts strictly inside it.</summary>
    private static bool Touches(Hunk hunk, int start, int end) =>
        hunk.OldEnd > hunk.OldStart
            ? hunk.OldStart < end && hunk.OldEnd > start
            : hunk.OldStart > start && hunk.OldStart < end;

    /// <summary>Where an old offset outside every deletion lands: after the last hunk that ends at or before it.</summary>
    private int Shift(int offset, bool insertionStaysOutside = false)
    {
        int lo = 0, hi = _hunks.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (_hunks[mid].OldEnd <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        // An insertion exactly at a range's start goes before it; one exactly at its end, after it.
        if (insertionStaysOutside && found >= 0 && _hunks[found].OldStart == offset && _hunks[found].OldEnd == offset) found--;
        return found < 0 ? offset : offset - _hunks[found].OldEnd + _hunks[found].NewEnd;
    }

    /// <summary>The index of the first hunk with OldEnd ≥ start (a pure insertion at start is not inside, but it is harmless to look at).</summary>
    private int LowerBound(int start)
    {
        int lo = 0, hi = _hunks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_hunks[mid].OldEnd < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static bool IsWordPoint(int point) => point <= 0xFFFF ? char.IsLetterOrDigit((char)point) : char.IsLetterOrDigit(char.ConvertFromUtf32(point), 0);
}
