
namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// Re-anchoring after revisions. Each row marks the annotated range in the original text with
/// [[ ]] and, in the revised text, where it should land (no marks: it should be orphaned).
/// The annotation is described as Hypothesis stores it: quote, 32 code points of context, position.
/// </summary>
public class AnchorerTests
{
    private const string Story =
        "The council met on Tuesday to discuss the harbour plan. " +
        "Residents spoke for two hours about traffic, noise and the loss of the old fish market. " +
        "The mayor said the plan would bring four hundred jobs to the town within five years. " +
        "A final vote is expected next month, after a second round of public hearings.";

    public static TheoryData<string, string, string, AnchorStatus> Revisions() => new()
    {
        {
            "unchanged text",
            Mark(Story, "bring four hundred jobs"),
            Mark(Story, "bring four hundred jobs"),
            AnchorStatus.Anchored
        },
        {
            "edit after the quote",
            Mark(Story, "bring four hundred jobs"),
            Mark(Story.Replace("next month", "in the spring"), "bring four hundred jobs"),
            AnchorStatus.Anchored
        },
        {
            "insertion before the quote",
            Mark(Story, "bring four hundred jobs"),
            Mark("Updated at 10:40. " + Story, "bring four hundred jobs"),
            AnchorStatus.Moved
        },
        {
            "deletion before the quote",
            Mark(Story, "bring four hundred jobs"),
            Mark(Story.Replace(" for two hours", ""), "bring four hundred jobs"),
            AnchorStatus.Moved
        },
        {
            "correction inside the quote",
            Mark(Story, "bring four hundred jobs to the town"),
            Mark(Story.Replace("four hundred", "three hundred"), "bring three hundred jobs to the town"),
            AnchorStatus.Moved
        },
        {
            "words inserted inside the quote",
            Mark(Story, "The mayor said the plan would bring four hundred jobs"),
            Mark(Story.Replace("said the plan", "said that the plan"), "The mayor said that the plan would bring four hundred jobs"),
            AnchorStatus.Moved
        },
        {
            "moved paragraph",
            Mark(Story, "A final vote is expected next month"),
            Mark("A final vote is expected next month, after a second round of public hearings. " +
                 Story[..Story.IndexOf("A final vote", StringComparison.Ordinal)].TrimEnd(), "A final vote is expected next month"),
            AnchorStatus.Moved
        },
        {
            "quote gone",
            Mark(Story, "loss of the old fish market"),
            Story.Replace("traffic, noise and the loss of the old fish market", "parking"),
            AnchorStatus.Orphaned
        },
        {
            "emoji before the quote count as one position each",
            Mark("Fans 🎉🎉 cheered as the team won the cup 🏆 at last.", "won the cup"),
            Mark("Fans 🎉🎉🎉 cheered as the team won the cup 🏆 at last.", "won the cup"),
            AnchorStatus.Moved
        },
    };

    [Theory]
    [MemberData(nameof(Revisions))]
    public void Reanchors_after_a_revision(string name, string original, string revised, AnchorStatus expectedStatus)
    {
        var (originalText, start, end) = Unmark(original);
        var quote = QuoteDescriber.Describe(originalText, start, end);
        var position = new TextPositionSelector(start, end);
        var (revisedText, expectedStart, expectedEnd) = Unmark(revised);

        var result = Anchorer.Anchor(revisedText, quote, position);

        Assert.True(expectedStatus == result.Status, $"{name}: status {result.Status}, expected {expectedStatus}");
        if (expectedStatus == AnchorStatus.Orphaned)
        {
            Assert.Null(result.Start);
            return;
        }
        Assert.Equal((expectedStart, expectedEnd), (result.Start!.Value, result.End!.Value));
        Assert.InRange(result.Score, 0.5, 1.0);
    }

    public static TheoryData<string, int?, int> Repeats() => new()
    {
        // The same sentence twice, with different surroundings.
        { "Before the storm: the road was closed. ", null, 0 },
        { "After the storm: the road was closed. ", null, 1 },
        // No context: the stored position decides, even after the text shifted a little.
        { "", 5, 0 },
        { "", 75, 1 },
    };

    [Theory]
    [MemberData(nameof(Repeats))]
    public void Repeated_quotes_are_told_apart_by_context_or_by_position(string prefix, int? hint, int expectedOccurrence)
    {
        const string text = "Before the storm: the road was closed. Nothing moved all night. After the storm: the road was closed. ";
        var quote = new TextQuoteSelector("the road was closed", prefix, "");
        var occurrences = ExactQuoteMatcher.FindAll(text, new TextQuoteSelector("the road was closed"));

        var result = Anchorer.Anchor(text, quote, null, hint);

        Assert.Equal(occurrences[expectedOccurrence].Start, result.Start);
    }

