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
        var inBlock = highlights
            .Where(h => h.Start < blockEnd && h.End > blockStart && h.End > h.Start)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End).ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();
        var cuts = new SortedSet<int> { blockStart, blockEnd };
        foreach (var h in inBlock)
        {
            cuts.Add(Math.Max(h.Start, blockStart));
            cuts.Add(Math.Min(h.End, blockEnd));
        }

        var segments = new List<HighlightSegment>();
        int? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } start)
            {
                segments.Add(new HighlightSegment(start, cut, inBlock.Where(h => h.Start <= start && h.End >= cut).ToList()));
            }
            previous = cut;
        }
        return segments;
    }
}
