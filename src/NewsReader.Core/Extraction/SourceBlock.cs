
namespace NewsReader.Core.Extraction;

/// <summary>A block as a structured parser (HTML, Markdown, feed) reads it, before the text is built.</summary>
public sealed record SourceBlock(BlockKind Kind, string Text)
{
    /// <summary>The share of the block's characters that are link text (HTML only; 0 elsewhere): a list of links to other stories is nearly all links.</summary>
    public double LinkShare { get; init; }
}

/// <summary>
/// The one way structured sources become a ParsedArticle: a leading heading is the title when
/// the source names none, and the heading that repeats the title is not kept as a block.
/// </summary>
public static class ArticleAssembler
{
    public static ParsedArticle? Build(IReadOnlyList<SourceBlock> blocks, string? title, ArticleMetadata metadata)
    {
        var kept = blocks.Select(b => b with { Text = LeftoverEntities.Decode(b.Text) })
            .Where(b => ArticleTextBuilder.Collapse(b.Text).Length > 0).ToList();
        var finalTitle = string.IsNullOrWhiteSpace(title) ? null : ArticleTextBuilder.Collapse(LeftoverEntities.Decode(title));
        if (finalTitle is null && kept is [{ Kind: BlockKind.Heading } first, _, ..])
        {
            finalTitle = ArticleTextBuilder.Collapse(first.Text);
        }
        var repeated = kept.FindIndex(b => b.Kind == BlockKind.Heading
            && string.Equals(ArticleTextBuilder.Collapse(b.Text), finalTitle, StringComparison.OrdinalIgnoreCase));
        if (repeated >= 0)
        {
            kept.RemoveAt(repeated);
        }
        var builder = new ArticleTextBuilder();
        foreach (var block in kept)
        {
            builder.Add(block.Kind, block.Text);
        }
        return builder.Build(finalTitle, metadata: metadata);
    }
}
