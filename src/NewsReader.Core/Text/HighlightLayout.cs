namespace NewsReader.Core.Text;

/// <summary>A highlighted range of the canonical text, by code-point offsets.</summary>
public sealed record HighlightRange(string Id, int Start, int End);

/// <summary>
/// A piece of a block with the highlights that cover all of it, outermost (earliest start,
/// then longest) first, so nested marks close in the right order.
/// </summary>
public sealed record HighlightSegment(int Start, int End, IReadOnlyList<HighlightRange> Highlights);

/// <summary>
/// Cuts a block into segments at every highlight boundary, so overlapping and nested
/// highlights can be rendered as properly nested &lt;mark&gt; elements.
/// </summary>
public static class HighlightLayout
{
    /// <summary>
    /// The segments of [blockStart, blockEnd), in order, covering it exactly. Highlights
    /// outside the block or empty within it are ignored.
    /// </summary>
    public static IReadOnlyList<HighlightSegment> Segments(int blockStart, int blockEnd, IEnumerable<HighlightRange> highlights)
    {
        var inBlock = new List<HighlightRange>();
        foreach (var h in highlights)
        {
            if (h.Start < blockEnd && h.End > blockStart && h.End > h.Start)
            {
                inBlock.Add(h);
            }
        }
        inBlock.Sort(Outermost);
        // Plain arrays and loops: a page lays out every block of a long article on each view.
        var cuts = new int[inBlock.Count * 2 + 2];
        cuts[0] = blockStart;
        cuts[1] = blockEnd;
        for (var i = 0; i < inBlock.Count; i++)
        {
            cuts[2 + 2 * i] = Math.Max(inBlock[i].Start, blockStart);
            cuts[3 + 2 * i] = Math.Min(inBlock[i].End, blockEnd);
        }
        Array.Sort(cuts);

        var segments = new List<HighlightSegment>(cuts.Length - 1);
        for (var c = 1; c < cuts.Length; c++)
        {
            int start = cuts[c - 1], end = cuts[c];
            if (start == end)
            {
                continue;
            }
            var covering = new List<HighlightRange>();
            foreach (var h in inBlock)
            {
                if (h.Start <= start && h.End >= end)
                {
                    covering.Add(h);
                }
            }
            segments.Add(new HighlightSegment(start, end, covering));
        }
        return segments;
    }

    /// <summary>Earliest start first, then the longest, then by id, so nested marks close in the right order.</summary>
    private static int Outermost(HighlightRange a, HighlightRange b)
    {
        var order = a.Start.CompareTo(b.Start);
        if (order == 0)
        {
            order = b.End.CompareTo(a.End);
        }
        return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
    }
}
