using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Reads HTML as article blocks: h1-h6 headings, paragraphs, list items and the paragraphs of
/// block quotes. Text outside any paragraph (a feed body of bare text and &lt;br&gt;s) becomes
/// paragraphs at blank lines; scripts, styles, forms and media never reach the text.
/// </summary>
public sealed partial class HtmlBlockReader
{
    private static readonly HashSet<string> Ignored = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
        "video", "audio", "picture", "img", "form", "button", "input", "select", "textarea", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "body", "center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "hr", "html", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
    };

    private readonly List<SourceBlock> blocks = [];
    private readonly StringBuilder run = new();
    private int linkCharacters;
    private int linkDepth;

    /// <summary>
    /// The blocks of an HTML fragment such as a feed item's body. A fragment nested deeper than
    /// <see cref="SourceLimits.MaxHtmlDepth"/> is never parsed: its text, tags taken out, is one
    /// paragraph per blank line, so one hostile item costs its feed nothing.
    /// </summary>
    public static IReadOnlyList<SourceBlock> ReadFragment(string html)
    {
        if (SourceLimits.Html(html) == MarkupLimit.Depth)
        {
            return Flattened(html);
        }
        var (parser, body) = fragmentContext ??= NewFragmentContext();
        var nodes = parser.ParseFragment(html, body);
        var reader = new HtmlBlockReader();
        foreach (var node in nodes)
        {
            reader.Visit(node, BlockKind.Paragraph);
        }
        reader.Flush(BlockKind.Paragraph);
        return reader.blocks;
    }

    // One parser and body a thread, made once: a feed's items are fragments by the dozen, and a
    // new parser builds a browsing context each time. Files are parsed on several threads and
    // AngleSharp promises no thread safety, hence one a thread. Parsing a fragment leaves the
    // body it is parsed for as it was.
    [ThreadStatic]
    private static (HtmlParser Parser, IElement Body)? fragmentContext;

    private static (HtmlParser Parser, IElement Body) NewFragmentContext()
    {
        var parser = new HtmlParser();
        return (parser, parser.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!);
    }

    private static List<SourceBlock> Flattened(string html) =>
        BlankLine().Split(WebUtility.HtmlDecode(Tag().Replace(html, " ")).Replace("\r\n", "\n"))
            .Select(ArticleTextBuilder.Collapse).Where(p => p.Length > 0)
            .Select(p => new SourceBlock(BlockKind.Paragraph, p)).ToList();

    /// <summary>The blocks of <paramref name="root"/> and everything in it.</summary>
    public static IReadOnlyList<SourceBlock> Read(INode root)
    {
        var reader = new HtmlBlockReader();
        reader.Visit(root, BlockKind.Paragraph);
        reader.Flush(BlockKind.Paragraph);
        return reader.blocks;
    }

    private void Visit(INode node, BlockKind kind)
    {
        if (node is IText text)
        {
            // Most text nodes hold single spaces only, which the pattern would match one by one.
            var data = text.Data;
            var collapsed = ArticleTextBuilder.HasWhiteSpaceToCollapse(data) ? Whitespace().Replace(data, " ") : data;
            run.Append(collapsed);
            linkCharacters += linkDepth > 0 ? collapsed.Length : 0;
            return;
        }
        if (node is not IElement element)
        {
            VisitChildren(node, kind);
            return;
        }
        var name = element.LocalName;
        if (Ignored.Contains(name))
        {
            return;
        }
        if (name == "br")
        {
            run.Append('\n');
            return;
        }
        var ownKind = name switch
        {
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
            "li" => BlockKind.ListItem,
            "blockquote" => BlockKind.Quote,
            _ when Blocks.Contains(name) => kind,
            _ => (BlockKind?)null,
        };
        if (ownKind is not { } blockKind)
        {
            var link = name == "a" && element.HasAttribute("href");
            linkDepth += link ? 1 : 0;
            VisitChildren(element, kind);
            linkDepth -= link ? 1 : 0;
            return;
        }
        Flush(kind);
        VisitChildren(element, blockKind);
        Flush(blockKind);
    }

    private void VisitChildren(INode node, BlockKind kind)
    {
        foreach (var child in node.ChildNodes)
        {
            Visit(child, kind);
        }
    }

    /// <summary>Ends the run of inline text as blocks of <paramref name="kind"/>, split where &lt;br&gt;s left a blank line.</summary>
    private void Flush(BlockKind kind)
    {
        // Parts split at blank lines share the run's link share: near enough for telling link lists.
        var text = run.ToString();
        var length = text.Trim().Length;
        var linkShare = length == 0 ? 0 : Math.Min(1, (double)linkCharacters / length);
        foreach (var part in BlankLine().Split(text))
        {
            var collapsed = ArticleTextBuilder.Collapse(part);
            if (collapsed.Length > 0)
            {
                blocks.Add(new SourceBlock(kind, collapsed) { LinkShare = linkShare });
            }
        }
        run.Clear();
        linkCharacters = 0;
    }

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\n[ ]*\n")]
    private static partial Regex BlankLine();
}
