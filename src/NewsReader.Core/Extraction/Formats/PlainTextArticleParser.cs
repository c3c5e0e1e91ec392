
namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Parses a plain-text news story: <see cref="PlainTextLayout"/> finds the paragraphs,
/// <see cref="StoryHead"/> the headline, <see cref="Bylines"/> the author lines after it,
/// <see cref="Datelines"/> the place and agency that open the body, <see cref="SubHeadings"/>
/// the section titles, <see cref="ListItems"/> the list lines, <see cref="SignOffs"/> the
/// agency that signs the story off at its end, and <see cref="TextRepair"/>
/// mends translation scars in what is left.
/// </summary>
public sealed class PlainTextArticleParser : ISourceFormat
{
    public const string MediaType = "text/plain";

    public string Name => "plain text";

    public IReadOnlyList<string> Extensions { get; } = [".txt", ".text"];

    public IReadOnlyList<AnnouncedType> MediaTypes { get; } = [new(MediaType, 0.8)];

    /// <summary>Plain text never announces itself: it is what a source is when nothing else fits.</summary>
    public bool Announces(string head) => false;

    ExtractionResult ISourceFormat.Parse(string text, Uri? address) =>
        Parse(text) is { } article
            ? ExtractionResult.Of(new ExtractedArticle(article, text, MediaType))
            : ExtractionResult.Refuse("no text, only white space");

    // Bylines sit in the first few lines after the headline.
    private const int BylineWindow = 3;

    /// <summary>Parses <paramref name="source"/>; returns null when it holds no text at all.</summary>
    public static ParsedArticle? Parse(string source)
    {
        var blocks = PlainTextLayout.Split(source);
        var title = StoryHead.TakeTitle(blocks);
        var author = TakeAuthor(blocks);
        var dateline = TakeDateline(blocks);
        var signOff = SignOffs.Take(blocks);
        author ??= signOff?.Reporters;

        var body = blocks
            .Select(b => b with { Text = TextRepair.Repair(ArticleTextBuilder.Collapse(b.Text)) })
            .Where(b => b.Text.Length > 0)
            .ToList();
        var builder = new ArticleTextBuilder();
        foreach (var (block, kind) in body.Zip(SubHeadings.Classify(body)))
        {
            if (ListItems.IsItem(block.Text))
            {
                builder.Add(BlockKind.ListItem, ListItems.WithoutBullet(block.Text));
            }
            else
            {
                builder.Add(kind, block.Text);
            }
        }
        var metadata = author is null ? null : new ArticleMetadata { Author = author };
        return builder.Build(title is null ? null : TextRepair.Repair(title), dateline?.Place, dateline?.Agency ?? signOff?.Agency, metadata);
    }

    private static string? TakeAuthor(List<LayoutBlock> blocks)
    {
        var authors = new List<string>();
        var i = 0;
        for (var looked = 0; looked < BylineWindow && i < blocks.Count; looked++)
        {
            if (blocks[i].LineCount == 1 && Bylines.AuthorOf(blocks[i].Text) is { } author)
            {
                authors.Add(author);
                blocks.RemoveAt(i);
                if (i < blocks.Count && blocks[i].LineCount == 1 && Bylines.IsRoleLine(blocks[i].Text))
                {
                    blocks.RemoveAt(i);
                }
            }
            else
            {
                i++;
            }
        }
        return authors.Count == 0 ? null : string.Join(", ", authors);
    }

    private static Dateline? TakeDateline(List<LayoutBlock> blocks)
    {
        if (blocks.Count > 1 && Datelines.WholeLine(blocks[0].Text) is { } alone)
        {
            blocks.RemoveAt(0);
            return alone;
        }
        if (blocks.Count == 0 || Datelines.Find(blocks[0].Text) is not { } dateline)
        {
            return null;
        }
        blocks[0] = blocks[0] with { Text = blocks[0].Text[dateline.Length..] };
        return dateline;
    }
}