    [Fact]
    public void A_new_selection_is_placed_only_where_it_stands_word_for_word()
    {
        const string text = "Prices rose. Rents rose too. Prices rose again in May.";

        Assert.Equal(AnchorStatus.Moved, Anchorer.Anchor(text, new TextQuoteSelector("Rants rose"), null).Status);
        Assert.Equal(AnchorStatus.Orphaned, Anchorer.Anchor(text, new TextQuoteSelector("Rants rose"), null, options: AnchorOptions.NewSelection).Status);
        Assert.Equal(13, Anchorer.Anchor(text, new TextQuoteSelector("Rents rose"), null, options: AnchorOptions.NewSelection).Start);
    }

    [Fact]
    public void Suffix_disambiguates_a_repeated_quote()
    {
        const string text = "Prices rose. Rents rose too. Prices rose again in May.";
        var result = Anchorer.Anchor(text, new TextQuoteSelector("Prices rose", "", " again"), null);
        Assert.Equal(29, result.Start);
        Assert.Equal(AnchorStatus.Anchored, result.Status);
    }

    [Fact]
    public void Positions_are_code_points_not_utf16_units()
    {
        const string text = "😃😃 smile here";
        var result = Anchorer.Anchor(text, new TextQuoteSelector("smile"), null);
        Assert.Equal((3, 8), (result.Start, result.End));
        var fromPosition = Anchorer.Anchor(text, new TextQuoteSelector("smile"), new TextPositionSelector(3, 8));
        Assert.Equal(AnchorStatus.Anchored, fromPosition.Status);
        Assert.Equal(1.0, fromPosition.Score);
    }

    [Theory]
    [InlineData("", "quote")]
    [InlineData("some text", "")]
    public void Empty_text_or_quote_is_orphaned(string text, string exact)
    {
        Assert.Equal(AnchorResult.Orphaned, Anchorer.Anchor(text, new TextQuoteSelector(exact), new TextPositionSelector(0, 0)));
    }

    [Fact]
    public void A_position_that_no_longer_holds_the_quote_falls_back_to_search()
    {
        var result = Anchorer.Anchor("abc the quote", new TextQuoteSelector("the quote"), new TextPositionSelector(0, 9));
        Assert.Equal((AnchorStatus.Moved, 4, 13), (result.Status, result.Start, result.End));
        var outOfRange = Anchorer.Anchor("the quote", new TextQuoteSelector("the quote"), new TextPositionSelector(50, 59));
        Assert.Equal((AnchorStatus.Moved, 0, 9), (outOfRange.Status, outOfRange.Start, outOfRange.End));
    }

    [Fact]
    public void Slice_checking_orphans_a_long_quote_whose_middle_was_rewritten()
    {
        string quote = "The mayor said the plan would bring four hundred jobs to the town within five years.";
        string revised = Story.Replace("would bring four hundred jobs", "is, in her words, a disaster");
        Assert.NotEqual(AnchorStatus.Orphaned, Anchorer.Anchor(revised, new TextQuoteSelector(quote), null).Status);
        Assert.Equal(AnchorStatus.Orphaned, Anchorer.Anchor(revised, new TextQuoteSelector(quote), null, options: AnchorOptions.DomAnchorTextQuote).Status);
        Assert.Equal(AnchorStatus.Moved, Anchorer.Anchor(Story.Replace("four", "4"), new TextQuoteSelector(quote), null, options: AnchorOptions.DomAnchorTextQuote).Status);
    }

    [Fact]
    public void Describe_keeps_32_code_points_of_context()
    {
        string text = new string('a', 40) + "😃QUOTE😃" + new string('b', 40);
        var selector = QuoteDescriber.Describe(text, 41, 46);
        Assert.Equal("QUOTE", selector.Exact);
        Assert.Equal(new string('a', 31) + "😃", selector.Prefix);
        Assert.Equal("😃" + new string('b', 31), selector.Suffix);
    }

    private static string Mark(string text, string quote)
    {
        int at = text.IndexOf(quote, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{quote}' not in test text");
        return text[..at] + "[[" + quote + "]]" + text[(at + quote.Length)..];
    }

    /// <summary>Removes the [[ ]] marks; returns the text and the marked code point range (-1 when unmarked).</summary>
    private static (string Text, int Start, int End) Unmark(string marked)
    {
        int open = marked.IndexOf("[[", StringComparison.Ordinal);
        if (open < 0) return (marked, -1, -1);
        int close = marked.IndexOf("]]", StringComparison.Ordinal);
        string text = marked[..open] + marked[(open + 2)..close] + marked[(close + 2)..];
        return (text, CodePoints.ToCodePointIndex(text, open), CodePoints.ToCodePointIndex(text, close - 2));
    }
}
