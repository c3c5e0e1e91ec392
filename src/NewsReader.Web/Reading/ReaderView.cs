
namespace NewsReader.Web.Reading;

/// <summary>One highlight over a segment; the first segment of an annotation carries its #annotation-{id} anchor.</summary>
public sealed record SegmentMark(Annotation Annotation, bool IsFirst);

/// <summary>A piece of a block's text and the highlights over it, outermost first.</summary>
public sealed record RenderedSegment(string Text, IReadOnlyList<SegmentMark> Marks);

/// <summary>A heading or paragraph ready to render: its offsets and its segments.</summary>
public sealed record RenderedBlock(TextBlock Block, IReadOnlyList<RenderedSegment> Segments);

/// <summary>
/// An article with the annotations a reader may see laid over it: blocks cut into segments
/// at every highlight boundary, so the page can render overlapping highlights as nested
/// &lt;mark&gt; elements without any script.
/// </summary>
public sealed class ReaderView
{
    public required ArticleDocument Article { get; init; }
    public required IReadOnlyList<RenderedBlock> Blocks { get; init; }

    /// <summary>Placed annotations in document order.</summary>
    public required IReadOnlyList<Annotation> Placed { get; init; }

    /// <summary>Annotations whose quote is no longer in the text.</summary>
    public required IReadOnlyList<Annotation> Orphans { get; init; }

    public static ReaderView Build(ArticleDocument article, IReadOnlyList<Annotation> annotations)
    {
        var placed = annotations.Where(a => a.AnchorStatus != AnchorStatus.Orphaned && a.Start is not null && a.End > a.Start).ToList();
        var byId = placed.ToDictionary(a => a.Id.ToString());
        var ranges = placed.Select(a => new HighlightRange(a.Id.ToString(), a.Start!.Value, a.End!.Value)).ToList();
        var seen = new HashSet<Guid>();
        var blocks = new List<RenderedBlock>(article.Blocks.Count);
        var text = new CodePointText(article.Text);
        var byBlock = RangesByBlock(article.Blocks, ranges);
        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var block = article.Blocks[b];
            var segments = HighlightLayout.Segments(block.Start, block.End, byBlock[b]);
            var rendered = new List<RenderedSegment>(segments.Count);
            foreach (var segment in segments)
            {
                var marks = segment.Highlights.Select(h => byId[h.Id]).Select(a => new SegmentMark(a, seen.Add(a.Id))).ToList();
                rendered.Add(new RenderedSegment(text.Slice(segment.Start, segment.End), marks));
            }
            blocks.Add(new RenderedBlock(block, rendered));
        }
        return new ReaderView
        {
            Article = article,
            Blocks = blocks,
            Placed = placed,
            Orphans = annotations.Except(placed).ToList(),
        };
    }

    /// <summary>
    /// The highlights touching each block (blocks are in text order), found by binary search,
    /// so laying out a block looks at its own highlights rather than all of the article's.
    /// </summary>
    private static List<HighlightRange>[] RangesByBlock(IReadOnlyList<TextBlock> blocks, IReadOnlyList<HighlightRange> ranges)
    {
        var byBlock = new List<HighlightRange>[blocks.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            byBlock[b] = [];
        }
        foreach (var range in ranges)
        {
            // The first block ending after the range starts, then on while blocks start before it ends.
            int lo = 0, hi = blocks.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (blocks[mid].End <= range.Start) lo = mid + 1; else hi = mid;
            }
            for (var b = lo; b < blocks.Count && blocks[b].Start < range.End; b++)
            {
                byBlock[b].Add(range);
            }
        }
        return byBlock;
    }

}
