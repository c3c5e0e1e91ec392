
namespace NewsReader.Core.Tests.Revisions;

public sealed class RangeMappingTests
{
    private const string Old = "The two leaders agreed on closer relationships in trade. Markets rose on the news.";

    [Theory]
    // Insertions before, exactly at either edge of, and after the range: untouched, shifted.
    [InlineData("The two leaders agreed on closer relationships in trade. Markets rose sharply on the news.", "closer relationships", RangeFate.Untouched, "closer relationships")]
    [InlineData("Today the two leaders agreed on closer relationships in trade. Markets rose on the news.", "closer relationships", RangeFate.Untouched, "closer relationships")]
    [InlineData("The two leaders agreed on much closer relationships in trade. Markets rose on the news.", "closer relationships", RangeFate.Untouched, "closer relationships")]
    [InlineData("The two leaders agreed on closer relationships with allies in trade. Markets rose on the news.", "closer relationships", RangeFate.Untouched, "closer relationships")]
    // Insertion inside: edited, the new words inside the range.
    [InlineData("The two leaders agreed on closer economic relationships in trade. Markets rose on the news.", "closer relationships", RangeFate.Edited, "closer economic relationships")]
    // A replacement that cuts the range's end, or its start: what became of it.
    [InlineData("The two leaders agreed on closer ties in trade. Markets rose on the news.", "closer relationships", RangeFate.Edited, "closer ties")]
    [InlineData("The two leaders agreed on warmer relationships in trade. Markets rose on the news.", "closer relationships", RangeFate.Edited, "warmer relationships")]
    // Deletions that cut the start or the end.
    [InlineData("The two leaders agreed on relationships in trade. Markets rose on the news.", "closer relationships in", RangeFate.Edited, "relationships in")]
    [InlineData("The two leaders agreed on closer relationships. Markets rose on the news.", "closer relationships in trade", RangeFate.Edited, "closer relationships")]
    // Deleted whole.
    [InlineData("The two leaders agreed. Markets rose on the news.", "on closer relationships in trade", RangeFate.Deleted, null)]
    public void Maps_a_range_through_the_diff(string revised, string quote, RangeFate fate, string? expected)
    {
        int start = Old.IndexOf(quote, StringComparison.Ordinal);
        var mapping = new RangeMapping(new CodePointText(Old), TextDiff.Compute(Old, revised));

        var mapped = mapping.Map(start, start + quote.Length);

        Assert.Equal(fate, mapped.Fate);
        if (expected is not null)
        {
            Assert.Equal(expected, revised[mapped.Start..mapped.End]);
        }
    }

    [Fact]
    public void Diff_offsets_are_code_points()
    {
        var diff = TextDiff.Compute("𝒜 one two", "𝒜 one three two");

        var insert = Assert.Single(diff, d => d.Op == DiffOpKind.Insert);
        Assert.Equal(6, insert.NewStart);
        Assert.Equal(6, insert.OldStart);
        Assert.Equal("three ", insert.Text);
    }

