
namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// The headline of a plain-text story: a first line with a blank line after it (or set apart
/// by the layout: above a byline, a dateline or a paragraph), whatever it ends with
/// ("Is this the end?", "Markets fall..."), unless it is plainly the lead itself: it opens
/// with a dateline, starts in lower case, or is long or several sentences.
/// </summary>
public static class StoryHead
{
    public const int MaxTitleWords = 25;

    // A headline rarely ends in a single full stop; one that does and runs this long is a lead.
    private const int MaxWordsWithFullStop = 12;

    // Shorter headlines begin ordinary sentences too often to be cut from the lead.
    private const int MinWordsToRepeat = 3;

    /// <summary>Removes the headline from <paramref name="blocks"/> and returns it, or returns null and leaves them.</summary>
    public static string? TakeTitle(List<LayoutBlock> blocks)
    {
        if (blocks.Count < 2 || !IsTitle(blocks[0], blocks[1]))
        {
            return null;
        }
        var title = ArticleTextBuilder.Collapse(blocks[0].Text);
        blocks.RemoveAt(0);
        DropRepeat(blocks, title);
        return title;
    }

    private static bool IsTitle(LayoutBlock first, LayoutBlock next)
    {
        var text = ArticleTextBuilder.Collapse(first.Text);
        // Without a blank line, a headline is still apart above a byline, a dateline, a paragraph
        // of several lines, or, with no stop of its own, above a paragraph on one long line.
        var standsApart = first.StandsAlone || next.LineCount > 1 || Bylines.IsByline(next.Text) || Datelines.StartsWithDateline(next.Text)
            || (!ProseSignals.EndsSentence(text) && ProseSignals.EndsSentence(next.Text) && next.Text.Length > 2 * text.Length);
        if (first.LineCount != 1 || !standsApart || text.Length == 0)
        {
            return false;
        }
        var words = ProseSignals.WordCount(text);
        var endsWithFullStop = text.EndsWith('.') && !text.EndsWith("..");
        return text.Length <= ArticleTextBuilder.MaxTitleLength
            && words <= MaxTitleWords
            && !(endsWithFullStop && words >= MaxWordsWithFullStop)
            && !ProseSignals.StartsLowercase(text)
            && SentenceSplitter.Split(text).Count < 2
            && !Datelines.StartsWithDateline(text)
            && !Bylines.IsByline(text);
    }

    /// <summary>Sources that repeat the headline as the first paragraph, or its first line, show it once.</summary>
    private static void DropRepeat(List<LayoutBlock> blocks, string title)
    {
        if (blocks.Count == 0)
        {
            return;
        }
        var next = blocks[0];
        var lines = next.Text.Split('\n');
        if (SameText(ArticleTextBuilder.Collapse(next.Text), title))
        {
            blocks.RemoveAt(0);
        }
        else if (lines.Length > 1 && SameText(lines[0], title))
        {
            blocks[0] = next with { Text = string.Join('\n', lines[1..]), LineCount = next.LineCount - 1 };
        }
        else if (RepeatsOnOneLine(next.Text, title))
        {
            blocks[0] = next with { Text = next.Text[(title.Length + 1)..] };
        }
    }

    // "Bank raises rates The Bank of England ...": the headline, then a new sentence. A paragraph
    // that only begins with the headline's words ("Rates rise when ...") keeps them.
    private static bool RepeatsOnOneLine(string paragraph, string title) =>
        ProseSignals.WordCount(title) >= MinWordsToRepeat
        && paragraph.StartsWith(title + " ", StringComparison.Ordinal)
        && paragraph.Length > title.Length + 1
        && !ProseSignals.StartsLowercase(paragraph[(title.Length + 1)..]);

    private static bool SameText(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('.'), b.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
