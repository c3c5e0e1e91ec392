using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// The table of source formats: a new format is one file implementing <see cref="ISourceFormat"/>
/// and one line here. Recognising, parsing and the fetcher's Accept header all read this table.
/// </summary>
public static partial class SourceFormats
{
    /// <summary>What a source is read as when neither its content nor its extension says otherwise.</summary>
    public static ISourceFormat PlainText { get; } = new PlainTextArticleParser();

    /// <summary>The formats, in the order their content is tried: the first that announces itself wins.</summary>
    public static readonly IReadOnlyList<ISourceFormat> All =
    [
        new HtmlArticleParser(),
        new FeedParser(),
        new JsonFeedParser(),
        new MarkdownArticleParser(),
        PlainText,
    ];

    /// <summary>
    /// The format of a source: the content decides when its start is unmistakable (a .txt that
    /// is really a feed, a page saved without extension); otherwise the extension does, and
    /// anything unknown is plain text.
    /// </summary>
    public static ISourceFormat Detect(string fileName, string text) =>
        Sniff(text) ?? ByExtension(Path.GetExtension(fileName)) ?? PlainText;

    /// <summary>The format the start of <paramref name="text"/> announces, or null when it announces none.</summary>
    public static ISourceFormat? Sniff(string text)
    {
        var head = LeadingComments().Replace(text.Length > 4096 ? text[..4096] : text, "").TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return All.FirstOrDefault(f => f.Announces(head));
    }

    public static ISourceFormat? ByExtension(string extension) =>
        All.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));

    /// <summary>The format a server's media type names (parameters already removed), or null when no format reads it.</summary>
    public static ISourceFormat? ByMediaType(string? mediaType) =>
        mediaType is null ? null : All.FirstOrDefault(f => f.MediaTypes.Any(m => string.Equals(m.Name, mediaType, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The Accept header for fetches: every format's media types, most wanted first, then anything at q=0.5.</summary>
    public static string AcceptHeader { get; } = string.Join(',',
        All.SelectMany(f => f.MediaTypes).DistinctBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(m => m.Quality)
            .Select(m => m.Quality >= 1 ? m.Name : $"{m.Name};q={m.Quality.ToString("0.0##", CultureInfo.InvariantCulture)}")
            .Append("*/*;q=0.5"));

    [GeneratedRegex(@"^(?:\s*<!--.*?-->)+", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();
}
