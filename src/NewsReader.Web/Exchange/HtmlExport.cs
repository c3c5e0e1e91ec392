using System.Globalization;
using System.Net;

namespace NewsReader.Web.Exchange;

/// <summary>
/// One self-contained HTML file (inline CSS, no script, no outside resources) per export: each
/// article's text with the highlights drawn in as the reader draws them (nested &lt;mark&gt;s
/// from <see cref="ReaderView"/>), a numbered reference after each highlight, and the notes
/// below the article. Notes are the stored <c>NoteHtml</c>, which NoteMarkdown made safe.
/// </summary>
public sealed class HtmlExport : IExportFormat
{
    public string Name => "html";

    public string Label => "HTML (printable page)";

    public string ContentType => "text/html; charset=utf-8";

    public string Extension => "html";

    private const string Style = """
        body { font: 17px/1.55 Georgia, "Times New Roman", serif; color: #111; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.7rem; line-height: 1.2; } h2 { font-size: 1.25rem; } h3 { font-size: 1.1rem; }
        .source, .meta { font: 0.85rem/1.4 system-ui, sans-serif; color: #444; }
        mark { background: #fde68a; color: inherit; padding: 0 1px; }
        .hl-yellow { background: #fde68a; } .hl-green { background: #bbf7d0; } .hl-blue { background: #bfdbfe; }
        .hl-pink { background: #fbcfe8; } .hl-purple { background: #ddd6fe; }
        sup a { font: 0.7rem system-ui, sans-serif; text-decoration: none; color: #444; }
        blockquote { margin: 0.5rem 0; padding-left: 0.8rem; border-left: 4px solid #ccc; }
        .notes { border-top: 1px solid #999; margin-top: 2rem; }
        .notes li { margin-bottom: 1rem; break-inside: avoid; }
        .tag { font: 0.85rem system-ui, sans-serif; background: #eee; border-radius: 3px; padding: 0 4px; margin-right: 4px; }
        article + article { break-before: page; margin-top: 3rem; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; } mark, .tag { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
        """;

