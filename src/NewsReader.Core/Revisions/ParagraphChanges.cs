
namespace NewsReader.Core.Revisions;

/// <summary>Which paragraphs of a new revision a diff changed, and how many of the old ones it removed whole.</summary>
public sealed record ParagraphChanges(IReadOnlySet<int> ChangedBlockStarts, int RemovedParagraphs)
{
    /// <summary>Paragraphs that read differently: changed or new ones in the new text, plus old ones gone entirely.</summary>
    public int Count => ChangedBlockStarts.Count + RemovedParagraphs;

    /// <summary>
    /// A new block changed when an insertion overlaps it or a deletion falls inside it (at its
    /// edges too, unless the deleted text is whole paragraphs); an old block inside a deletion is
    /// removed. Edits of punctuation or white space alone change nothing.
    /// </summary>
    public static ParagraphChanges Find(IReadOnlyList<DiffOp> diff, IReadOnlyList<TextBlock> oldBlocks, IReadOnlyList<TextBlock> newBlocks)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var changed = new HashSet<int>();
        int removed = 0;
        foreach (var op in diff)
        {
            // A full stop or comma moved by the diff's alignment does not make a paragraph read differently.
            if (!op.Text.AsSpan().ContainsAnyExcept(NonWord)) continue;
            if (op.Op == DiffOpKind.Insert)
            {
                // Only where its words are: ".\n\nNew words" inserted changes the new paragraph, not the one whose full stop it repeats.
                var (wordsStart, wordsEnd) = WordSpan(op);
                foreach (var block in newBlocks)
                {
                    if (block.Start < wordsEnd && block.End > wordsStart) changed.Add(block.Start);
                }
            }
            else if (op.Op == DiffOpKind.Delete)
            {
                foreach (var block in newBlocks)
                {
                    bool inside = block.Start < op.NewStart && op.NewStart < block.End;
                    bool atEdge = op.NewStart == block.Start || op.NewStart == block.End;
                    if (inside || (atEdge && !op.Text.Contains("\n\n", StringComparison.Ordinal))) changed.Add(block.Start);
                }
            }
        }
        // An old paragraph none of whose words were kept is gone, unless new words took its place
        // (then the new paragraph counts as changed).
        for (int i = 0; i < oldBlocks.Count; i++)
        {
            var block = oldBlocks[i];
            bool kept = diff.Any(op => op.Op == DiffOpKind.Equal && op.OldStart < block.End && op.OldEnd > block.Start
                && op.Text.AsSpan(Math.Max(0, block.Start - op.OldStart), Math.Min(op.OldEnd, block.End) - Math.Max(op.OldStart, block.Start)).ContainsAnyExcept(NonWord));
            // Replaced: new words were put where this paragraph's own deletion began.
            bool replaced = Enumerable.Range(1, Math.Max(0, diff.Count - 1)).Any(k =>
                diff[k].Op == DiffOpKind.Insert && diff[k - 1].Op == DiffOpKind.Delete && diff[k - 1].OldEnd == diff[k].OldStart
                && diff[k - 1].OldStart >= block.Start && diff[k - 1].OldStart <= block.End);
            if (!kept && !replaced) removed++;
        }
        return new ParagraphChanges(changed, removed);
    }

    /// <summary>The new-text span of an insertion from its first to its last letter or digit, in code points.</summary>
    private static (int Start, int End) WordSpan(DiffOp op)
    {
        var text = op.Text.AsSpan();
        int first = text.IndexOfAnyExcept(NonWord);
        int last = text.LastIndexOfAnyExcept(NonWord);
        return (op.NewStart + Text.CodePoints.Count(op.Text.AsSpan(0, first)), op.NewEnd - Text.CodePoints.Count(op.Text.AsSpan(last + 1)));
    }

    private static readonly System.Buffers.SearchValues<char> NonWord = System.Buffers.SearchValues.Create(" \t\n\r.,;:!?'\"()[]-–—…“”‘’");
}

/// <summary>One paragraph of a diff as a reader sees it: its pieces, and whether any piece is an edit.</summary>
public sealed record DiffParagraph(IReadOnlyList<DiffOp> Pieces)
{
    public bool Changed => Pieces.Any(p => p.Op != DiffOpKind.Equal);
}

/// <summary>A run of paragraphs shown as they are, or folded away because nothing in them changed.</summary>
public sealed record DiffSection(bool Folded, IReadOnlyList<DiffParagraph> Paragraphs);

/// <summary>Lays a diff out as paragraphs (split at blank lines) with the unchanged runs folded.</summary>
public static class DiffLayout
{
    public static IReadOnlyList<DiffSection> Sections(IReadOnlyList<DiffOp> diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var paragraphs = new List<DiffParagraph>();
        var current = new List<DiffOp>();
        foreach (var op in diff)
        {
            var parts = op.Text.Split("\n\n");
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0 && current.Count > 0)
                {
                    paragraphs.Add(new DiffParagraph(current));
                    current = [];
                }
                if (parts[i].Trim('\n').Length > 0) current.Add(op with { Text = parts[i].Trim('\n') });
            }
        }
        if (current.Count > 0) paragraphs.Add(new DiffParagraph(current));

        var sections = new List<DiffSection>();
        foreach (var paragraph in paragraphs)
        {
            bool folded = !paragraph.Changed;
            if (sections.Count > 0 && sections[^1].Folded == folded)
            {
                sections[^1] = sections[^1] with { Paragraphs = [.. sections[^1].Paragraphs, paragraph] };
            }
            else
            {
                sections.Add(new DiffSection(folded, [paragraph]));
            }
        }
        return sections;
    }
}
