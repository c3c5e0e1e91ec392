
namespace NewsReader.Core.Tests.Revisions;

/// <summary>Whole words: a placed highlight never starts or ends inside a word; punctuation alone changes no paragraph.</summary>
public sealed class WholeWordsTests
{
    private const string Before = "The minister spoke at length about the harbour on Thursday.\n\n";
    private const string After = "\n\nThe opposition said it would study the plan before the vote next month.";

    public static TheoryData<string, string, string> Rewrites => new()
    {
        // The reported case: "remains" rewritten, the highlight once began at "ins".
        { "The government remains firmly committed to the new rail link.", "Now: the government is firmly committed to the new rail link.", "remains firmly committed" },
        { "The government remains firmly committed to the new rail link.", "The government maintains it is committed to the rail link.", "remains firmly committed to the new" },
        { "Prices rose by nearly four percent in the last quarter.", "Prices increased nearly fourfold over the last quarter.", "rose by nearly four percent" },
        { "Officials described the outcome as disappointing but expected.", "Officials described the results as disappointingly predictable.", "the outcome as disappointing" },
        { "Workers at the plant voted to strike over pensions.", "Workers at the plant voted overwhelmingly to strike over pay.", "voted to strike over pensions" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void A_rewritten_highlight_is_placed_on_whole_words_or_not_at_all(string oldSentence, string newSentence, string quote)
    {
        string old = Before + oldSentence + After;
        string revised = Before + newSentence + After;
        int at = old.IndexOf(quote, StringComparison.Ordinal);
        var selector = QuoteDescriber.Describe(old, at, at + quote.Length);

        var results = new[]
        {
            new RevisionAnchorer(new CodePointText(revised), new CodePointText(old)).Anchor(selector, new TextPositionSelector(at, at + quote.Length)),
            new RevisionAnchorer(new CodePointText(revised), null).Anchor(selector, null),
        };

        foreach (var result in results)
        {
            if (result.Start is not { } start || result.End is not { } end) continue;
            Assert.False(start > 0 && char.IsLetterOrDigit(revised[start - 1]) && char.IsLetterOrDigit(revised[start]), $"starts inside a word: '{revised[start..end]}'");
            Assert.False(end < revised.Length && char.IsLetterOrDigit(revised[end - 1]) && char.IsLetterOrDigit(revised[end]), $"ends inside a word: '{revised[start..end]}'");
            Assert.Equal(revised[start..end] == quote ? AnchorStatus.Anchored : AnchorStatus.Changed, result.Status is AnchorStatus.Moved ? AnchorStatus.Changed : result.Status);
        }
    }

    public static TheoryData<string[], string[], int> Paragraphs => new()
    {
        // Three paragraphs rewritten, the full stop before them re-aligned by the diff: three, not four.
        {
            ["Alpha beta gamma.", "Delta epsilon zeta.", "Eta theta iota.", "Kappa lambda mu."],
            ["Alpha beta gamma.", "Delta two epsilon.", "Eta three iota!", "Kappa four mu."],
            3
        },
        // A paragraph whose only edit is punctuation is not changed.
        { ["Alpha beta gamma.", "Delta epsilon zeta."], ["Alpha beta gamma!", "Delta epsilon zeta."], 0 },
        { ["Alpha, beta gamma.", "Delta epsilon zeta."], ["Alpha beta gamma.", "Delta epsilon zeta"], 0 },
        // A new paragraph after a kept one: only the new one.
        { ["Alpha beta gamma.", "Delta epsilon zeta."], ["Alpha beta gamma.", "New words here.", "Delta epsilon zeta."], 1 },
        // One word changed.
        { ["Alpha beta gamma.", "Delta epsilon zeta."], ["Alpha beta gamma.", "Delta omega zeta."], 1 },
    };

    [Theory]
    [MemberData(nameof(Paragraphs))]
    public void Punctuation_alone_changes_no_paragraph(string[] oldParagraphs, string[] newParagraphs, int expected)
    {
        var (old, oldBlocks) = Join(oldParagraphs);
        var (revised, newBlocks) = Join(newParagraphs);

        var changes = ParagraphChanges.Find(TextDiff.Compute(old, revised), oldBlocks, newBlocks);

        Assert.Equal(expected, changes.Count);
    }

    private static (string Text, TextBlock[] Blocks) Join(string[] paragraphs)
    {
        var blocks = new List<TextBlock>();
        int at = 0;
        foreach (var p in paragraphs)
        {
            blocks.Add(new TextBlock(BlockKind.Paragraph, at, at + p.Length));
            at += p.Length + 2;
        }
        return (string.Join("\n\n", paragraphs), [.. blocks]);
    }
}
