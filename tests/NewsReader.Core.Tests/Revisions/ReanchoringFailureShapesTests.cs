
namespace NewsReader.Core.Tests.Revisions;

/// <summary>
/// The shapes in which the <c>anchor-revision</c> bench found highlights placed on the wrong
/// words (issue 25), each cut down from a bench case: what the highlight must never cover, and
/// where it goes instead. When the texts do not say where the passage went, it is placed on
/// less of it (or orphaned), never on its neighbours.
/// </summary>
public sealed class ReanchoringFailureShapesTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // The word diff aligned the spaces between four deleted words with those between the four
        // that follow, reading "delete four" as "replace four by the next four".
        {
            "deleted end, the neighbour's words after it",
            "Workers reported could school strike energy public station said budget in. Police private plan.",
            "Workers reported public station said budget of profits budget in. Police election plan.",
            "Workers reported could school strike energy",
            "Workers reported"
        },
        // Text pasted in before "council" that ends "… of. spring expected": the old "spring" is the
        // one before the pasted text, not the pasted copy.
        {
            "pasted text ending with the highlight's first word",
            "Judge would said market leaders spring council after public hospital budget south local although budget.\n\nIn judge.",
            "Judge would said market leaders spring would climate increase summit the support market jobs rail report while strike minister old in harbour talks leaders of. spring expected council after public hospital budget south local although budget.\n\nIn judge.",
            "spring council after public hospital budget south local although budget",
            "council after public hospital budget south local although budget"
        },
        // An insertion exactly at the start made the edits inside the range invisible: it was
        // shifted whole, onto the words after it.
        {
            "insertion at the start, deletion at the end",
            "Council after vote announced decline budget local climate would profits summit court spring private judge vote although minister.",
            "Council after year expected vote announced decline budget local climate would profits summit court private judge north autumn minister.",
            "vote announced decline budget local climate would profits summit court spring",
            "vote announced decline budget local climate would profits summit court"
        },
        // "traffic" and "council" kept by chance in a rewritten start, seven new words from the rest.
        {
            "words kept by chance in a rewritten start",
            "Police judge hospital agreement increase judge Friday announced noise traffic council town after support announced said year. Election ruling noise budget of public.",
            "Police judge hospital agreement increase traffic housing council decline judge election workers although plan private town after support announced rail said year. Election ruling noise budget of public.",
            "announced noise traffic council town after support announced said year.",
            "town after support announced rail said year."
        },
        // "expected council" became "budget": whether "budget" took the place of the highlight's
        // "expected" or of its neighbour "council", the texts do not say.
        {
            "a replacement of the highlight's last word and its neighbour",
            "Because north bridge housing private agreement north report. increase expected council strike market week noise autumn year budget strike a talks market.",
            "Because north bridge housing private agreement north report. increase budget strike vote. budget policy a talks market.",
            "north report. increase expected",
            "north report. increase"
        },
        // Most of the highlight deleted: the approximate match that stands in for it ran on to the
        // neighbour's "station", which the diff kept.
        {
            "an approximate match running on to the neighbour's word",
            "Decline increase oppose although strike although would ruling plan report. would summit election harbour policy new market station station new week week would increase.",
            "Decline increase oppose although strike although would ruling plan report. oppose local support station new week week would increase.",
            "although would ruling plan report. would summit election harbour policy new market station",
            "although would ruling plan report. oppose local support"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_highlight_is_placed_on_what_became_of_it_and_nothing_beside(string name, string old, string revised, string quote, string expected)
    {
        int at = old.IndexOf(quote, StringComparison.Ordinal);
        var selector = QuoteDescriber.Describe(old, at, at + quote.Length);

        var result = new RevisionAnchorer(new CodePointText(revised), new CodePointText(old)).Anchor(selector, new TextPositionSelector(at, at + quote.Length));

        Assert.True(result.Start is not null, name);
        Assert.Equal(expected, revised[result.Start!.Value..result.End!.Value]);
        Assert.Equal(AnchorStatus.Changed, result.Status);
    }

    [Theory]
    // A deletion that ends where the range starts, or an insertion there, stays outside it; an
    // edit further in still makes the range edited (it was taken for untouched and shifted whole).
    [InlineData("one two three four five six", "one two four six", "four five", "four")]
    [InlineData("one two three four five six", "one two new three four six", "three four five", "three four")]
    public void An_edit_at_the_ranges_start_does_not_hide_one_inside_it(string old, string revised, string range, string expected)
    {
        int at = old.IndexOf(range, StringComparison.Ordinal);
        var mapping = new RangeMapping(new CodePointText(old), TextDiff.Compute(old, revised, semantic: false));

        var mapped = mapping.Map(at, at + range.Length);

        Assert.Equal(RangeFate.Edited, mapped.Fate);
        Assert.Equal(expected, revised[mapped.Start..mapped.End].Trim());
    }

    [Fact]
    public void The_word_for_word_diff_never_aligns_a_space_or_a_full_stop_alone()
    {
        var diff = TextDiff.Compute("reported could school strike energy public station said", "reported public station said budget of", semantic: false);

        Assert.Contains(diff, d => d.Op == DiffOpKind.Equal && d.Text.Contains("public station said", StringComparison.Ordinal));
        Assert.DoesNotContain(diff, d => d.Op == DiffOpKind.Insert && d.Text.Contains("public", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pasted_run_ending_in_the_words_after_it_is_one_insertion()
    {
        var diff = TextDiff.Compute("said market leaders spring council after", "said market leaders spring pasted words of spring expected council after", semantic: false);

        var insert = Assert.Single(diff, d => d.Op == DiffOpKind.Insert);
        Assert.Equal("said market leaders spring ".Length, insert.NewStart);
    }

    [Fact]
    public void The_folded_word_for_word_diff_spells_both_texts()
    {
        const string old = "The council met on Monday. It approved the budget and the bridge.";
        const string revised = "On Tuesday the council met. It approved a smaller budget, and the bridge.";
        var diff = TextDiff.Folded(TextDiff.Compute(old, revised, semantic: false), new CodePointText(old), new CodePointText(revised));

        Assert.Equal(old, string.Concat(diff.Where(d => d.Op != DiffOpKind.Insert).Select(d => d.Text)));
        Assert.Equal(revised, string.Concat(diff.Where(d => d.Op != DiffOpKind.Delete).Select(d => d.Text)));
    }
}
