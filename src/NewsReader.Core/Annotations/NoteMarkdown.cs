using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Core.Annotations;

/// <summary>
/// The one place where a note's Markdown becomes HTML.
/// </summary>
/// <remarks>
/// Why the output is safe to put in a page unescaped:
/// <list type="bullet">
/// <item>raw HTML is disabled, so Markdig escapes any tag the note contains (&lt;script&gt; becomes text);</item>
/// <item>every link and autolink whose URL is not http, https or mailto is replaced by its text, so
/// javascript:, data: and vbscript: URLs never reach an href; kept links get rel="nofollow noopener";</item>
/// <item>images are replaced by their alt text, so a note cannot make the reader's browser fetch anything;</item>
/// <item>Markdig HTML-encodes all text and attribute values it writes.</item>
/// </list>
/// The Content-Security-Policy (no inline script) is a second line behind this one.
/// </remarks>
public static class NoteMarkdown
{
    public const int MaxLength = 10_000;

    /// <summary>How notes are parsed, here and by <see cref="NotePlainText"/>.</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string ToSafeHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                Unwrap(link);
                continue;
            }
            link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
                continue;
            }
            autolink.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener");
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Keeps a link's visible text, or an image's alt text, and drops the link itself.</summary>
    private static void Unwrap(LinkInline link)
    {
        var anchor = (Inline)link;
        foreach (var child in link.ToList())
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }
}
