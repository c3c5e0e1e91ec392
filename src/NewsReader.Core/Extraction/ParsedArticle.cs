
namespace NewsReader.Core.Extraction;

/// <summary>
/// An article as a parser hands it to ingestion: one canonical text and the blocks that are
/// ranges of it, with what was derived from it.
/// </summary>
/// <param name="Title">The title line, or the lead's first sentence when the source has none.</param>
/// <param name="Dateline">The place of a leading dateline ("Washington"), or null.</param>
/// <param name="Text">The canonical text: the blocks joined by blank lines.</param>
/// <param name="Blocks">Headings, paragraphs, list items and quotes as code-point ranges of <paramref name="Text"/>.</param>
public sealed record ParsedArticle(
    string Title,
    string? Dateline,
    string Text,
    IReadOnlyList<TextBlock> Blocks,
    int WordCount,
    int ReadingMinutes)
{
    /// <summary>The agency a wire dateline names ("Reuters" in "BEIJING (Reuters) -"), or null.</summary>
    public string? Agency { get; init; }

    public ArticleMetadata Metadata { get; init; } = ArticleMetadata.None;
}
