
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
/// so "closer relationships" edited to "closer ties" becomes "closer ties".
/// </summary>
public sealed class RangeMapping
{
    private readonly CodePointText _oldText;
    private readonly List<Hunk> _hunks = [];

    private readonly record struct Hunk(int OldStart, int OldEnd, int NewStart, int NewEnd);

    public RangeMapping(CodePointText oldText, IReadOnlyList<DiffOp> diff)
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
