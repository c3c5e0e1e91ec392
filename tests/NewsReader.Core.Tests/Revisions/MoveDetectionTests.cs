
namespace NewsReader.Core.Tests.Revisions;

/// <summary>Moves: a highlight follows its words when an editor moves the passage, with edits around it.</summary>
public sealed class MoveDetectionTests
{
    private const string P1 = "The council met on Monday evening to discuss the budget for the coming year.";
    private const string P2 = "Residents asked why the new bridge over the river had cost twice the estimate.";
    private const string P3 = "The mayor promised an independent review of every contract signed since spring.";
    private const string P4 = "Local shops reported that trade had fallen sharply during the long closure.";

    private static string Text(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    private static AnchorResult Reanchor(string old, string revised, string quote, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) at = old.IndexOf(quote, at + 1, StringComparison.Ordinal);
        var selector = QuoteDescriber.Describe(old, at, at + quote.Length);
        return new RevisionAnchorer(new CodePointText(revised), new CodePointText(old)).Anchor(selector, new TextPositionSelector(at, at + quote.Length));
    }

    public static TheoryData<string, string, string, string, AnchorStatus, string> Cases => new()
    {
        // A paragraph moved up, edited outside the highlight on the way: the highlight moves with it, anchored.
        {
            "moved up", Text(P1, P2, P3, P4), Text(P4.Replace("Local", "Many local"), P1, P2, P3),
            "trade had fallen sharply", AnchorStatus.Anchored, "trade had fallen sharply"
        },
        // Moved down, with the highlight's own words edited: it moves, changed, on what became of it.
        {
            "moved down", Text(P1, P2, P3, P4), Text(P2, P3, P4, P1.Replace("Monday evening", "Tuesday evening")),
            "council met on Monday evening to discuss", AnchorStatus.Changed, "council met on Tuesday evening to discuss"
        },
        // A highlight across two paragraphs, the second moved away: it keeps the larger part, never the text moved in.
        {
            "split across a move", Text(P1, P2, P3, P4), Text(P1, P3, P4, P2),
            "budget for the coming year.\n\nResidents asked", AnchorStatus.Changed, "budget for the coming year"
        },
        // A sentence moved inside its paragraph.
        {
            "sentence moved inside a paragraph", P1 + " " + P2 + " " + P3, P2 + " " + P1 + " " + P3.Replace("spring", "March"),
            "discuss the budget for the coming", AnchorStatus.Anchored, "discuss the budget for the coming"
        },
        // A repeated paragraph, the second copy moved: its highlight goes with that copy.
        {
            "repeated paragraph", Text(P1, P2, P3, P1, P4), Text(P1, P4, P2, P3, P1),
            "Monday evening to discuss", AnchorStatus.Anchored, "Monday evening to discuss"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_highlight_follows_its_moved_words(string name, string old, string revised, string quote, AnchorStatus status, string expected)
    {
        var result = Reanchor(old, revised, quote);

        Assert.True(result.Start is not null, name);
        Assert.Equal(expected, revised[result.Start!.Value..result.End!.Value]);
        Assert.Equal(status, result.Status);
    }

    [Fact]
    public void The_repeated_paragraphs_second_copy_lands_on_the_second_copy()
    {
        var old = Text(P1, P2, P3, P1, P4);
        var revised = Text(P1, P4.Replace("Local", "Many local"), P2, P3, P1.Replace("coming", "next"));

        var result = Reanchor(old, revised, "met on Monday evening", occurrence: 1);

        Assert.Equal(revised.LastIndexOf("met on Monday evening", StringComparison.Ordinal), result.Start);
    }

    [Fact]
    public void Moved_words_are_paired_across_a_changed_paragraph_break()
    {
        var diff = TextDiff.Compute(Text(P1, P2, P3), Text(P2, P3) + " " + P1);

        var moved = MoveDetection.Find(diff);

        Assert.Equal(P1.Split(' ').Length, moved.Count);
    }

    [Fact]
    public void Three_shared_words_are_not_a_move()
    {
        var diff = TextDiff.Compute("alpha beta gamma delta epsilon zeta eta theta", "delta epsilon zeta eta theta alpha beta gamma");

        Assert.Empty(MoveDetection.Find(diff));
    }
}
