using System.Net;

namespace NewsReader.Web.Search;

/// <summary>
/// Snippets made safe to show, for both engines: the text HTML-encoded first, then the match
/// markers (control characters the parser strips from queries and ingestion never stores, so
/// after encoding they can only be the markers) turned into &lt;mark&gt;.
/// </summary>
internal static class SearchSnippets
{
    internal const char MarkOpen = '\u0002';
    internal const char MarkClose = '\u0003';

    /// <summary>HTML-encodes a snippet, then turns the match markers into &lt;mark&gt;.</summary>
    internal static string Safe(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkOpen.ToString(), "<mark>").Replace(MarkClose.ToString(), "</mark>");

    /// <summary>A note's plain text (Markdown syntax gone, see <see cref="NotePlainText"/>), HTML-safe, matched words in &lt;mark&gt;.</summary>
    internal static string Note(string note, bool markers) =>
        markers
            ? Safe(HighlightWindow.Cut(NotePlainText.FromMarked(note, MarkOpen, MarkClose), MarkOpen, MarkClose, 24))
            : WebUtility.HtmlEncode(Shorten(NotePlainText.ToPlainText(note)));

    /// <summary>
    /// The article at the first matched words: a text fragment link (#:~:text=) that
    /// Chromium-based browsers scroll to and highlight; others simply open the article.
    /// </summary>
    internal static string PassageUrl(string slug, string snippet)
    {
        var open = snippet.IndexOf(MarkOpen);
        var close = open < 0 ? -1 : snippet.IndexOf(MarkClose, open);
        return open < 0 || close < 0
            ? $"/articles/{slug}"
            : $"/articles/{slug}#:~:text={Uri.EscapeDataString(snippet[(open + 1)..close])}";
    }

    internal static string Shorten(string text) => TextShortener.Shorten(text, 240);
}
