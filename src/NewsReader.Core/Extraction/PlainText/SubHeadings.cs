using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// Decides which blocks of a story body are sub-headings. Only where a reader would see one:
/// a single short, title-like line between two paragraphs of prose, never the lead or the last
/// block. Fixture lines, scores, attendances, times, bylines, stray words and sentences that
/// lost their full stop stay paragraphs; when unsure, a paragraph.
/// </summary>
public static partial class SubHeadings
{
    public const int MaxWords = 10;

    // Up to this many words a line without a stop is a heading without further questions.
    private const int MaxPlainWords = 6;

    /// <summary>
    /// Longer unpunctuated lines are headings only in a carefully punctuated story, and only
    /// when they name things (capitalised words) rather than report (said, told, a comma).
    /// Translated reports such as the seed title their sections this way.
    /// </summary>
    public const int MaxTitleLikeWords = 24;

    public const int MaxLength = 150;

    // A paragraph of prose has at least this many words.
    private const int MinProseWords = 8;

    // Reporting inside a line makes it a sentence; at the end it is a title ("What the managers said").
    private static readonly HashSet<string> ReportingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "tells", "added", "adds", "according", "stated", "explained", "asked",
    };

    // Auxiliaries in a longer line make it read as a sentence that lost its stop.
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can", "did", "does", "been",
    };

    // First words of the page furniture that copied web text keeps (captions, share and follow
    // links) and of wire trailers ("Reporting by ...", "Copyright ...").
    private static readonly HashSet<string> Furniture = new(StringComparer.OrdinalIgnoreCase)
    {
        "image", "media", "photo", "photograph", "video", "watch", "listen", "read", "share", "follow",
        "click", "sign", "subscribe", "advertisement", "related", "getty", "continue", "published", "updated",
        "reporting", "editing", "writing", "additional", "copyright", "source", "sources",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "we", "you", "he", "she", "it", "they", "this", "that", "there",
    };

    /// <summary>The kind of each block, heading or paragraph, in order.</summary>
    public static IReadOnlyList<BlockKind> Classify(IReadOnlyList<LayoutBlock> blocks)
    {
        var punctuated = IsPunctuated(blocks);
        return blocks.Select((_, i) => IsHeading(blocks, i, punctuated) ? BlockKind.Heading : BlockKind.Paragraph).ToList();
    }

    /// <summary>True when <paramref name="line"/> reads as a heading out of context: short, capitalised, no closing stop, not data.</summary>
    public static bool IsHeadingText(string line, bool punctuatedStory)
    {
        var text = line.Trim();
        var words = ProseSignals.Words(text);
        if (words.Length < 2 || text.Length > MaxLength || !StartsLikeTitle(text) || !EndsLikeTitle(text, words.Length))
        {
            return false;
        }
        if (Data().IsMatch(text) || words.Count(w => w.Any(char.IsDigit)) * 3 >= words.Length
            || text.Contains(',') || text.Contains(';') || Furniture.Contains(words[0].Trim('"', '\'', '“', '‘'))
            || Bylines.IsByline(text) || Datelines.StartsWithDateline(text)
            || words[..^1].Any(w => ReportingWords.Contains(w.Trim(':'))))
        {
            return false;
        }
        if (words.Length <= MaxWords)
        {
            return words.Length <= MaxPlainWords || NamesThings(words) || !ReadsAsSentence(words);
        }
        return punctuatedStory && words.Length <= MaxTitleLikeWords && NamesThings(words);
    }

    private static bool IsHeading(IReadOnlyList<LayoutBlock> blocks, int i, bool punctuated) =>
        i > 0 && i < blocks.Count - 1
        && blocks[i].LineCount == 1
        && EndsProse(blocks[i - 1].Text)
        && IsParagraph(blocks[i + 1].Text)
        && IsHeadingText(blocks[i].Text, punctuated);

    private static bool EndsProse(string text) => ProseSignals.EndsSentence(text) || ProseSignals.WordCount(text) >= 2 * MinProseWords;

    private static bool IsParagraph(string text) => ProseSignals.WordCount(text) >= MinProseWords && EndsProse(text);

    // Most long blocks end in a stop, so a line without one was left without it on purpose.
    private static bool IsPunctuated(IReadOnlyList<LayoutBlock> blocks)
    {
        var longBlocks = blocks.Where(b => ProseSignals.WordCount(b.Text) > MaxTitleLikeWords).ToList();
        return longBlocks.Count > 0 && longBlocks.Count(b => ProseSignals.EndsSentence(b.Text)) * 10 >= longBlocks.Count * 9;
    }

    // An auxiliary, a past-tense verb ("resigned") or a pronoun subject in a line of several words.
    private static bool ReadsAsSentence(string[] words) =>
        Pronouns.Contains(words[0])
        || words.Any(Auxiliaries.Contains)
        || words.Skip(1).Any(w => w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && w.All(char.IsLower));

    private static bool NamesThings(string[] words) =>
        !Pronouns.Contains(words[0])
        && !words.Any(w => w.Any(char.IsDigit))
        && words.Skip(1).Count(w => char.IsUpper(w[0])) >= 2;

    private static bool StartsLikeTitle(string text)
    {
        var start = text.TrimStart('"', '\'', '“', '‘');
        return start.Length > 0 && char.IsLetter(start[0]) && char.IsUpper(start[0]);
    }

    private static bool EndsLikeTitle(string text, int words)
    {
        var end = text.TrimEnd('"', '\'', '”', '’');
        return end.Length > 0 && !".,;:!…)]-–—".Contains(end[^1]) && (end[^1] != '?' || words <= MaxWords);
    }

    // "Arsenal v Chelsea", "Arsenal 2-1 Chelsea", "14:30", "10.45 GMT", "3 hours ago", "12 March", "March 12".
    [GeneratedRegex(@"\s(?:v|vs)\.?\s|\d\s*[-–:.]\s*\d|\d\s*(?:GMT|BST|UTC|EST|EDT|ET|[AaPp]\.?[Mm]\.?)(?!\p{L})|\bago\b|\d\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")]
    private static partial Regex Data();
}
