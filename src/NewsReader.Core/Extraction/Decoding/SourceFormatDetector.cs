using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Decoding;

/// <summary>
/// Recognises a source's format. The content decides when its first markup is unmistakable
/// (a .txt that is really a feed, a page saved without extension); otherwise the extension
/// does, and anything unknown is plain text.
/// </summary>
public static partial class SourceFormatDetector
{
    private static readonly Dictionary<string, SourceFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = SourceFormat.PlainText, [".text"] = SourceFormat.PlainText,
        [".md"] = SourceFormat.Markdown, [".markdown"] = SourceFormat.Markdown,
        [".html"] = SourceFormat.Html, [".htm"] = SourceFormat.Html, [".xhtml"] = SourceFormat.Html,
        [".xml"] = SourceFormat.Feed, [".rss"] = SourceFormat.Feed, [".atom"] = SourceFormat.Feed, [".rdf"] = SourceFormat.Feed,
    };

    public static SourceFormat Detect(string fileName, string text) =>
        Sniff(text) ?? Extensions.GetValueOrDefault(Path.GetExtension(fileName), SourceFormat.PlainText);

    /// <summary>The format the start of <paramref name="text"/> announces, or null when it announces none.</summary>
    public static SourceFormat? Sniff(string text)
    {
        var head = LeadingComments().Replace(text.Length > 4096 ? text[..4096] : text, "").TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return XhtmlRoot().IsMatch(head) ? SourceFormat.Html : SourceFormat.Feed;
        }
        if (FeedRoot().IsMatch(head))
        {
            return SourceFormat.Feed;
        }
        if (HtmlStart().IsMatch(head))
        {
            return SourceFormat.Html;
        }
        return FrontMatter().IsMatch(head) ? SourceFormat.Markdown : null;
    }

    [GeneratedRegex(@"^(?:\s*<!--.*?-->)+", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"<!DOCTYPE\s+html|<html[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex XhtmlRoot();

    [GeneratedRegex(@"^<(?:rss|feed|rdf:RDF)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex FeedRoot();

    [GeneratedRegex(@"^(?:<!DOCTYPE\s+html|<html[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlStart();

    // Front matter only when the block closes and holds a "key:" line, so a text that opens
    // with a rule of dashes stays text.
    [GeneratedRegex(@"^---[ \t]*\r?\n(?:.*\r?\n)*?[\w-]+:.*\r?\n(?:.*\r?\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")]
    private static partial Regex FrontMatter();
}
