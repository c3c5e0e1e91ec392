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
/// A note nested deeper than Markdig will parse (200 quote markers, thousands of open brackets)
/// is shown as its own text, HTML-encoded, rather than refused: see <see cref="TryParse"/>.
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

    /// <summary>
    /// Open brackets a note may have unclosed at once. Markdig's link parser costs the square of
    /// this (3,000 take half a second, 10,000 two seconds before it gives up), and no real note
    /// nests links.
    /// </summary>
    internal const int MaxOpenBrackets = 32;

    public static string ToSafeHtml(string markdown)
    {
        try
        {
            return Render(markdown);
        }
        catch (Exception e) when (IsTooDeep(e))
        {
            return AsText(markdown);
        }
    }

    /// <summary>
    /// The note's syntax tree, or null when it is nested deeper than Markdig parses (which throws
    /// rather than degrading) or than <see cref="MaxOpenBrackets"/>.
    /// </summary>
    internal static MarkdownDocument? TryParse(string markdown)
    {
        if (OpenBracketDepth(markdown) > MaxOpenBrackets)
        {
            return null;
        }
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (Exception e) when (IsTooDeep(e))
        {
            return null;
        }
    }

    /// <summary>Markdig's depth limit (an ArgumentException) or the stack running out in a walk.</summary>
    internal static bool IsTooDeep(Exception e) => e is ArgumentException or InsufficientExecutionStackException;

    private static int OpenBracketDepth(string markdown)
    {
        int depth = 0, deepest = 0;
        foreach (var c in markdown)
        {
            if (c == '[')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c == ']' && depth > 0)
            {
                depth--;
            }
        }
        return deepest;
    }

    /// <summary>A note too deep to parse, as encoded text with its line breaks.</summary>
    private static string AsText(string markdown) =>
        "<p>" + System.Net.WebUtility.HtmlEncode(markdown.Trim()).ReplaceLineEndings("<br>\n") + "</p>\n";

    private static string Render(string markdown)
    {
        if (TryParse(markdown) is not { } document)
        {
            return AsText(markdown);
        }
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
