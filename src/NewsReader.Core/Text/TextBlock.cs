namespace NewsReader.Core.Text;

/// <summary>What a block of an article is.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    /// <summary>One item of a list; consecutive items form one list.</summary>
    ListItem,
    /// <summary>A paragraph of a block quote.</summary>
    Quote,
}

/// <summary>
/// One block of an article revision: a [Start, End) range of code-point offsets into the
/// revision's canonical text. Blocks never hold text of their own, so rendering, highlights
/// and search hits all speak of the same offsets.
/// </summary>
public sealed record TextBlock(BlockKind Kind, int Start, int End)
{
    public int Length => End - Start;
}
