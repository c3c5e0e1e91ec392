using System.Globalization;
using System.Text;

namespace NewsReader.Web.Exchange;

/// <summary>
/// Markdown for note-taking apps (Obsidian, Logseq): per article a heading with its title,
/// source and date, then each annotation in document order as a block quote, the note, its
/// `#tags` and colour, and a link back to the reader. Tags lose their spaces (`#climate-policy`),
/// since a #tag ends at the first space in both apps.
/// </summary>
public sealed class MarkdownExport : IExportFormat
{
    public string Name => "markdown";

    public IReadOnlyList<string> Aliases => ["md"];

    public string Label => "Markdown (Obsidian, Logseq)";

    public string ContentType => "text/markdown; charset=utf-8";

    public string Extension => "md";

    public async Task WriteAsync(ExportSet set, ExportContext context, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        var single = set.Scope.ArticleSlug is not null;
        var heading = single ? "#" : "##";
        if (!single)
        {
            await writer.WriteLineAsync($"# NewsReader notebook\n\n{set.Count.ToString("N0", CultureInfo.InvariantCulture)} annotations on {set.Articles.Count.ToString("N0", CultureInfo.InvariantCulture)} articles.\n");
        }
        foreach (var article in set.Articles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync($"{heading} {OneLine(article.Title)}\n");
            await writer.WriteLineAsync(SourceLine(set, article) + "\n");
            foreach (var a in article.Annotations)
            {
                await writer.WriteAsync(Annotation(set, a));
            }
        }
    }

    private static string SourceLine(ExportSet set, ExportArticle article)
    {
        var parts = new List<string>();
        var s = article.Source;
        // Only http(s) links: a javascript: or data: address from a feed never becomes a link.
        if (s.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            parts.Add($"Source: [{Escape(s.SiteName ?? uri.Host)}](<{uri.AbsoluteUri}>)");
        }
        else if ((s.SiteName ?? s.Agency) is { } site)
        {
            parts.Add($"Source: {Escape(site)}");
        }
        if (s.Author is { } author)
        {
            parts.Add($"by {Escape(author)}");
        }
        if (s.Published is { } published)
        {
            parts.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        parts.Add($"[Open in NewsReader](<{set.ArticleUrl(article.Slug)}>)");
        return string.Join(" · ", parts);
    }

    private static string Annotation(ExportSet set, Annotation a)
    {
        var text = new StringBuilder();
        foreach (var line in a.Exact.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append("> ").Append(NoHtml(line)).Append('\n');
        }
        text.Append('\n');
        if (a.Note is { } note)
        {
            // Another reader's note is their Markdown, but never raw HTML in this reader's notebook.
            var own = a.OwnerId == set.Scope.UserId;
            text.Append((own ? note : NoHtml(note)).ReplaceLineEndings("\n").TrimEnd()).Append("\n\n");
        }
        var meta = new List<string>();
        if (a.Tags.Count > 0)
        {
            meta.Add(string.Join(' ', a.Tags.OrderBy(t => t.Id).Select(t => "#" + TagWord(t.Name))));
        }
        meta.Add($"colour: {a.Color}");
        if (a.Visibility == Visibility.Public)
        {
            meta.Add("public");
        }
        if (a.AnchorStatus == Core.Anchoring.AnchorStatus.Orphaned)
        {
            meta.Add("orphaned (the quote is no longer in the article)");
        }
        meta.Add(a.Created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        meta.Add($"[link](<{set.AnnotationUrl(a)}>)");
        text.Append(string.Join(" · ", meta)).Append("\n\n---\n\n");
        return text.ToString();
    }

    /// <summary>A tag as one #word: spaces become hyphens, and characters that end a tag in Obsidian go.</summary>
    public static string TagWord(string tag)
    {
        var word = new StringBuilder(tag.Length);
        foreach (var c in tag.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                word.Append('-');
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '_' or '/')
            {
                word.Append(c);
            }
        }
        return word.Length == 0 ? "tag" : word.ToString();
    }

    private static string OneLine(string text) => Escape(text.ReplaceLineEndings(" "));

    // Enough to keep a title or name from turning into a link, emphasis or raw HTML.
    private static string Escape(string text) => NoHtml(text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*").Replace("_", "\\_"));

    /// <summary>Text whose tags a Markdown renderer shows instead of running: every angle bracket backslash-escaped.</summary>
    private static string NoHtml(string text) => text.Replace("<", "\\<").Replace(">", "\\>");
}
