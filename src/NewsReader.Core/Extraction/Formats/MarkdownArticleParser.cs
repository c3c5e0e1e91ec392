using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Reads a Markdown article with optional YAML front matter: headings, paragraphs, list items
/// and quoted paragraphs become blocks, inline markup is reduced to its text (link text and
/// code kept, images dropped), and raw HTML blocks are read as HTML.
/// </summary>
public sealed partial class MarkdownArticleParser : ISourceFormat
{
    public const string MediaType = "text/markdown";

    public string Name => "Markdown";

    public IReadOnlyList<string> Extensions { get; } = [".md", ".markdown"];

    public IReadOnlyList<AnnouncedType> MediaTypes { get; } = [new(MediaType, 0.8), new("text/x-markdown", 0.8)];

    /// <summary>A closed front matter block first.</summary>
    public bool Announces(string head) => FrontMatterBlock().IsMatch(head);

    ExtractionResult ISourceFormat.Parse(string text, Uri? address) => Parse(text);

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static ExtractionResult Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var frontMatter = new FrontMatter(null, ArticleMetadata.None);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } yaml)
        {
            var (parsed, refusal) = FrontMatter.Parse(yaml.Lines.ToString());
            if (refusal is not null)
            {
                return ExtractionResult.Refuse(refusal);
            }
            frontMatter = parsed!;
        }
        var blocks = new List<SourceBlock>();
        AddBlocks(document, BlockKind.Paragraph, blocks);
        var article = ArticleAssembler.Build(blocks, frontMatter.Title, frontMatter.Metadata);
        return article is null
            ? ExtractionResult.Refuse("no text in the Markdown, only front matter")
            : ExtractionResult.Of(new ExtractedArticle(article, markdown, MediaType));
    }

    private static void AddBlocks(ContainerBlock container, BlockKind kind, List<SourceBlock> blocks)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinition:
                    break;
                case HeadingBlock heading:
                    blocks.Add(new SourceBlock(BlockKind.Heading, InlineText(heading.Inline)));
                    break;
                case ParagraphBlock paragraph:
                    blocks.Add(new SourceBlock(kind, InlineText(paragraph.Inline)));
                    break;
                case HtmlBlock html:
                    blocks.AddRange(HtmlBlockReader.ReadFragment(html.Lines.ToString()));
                    break;
                case LeafBlock code:
                    blocks.Add(new SourceBlock(kind, code.Lines.ToString()));
                    break;
                case QuoteBlock quote:
                    AddBlocks(quote, BlockKind.Quote, blocks);
                    break;
                case ListItemBlock item:
                    AddBlocks(item, BlockKind.ListItem, blocks);
                    break;
                case ContainerBlock other:
                    AddBlocks(other, kind, blocks);
                    break;
            }
        }
    }

    private static string InlineText(ContainerInline? inlines)
    {
        var text = new StringBuilder();
        AppendInlines(inlines, text);
        return text.ToString();
    }

    private static void AppendInlines(ContainerInline? container, StringBuilder text)
    {
        if (container is null)
        {
            return;
        }
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LinkInline { IsImage: true }:
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline nested:
                    AppendInlines(nested, text);
                    break;
            }
        }
    }

    // Front matter only when the block closes and holds a "key:" line, so a text that opens
    // with a rule of dashes stays text.
    [GeneratedRegex(@"^---[ \t]*\r?\n(?:.*\r?\n)*?[\w-]+:.*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")]
    private static partial Regex FrontMatterBlock();
}