    public async Task WriteAsync(ExportSet set, ExportContext context, Stream output, CancellationToken cancellationToken)
    {
        var articles = context.Articles;
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync("<!DOCTYPE html>");
        await writer.WriteLineAsync("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        await writer.WriteLineAsync($"<title>{E(set.Label)}</title>");
        await writer.WriteLineAsync($"<style>{Style}</style></head><body>");
        if (set.Articles.Count == 0)
        {
            await writer.WriteLineAsync("<p>There are no annotations to export.</p>");
        }
        foreach (var article in set.Articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = await articles.FindStoredAsync(article.Slug, cancellationToken);
            if (document is null)
            {
                continue;
            }
            await writer.WriteAsync(Article(set, article, ReaderView.Build(document, article.Annotations)));
        }
        await writer.WriteLineAsync("</body></html>");
    }

    private static string Article(ExportSet set, ExportArticle article, ReaderView view)
    {
        var numbers = view.Placed.Concat(view.Orphans).Select((a, i) => (a.Id, Number: i + 1)).ToDictionary(p => p.Id, p => p.Number);
        var html = new System.Text.StringBuilder();
        html.Append("<article>\n<header><h1>").Append(E(article.Title)).Append("</h1>\n<p class=\"source\">");
        html.Append(Source(set, article)).Append("</p></header>\n");
        string? openList = null;
        foreach (var block in view.Blocks)
        {
            var (listTag, tag) = block.Block.Kind switch
            {
                BlockKind.Heading => (null, "h2"),
                BlockKind.ListItem => ("ul", "li"),
                BlockKind.Quote => (null, "blockquote"),
                _ => ((string?)null, "p"),
            };
            if (openList != listTag)
            {
                if (openList is not null) html.Append("</").Append(openList).Append(">\n");
                if (listTag is not null) html.Append('<').Append(listTag).Append(">\n");
                openList = listTag;
            }
            html.Append('<').Append(tag).Append('>');
            foreach (var segment in block.Segments)
            {
                foreach (var mark in segment.Marks)
                {
                    html.Append("<mark class=\"hl-").Append(E(mark.Annotation.Color)).Append('"');
                    if (mark.IsFirst) html.Append(" id=\"annotation-").Append(mark.Annotation.Id).Append('"');
                    html.Append('>');
                }
                html.Append(E(segment.Text));
                foreach (var mark in segment.Marks.Reverse())
                {
                    html.Append("</mark>");
                }
                // The reference goes after the highlight's last segment.
                foreach (var mark in segment.Marks.Where(m => EndsHere(m.Annotation, segment, block)))
                {
                    var n = numbers[mark.Annotation.Id];
                    html.Append("<sup><a href=\"#note-").Append(n).Append("\">[").Append(n).Append("]</a></sup>");
                }
            }
            html.Append("</").Append(tag).Append(">\n");
        }
        if (openList is not null) html.Append("</").Append(openList).Append(">\n");
        if (numbers.Count > 0)
        {
            html.Append("<section class=\"notes\"><h2>Notes</h2>\n<ol>\n");
            foreach (var a in view.Placed.Concat(view.Orphans))
            {
                html.Append(Note(set, a, numbers[a.Id]));
            }
            html.Append("</ol></section>\n");
        }
        html.Append("</article>\n");
        return html.ToString();
    }

    // A segment's end offset is not kept, so a highlight ends in this segment when the next
    // one (or the block's end) lies beyond it: tracked by the annotation's End within the block.
    private static bool EndsHere(Annotation a, RenderedSegment segment, RenderedBlock block)
    {
        var last = block.Segments.LastOrDefault(s => s.Marks.Any(m => m.Annotation.Id == a.Id));
        return ReferenceEquals(last, segment) && a.End <= block.Block.End;
    }

    private static string Note(ExportSet set, Annotation a, int number)
    {
        var html = new System.Text.StringBuilder();
        html.Append("<li id=\"note-").Append(number).Append("\" value=\"").Append(number).Append("\">");
        html.Append("<blockquote><mark class=\"hl-").Append(E(a.Color)).Append("\">").Append(E(a.Exact)).Append("</mark></blockquote>");
        if (a.NoteHtml is { } note)
        {
            // NoteHtml was rendered by NoteMarkdown with raw HTML disabled and links checked: safe as is.
            html.Append("<div class=\"note\">").Append(note).Append("</div>");
        }
        html.Append("<p class=\"meta\">");
        foreach (var tag in a.Tags.OrderBy(t => t.Id))
        {
            html.Append("<span class=\"tag\">#").Append(E(tag.Name)).Append("</span>");
        }
        html.Append(E(a.Color)).Append(" · ").Append(a.Visibility == Visibility.Public ? "public" : "private");
        if (a.AnchorStatus == AnchorStatus.Orphaned)
        {
            html.Append(" · orphaned: the quote is no longer in the article");
        }
        html.Append(" · ").Append(a.Created.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        html.Append(" · <a href=\"").Append(E(set.AnnotationUrl(a))).Append("\">open in NewsReader</a></p></li>\n");
        return html.ToString();
    }

    private static string Source(ExportSet set, ExportArticle article)
    {
        var s = article.Source;
        var parts = new List<string>();
        if (s.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            parts.Add($"<a href=\"{E(url)}\">{E(s.SiteName ?? uri.Host)}</a>");
        }
        else if ((s.SiteName ?? s.Agency) is { } site)
        {
            parts.Add(E(site));
        }
        if (s.Author is { } author) parts.Add("by " + E(author));
        if (s.Published is { } published) parts.Add(published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        parts.Add($"<a href=\"{E(set.ArticleUrl(article.Slug))}\">open in NewsReader</a>");
        return string.Join(" · ", parts);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
