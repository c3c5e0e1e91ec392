
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
/// a replacement that cuts into a range's start or end takes its inserted words into the range,
/// so "closer relationships" edited to "closer ties" becomes "closer ties". A range that a
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

    private readonly record struct Hunk(int OldStart, int OldEnd, int NewStart, int NewEnd);

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
            if (op.Op == DiffOpKind.Equal) continue;
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
        // A replacement that the range starts (or ends) inside gives it as much of the new words
        // as it held of the old, counted from the replacement's far side; one it covers up to an
        // edge gives all of them ("closer [relationships → ties]").
        int newStart = Shift(start);
        if (firstHunk.OldStart <= start && firstHunk.OldEnd > firstHunk.OldStart)
        {
            newStart = firstHunk.OldStart == start
                ? firstHunk.NewStart
                : Math.Max(firstHunk.NewStart, firstHunk.NewEnd - (firstHunk.OldEnd - start));
        }
        int newEnd = Shift(end, insertionStaysOutside: true);
        if (lastHunk.OldEnd >= end && lastHunk.OldEnd > lastHunk.OldStart)
        {
            newEnd = lastHunk.OldEnd == end
                ? lastHunk.NewEnd
                : Math.Min(lastHunk.NewEnd, lastHunk.NewStart + (end - lastHunk.OldStart));
        }
        return new MappedRange(RangeFate.Edited, newStart, Math.Max(newStart, newEnd), total == 0 ? 1.0 : (double)kept / total);
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
