using System.Buffers;
using System.Text;

namespace NewsReader.Core.Extraction;

/// <summary>
/// Builds the canonical text every parser ends in: blocks with their white space collapsed
/// and control characters dropped, joined by blank lines, each block a code-point range of
/// the result. Parsers decide what the blocks are; this class decides how they are stored.
/// </summary>
public sealed class ArticleTextBuilder
{
    /// <summary>Adult silent reading speed used for reading time, in words per minute.</summary>
    public const int WordsPerMinute = 230;

    /// <summary>Titles longer than this are cut at a word and end in an ellipsis.</summary>
    public const int MaxTitleLength = 200;

    private readonly StringBuilder text = new();
    private readonly List<TextBlock> blocks = [];
    private int codePointOffset;

    public bool IsEmpty => blocks.Count == 0;

    public IReadOnlyList<TextBlock> Blocks => blocks;

    /// <summary>Adds one block; a block that is empty once collapsed is dropped.</summary>
    public ArticleTextBuilder Add(BlockKind kind, string blockText)
    {
        var collapsed = Collapse(blockText);
        if (collapsed.Length == 0)
        {
            return this;
        }
        if (text.Length > 0)
        {
            text.Append("\n\n");
            codePointOffset += 2;
        }
        var length = CodePoints.Count(collapsed);
        blocks.Add(new TextBlock(kind, codePointOffset, codePointOffset + length));
        text.Append(collapsed);
        codePointOffset += length;
        return this;
    }

    /// <summary>
    /// The article; <paramref name="title"/> when it has one, else the lead's first sentence.
    /// Null when no block was added.
    /// </summary>
    public ParsedArticle? Build(string? title, string? dateline = null, string? agency = null, ArticleMetadata? metadata = null)
    {
        if (IsEmpty)
        {
            return null;
        }
        var canonical = text.ToString();
        var collapsedTitle = title is null ? "" : Collapse(title);
        var finalTitle = collapsedTitle.Length > 0 ? ShortenTitle(collapsedTitle) : TitleFromLead(canonical, blocks);
        var words = CountWords(canonical);
        return new ParsedArticle(finalTitle, dateline, canonical, blocks.ToList(), words, Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute)))
        {
            Agency = agency,
            Metadata = metadata ?? ArticleMetadata.None,
        };
    }

    /// <summary>Counts words: runs of letters or digits, with inner apostrophes and hyphens.</summary>
    public static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordCharacter(c))
            {
                words += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                // "don't" and "well-known" are one word: a joiner between two word characters.
                inWord = inWord && c is '\'' or '’' or '-' && i + 1 < text.Length && IsWordCharacter(text[i + 1]);
            }
        }
        return words;
    }

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>
    /// One line of text: white space runs become one space, and control characters go, since
    /// they are invisible in a page and two of them mark matches in search snippets.
    /// </summary>
    public static string Collapse(string blockText)
    {
        // Most blocks are collapsed already (parsers collapse, and the assembler and this builder
        // collapse again): a vectorised search tells so without copying them character by character.
        var span = blockText.AsSpan();
        if (span.IsEmpty || (span[0] != ' ' && span[^1] != ' ' && !HasWhiteSpaceToCollapse(span)))
        {
            return blockText;
        }
        // One pass, since every block of every file goes through here.
        var collapsed = new StringBuilder(blockText.Length);
        var pendingSpace = false;
        foreach (var c in blockText)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = collapsed.Length > 0;
            }
            else if (!char.IsControl(c))
            {
                if (pendingSpace)
                {
                    collapsed.Append(' ');
                    pendingSpace = false;
                }
                collapsed.Append(c);
            }
        }
        return collapsed.ToString();
    }

    /// <summary>
    /// Whether the text holds anything <see cref="Collapse"/> changes inside it: a run of spaces,
    /// or white space other than a space, or a control character. A vectorised search.
    /// </summary>
    internal static bool HasWhiteSpaceToCollapse(ReadOnlySpan<char> text) =>
        text.ContainsAny(NotASingleSpace) || text.Contains("  ", StringComparison.Ordinal);

    private static readonly SearchValues<char> NotASingleSpace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => (char.IsWhiteSpace(c) && c != ' ') || char.IsControl(c)).ToArray());

    private static string TitleFromLead(string text, IReadOnlyList<TextBlock> blocks)
    {
        var lead = blocks.FirstOrDefault(b => b.Kind == BlockKind.Paragraph) ?? blocks[0];
        return ShortenTitle(SentenceSplitter.FirstSentence(CodePoints.Slice(text, lead.Start, lead.End)));
    }

    private static string ShortenTitle(string sentence)
    {
        if (sentence.Length <= MaxTitleLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', MaxTitleLength);
        return cut > 0 ? sentence[..cut].TrimEnd(',', ';', ':') + "…" : TextShortener.Shorten(sentence, MaxTitleLength);
    }
}
