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
            titleLine = ArticleTextBuilder.Collapse(rawBlocks[0]);
            rawBlocks.RemoveAt(0);
        }

        string? dateline = null;
        var datelineMatch = LeadingDateline().Match(rawBlocks[0]);
        if (datelineMatch.Success && datelineMatch.Length < rawBlocks[0].Length)
        {
            dateline = PlaceOf(datelineMatch.Groups["inside"].Value);
            rawBlocks[0] = rawBlocks[0][datelineMatch.Length..];
        }

        var builder = new ArticleTextBuilder();
        foreach (var raw in rawBlocks)
        {
            builder.Add(IsHeading(raw) ? BlockKind.Heading : BlockKind.Paragraph, TextRepair.Repair(ArticleTextBuilder.Collapse(raw)));
        }
        return builder.Build(titleLine is null ? null : TextRepair.Repair(titleLine), dateline);
    }

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

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^\((?<inside>[^()\n]{1,80})\)\s*")]
    private static partial Regex LeadingDateline();
}
