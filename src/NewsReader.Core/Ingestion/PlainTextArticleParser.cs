using System.Text.RegularExpressions;
using NewsReader.Core.Text;

namespace NewsReader.Core.Ingestion;

/// <summary>
/// Parses a plain-text news article: blocks separated by blank lines, an optional title line,
/// an optional parenthesised dateline, short unpunctuated lines as sub-headings.
/// </summary>
public static partial class PlainTextArticleParser
{
    /// <summary>A sub-heading is a single line no longer than this, with no closing punctuation.</summary>
    public const int MaxHeadingLength = 150;

    /// <summary>Adult silent reading speed used for reading time, in words per minute.</summary>
    public const int WordsPerMinute = 230;

    private const int MaxTitleLength = 200;
    private const string ClosingPunctuation = ".!?:;,\"'”’)]…";

    // Words that wire services put after the place in a dateline: "(Washington Composite
    // Electric)" is a machine translation of "Washington, composite wire report".
    private static readonly HashSet<string> WireWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "composite", "electric", "electricity", "telegraph", "telegram", "wire", "dispatch", "report",
        "news", "agency", "press", "special", "correspondent", "reporter", "dispatches", "comprehensive",
        "reuters", "ap", "afp", "xinhua", "cna", "bbc", "dpa", "efe", "ansa", "upi", "kyodo",
    };

    /// <summary>Parses <paramref name="source"/>; returns null when it holds no text at all.</summary>
    public static ParsedArticle? Parse(string source)
    {
        var rawBlocks = SplitBlocks(source);
        if (rawBlocks.Count == 0)
        {
            return null;
        }

        string? titleLine = null;
        if (rawBlocks.Count > 1 && IsHeading(rawBlocks[0]) && !StartsWithDateline(rawBlocks[0]))
        {
            titleLine = Collapse(rawBlocks[0]);
            rawBlocks.RemoveAt(0);
        }

        string? dateline = null;
        var datelineMatch = LeadingDateline().Match(rawBlocks[0]);
        if (datelineMatch.Success && datelineMatch.Length < rawBlocks[0].Length)
        {
            dateline = PlaceOf(datelineMatch.Groups["inside"].Value);
            rawBlocks[0] = rawBlocks[0][datelineMatch.Length..];
        }

        var text = new System.Text.StringBuilder();
        var blocks = new List<TextBlock>();
        var codePointOffset = 0;
        foreach (var raw in rawBlocks)
        {
            var kind = IsHeading(raw) ? BlockKind.Heading : BlockKind.Paragraph;
            var repaired = TextRepair.Repair(Collapse(raw));
            if (text.Length > 0)
            {
                text.Append("\n\n");
                codePointOffset += 2;
            }
            var length = CodePoints.Count(repaired);
            blocks.Add(new TextBlock(kind, codePointOffset, codePointOffset + length));
            text.Append(repaired);
            codePointOffset += length;
        }

        var canonical = text.ToString();
        var title = titleLine is not null ? TextRepair.Repair(titleLine) : TitleFromLead(canonical, blocks);
        var words = CountWords(canonical);
        return new ParsedArticle(title, dateline, canonical, blocks, words, Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute)));
    }

    /// <summary>Counts words: runs of letters or digits, with inner apostrophes and hyphens.</summary>
    public static int CountWords(string text) => Word().Count(text);

    private static List<string> SplitBlocks(string source)
    {
        var normalized = source.Replace("\r\n", "\n").Replace('\r', '\n');
        return BlankLines().Split(normalized)
            .Select(block => block.Trim())
            .Where(block => block.Length > 0)
            .ToList();
    }

    private static bool IsHeading(string rawBlock) =>
        rawBlock.Length <= MaxHeadingLength
        && !rawBlock.Contains('\n')
        && !ClosingPunctuation.Contains(rawBlock[^1]);

    private static bool StartsWithDateline(string rawBlock) => LeadingDateline().IsMatch(rawBlock);

    // Control characters are invisible in a page and two of them mark matches in search
    // snippets, so they never reach the canonical text.
    private static string Collapse(string rawBlock) => ControlCharacters().Replace(Whitespace().Replace(rawBlock, " "), "");

    [GeneratedRegex(@"\p{Cc}")]
    private static partial Regex ControlCharacters();

    private static string? PlaceOf(string dateline)
    {
        var place = dateline.Split(',', 2)[0].Trim();
        var words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && WireWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count == 1 && WireWords.Contains(words[0]))
        {
            return null;
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private static string TitleFromLead(string text, IReadOnlyList<TextBlock> blocks)
    {
        var lead = blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph) ?? blocks[0];
        var sentence = SentenceSplitter.FirstSentence(CodePoints.Slice(text, lead.Start, lead.End));
        if (sentence.Length <= MaxTitleLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', MaxTitleLength);
        return cut > 0 ? sentence[..cut].TrimEnd(',', ';', ':') + "…" : TextShortener.Shorten(sentence, MaxTitleLength);
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\((?<inside>[^()\n]{1,80})\)\s*")]
    private static partial Regex LeadingDateline();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