    [Fact]
    public void The_word_for_word_diff_keeps_every_shared_word_aligned_for_re_anchoring()
    {
        var diff = TextDiff.Compute("He said it was fine.", "She thought it went well.", semantic: false);

        Assert.Contains(diff, d => d.Op == DiffOpKind.Equal && d.Text.Contains("it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rewritten_sentence_is_one_replacement_not_a_scatter_of_shared_spaces()
    {
        var diff = TextDiff.Compute("He said it was fine.", "She thought all went well.");

        Assert.DoesNotContain(diff, d => d.Op == DiffOpKind.Equal && d.Text.Trim().Length == 0);
    }
}

public sealed class RevisionAnchorerTests
{
    private static TextQuoteSelector Describe(string text, string quote, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = text.IndexOf(quote, at + 1, StringComparison.Ordinal);
        return QuoteDescriber.Describe(text, at, at + quote.Length);
    }

    private static AnchorResult Reanchor(string old, string revised, string quote, int occurrence = 0)
    {
        var selector = Describe(old, quote, occurrence);
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = old.IndexOf(quote, at + 1, StringComparison.Ordinal);
        return new RevisionAnchorer(new CodePointText(revised), new CodePointText(old)).Anchor(selector, new TextPositionSelector(at, at + quote.Length));
    }

    private const string Story =
        "The leaders met in Washington on Tuesday and promised closer relationships between their countries.\n\n" +
        "Officials said trade talks would resume in spring, and that the relationship between the two navies was strong.\n\n" +
        "Analysts expect the d the relationship to be tested by the end of the year.";

    [Fact]
    public void Closer_ties_is_placed_on_the_rewritten_words_never_elsewhere()
    {
        var revised = Story.Replace("closer relationships", "closer ties", StringComparison.Ordinal);

        var result = Reanchor(Story, revised, "closer relationships");

        Assert.Equal(AnchorStatus.Changed, result.Status);
        Assert.Equal("closer ties", revised[result.Start!.Value..result.End!.Value]);
    }

    [Fact]
    public void Closer_ties_without_a_base_text_is_orphaned_or_on_the_rewritten_words_where_hypothesis_strays()
    {
        var revised = Story.Replace("closer relationships", "closer ties", StringComparison.Ordinal);
        var quote = Describe(Story, "closer relationships");
        var hypothesis = Anchorer.Anchor(revised, quote, null);
        Assert.DoesNotContain("ties", revised[hypothesis.Start!.Value..hypothesis.End!.Value], StringComparison.Ordinal);

        var guarded = Anchorer.Anchor(revised, quote, null, options: AnchorOptions.NewsReader);

        if (guarded.Status != AnchorStatus.Orphaned)
        {
            Assert.Contains("ties", revised[guarded.Start!.Value..guarded.End!.Value], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("relationships between", "bonds between", false)]
    [InlineData("closer relationships", "closer ties", true)]
    [InlineData("closer relationships between their countries", "a partnership", true)]
    public void A_short_quote_rewritten_is_never_put_on_similar_words_elsewhere(string quote, string replacement, bool alsoWithoutBase)
    {
        var revised = Story.Replace(quote, replacement, StringComparison.Ordinal);
        var selector = Describe(Story, quote);

        var guarded = Anchorer.Anchor(revised, selector, null, options: AnchorOptions.NewsReader);
        var result = Reanchor(Story, revised, quote);

        // Without a base text "relationship between" elsewhere is one typo from the quote: search
        // alone cannot tell, which is why revisions go through the diff first.
        int replacedAt = revised.IndexOf(replacement, StringComparison.Ordinal);
        foreach (var r in alsoWithoutBase ? new[] { guarded, result } : [result])
        {
            Assert.True(r.Status == AnchorStatus.Orphaned || (r.Start < replacedAt + replacement.Length && r.End > replacedAt),
                $"placed on '{(r.Start is { } s ? revised[s..r.End!.Value] : "")}'");
        }
    }

    [Fact]
    public void A_moved_paragraph_takes_its_highlight_with_it_anchored()
    {
        var paragraphs = Story.Split("\n\n");
        var revised = string.Join("\n\n", paragraphs[1], paragraphs[2], paragraphs[0]);

        var result = Reanchor(Story, revised, "promised closer relationships");

        Assert.Equal(AnchorStatus.Anchored, result.Status);
        Assert.Equal(revised.IndexOf("promised closer relationships", StringComparison.Ordinal), result.Start);
    }

    [Fact]
    public void Context_decides_between_copies_of_a_deleted_quote()
    {
        const string old = "First the council said yes to the plan. Then the mayor said yes to the plan. Later the judge ruled.";
        // The first sentence is deleted; the quote's copy in the second still stands with its own context.
        const string revised = "Later the judge ruled. Then the mayor said yes to the plan.";

        var result = Reanchor(old, revised, "said yes to the plan", occurrence: 1);

        Assert.Equal(AnchorStatus.Anchored, result.Status);
        Assert.Equal(revised.IndexOf("said yes", StringComparison.Ordinal), result.Start);
    }

    [Fact]
    public void A_deleted_short_quote_whose_copy_stands_in_other_context_is_orphaned()
    {
        const string rest = "Elsewhere, talks between the unions and the rail company went on late into the night without a deal.";
        const string old = "Residents said the plan was good for the town. " + rest;
        const string revised = rest + " Officials called the plan was good in the capital district today.";

        var result = Reanchor(old, revised, "the plan was good");

        Assert.Equal(AnchorStatus.Orphaned, result.Status);
    }

    [Fact]
    public void Untouched_text_whose_offsets_shift_is_anchored_not_moved()
    {
        var revised = "Breaking: " + Story;

        var result = Reanchor(Story, revised, "trade talks would resume");

        Assert.Equal(AnchorStatus.Anchored, result.Status);
        Assert.Equal("trade talks would resume", revised[result.Start!.Value..result.End!.Value]);
    }

    [Fact]
    public void Changed_paragraphs_are_counted_and_removed_ones_too()
    {
        const string old = "One two three.\n\nFour five six.\n\nSeven eight nine.";
        const string revised = "One two three.\n\nFour FIVE six.";
        var oldBlocks = new[] { new TextBlock(BlockKind.Paragraph, 0, 14), new TextBlock(BlockKind.Paragraph, 16, 30), new TextBlock(BlockKind.Paragraph, 32, 49) };
        var newBlocks = new[] { new TextBlock(BlockKind.Paragraph, 0, 14), new TextBlock(BlockKind.Paragraph, 16, 30) };

        var changes = ParagraphChanges.Find(TextDiff.Compute(old, revised), oldBlocks, newBlocks);

        Assert.Equal([16], changes.ChangedBlockStarts);
        Assert.True(changes.Count == 2, string.Join(" | ", TextDiff.Compute(old, revised).Select(d => $"{d.Op}@{d.OldStart}:{d.Text.Replace("\n", "\\n")}")) + $" changed={string.Join(",", changes.ChangedBlockStarts)} removed={changes.RemovedParagraphs}");
        var sections = DiffLayout.Sections(TextDiff.Compute(old, revised));
        Assert.True(sections[0].Folded);
        Assert.False(sections[^1].Folded);
    }
}
