using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom feeds by hand: each item an article whose raw
/// source is that item's XML. Bodies come from content:encoded or Atom content, else the
/// description or summary; an item with no body keeps its title as its only paragraph.
/// </summary>
public sealed partial class FeedParser : ISourceFormat
{
    public const string RssMediaType = "application/rss+xml";
    public const string AtomMediaType = "application/atom+xml";

    public string Name => "XML feed";

    public IReadOnlyList<string> Extensions { get; } = [".xml", ".rss", ".atom", ".rdf"];

    public IReadOnlyList<AnnouncedType> MediaTypes { get; } =
        [new(RssMediaType), new(AtomMediaType), new("application/rdf+xml"), new("application/xml", 0.9), new("text/xml", 0.9)];

    /// <summary>An XML declaration (pages in XHTML are claimed by the HTML format before this one), or a feed's root element.</summary>
    public bool Announces(string head) => head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || FeedRoot().IsMatch(head);

    ExtractionResult ISourceFormat.Parse(string text, Uri? address) => Parse(text, address);

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The most characters a feed's XML may hold once made well-formed: sources are capped at 5 MB, and entities may lengthen them.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    // No DTD is read (LenientXml refuses one that declares entities), so no entity can reach a
    // file or the network, nor expand without bound. XmlReader has no depth limit: Parse counts it.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
    };

    /// <summary>The items of a feed; <paramref name="address"/>, where it was fetched from, is the last base of relative links.</summary>
    public static ExtractionResult Parse(string xml, Uri? address = null)
    {
        var (prepared, refusal) = LenientXml.Prepare(xml);
        if (refusal is not null)
        {
            return ExtractionResult.Broken(refusal);
        }
        if (prepared!.Length > MaxCharacters)
        {
            return ExtractionResult.Broken($"the feed is too large: more than {MaxCharacters / (1024 * 1024)} million characters of XML");
        }
        XDocument document;
        string? truncation = null;
        try
        {
            document = Load(prepared);
        }
        catch (XmlException ex) when (IsCutShort(ex))
        {
            truncation = $"truncated feed: the XML ends at line {ex.LineNumber} before its elements are closed; the file or the download was cut short";
            // The items complete before the cut are read, the rest of the feed closed after them; with none, nothing is.
            if (CompleteItemsBefore(prepared) is not { } complete)
            {
                return ExtractionResult.Broken(truncation);
            }
            try
            {
                document = Load(complete);
            }
            catch (XmlException)
            {
                return ExtractionResult.Broken(truncation);
            }
        }
        catch (XmlException ex)
        {
            return ExtractionResult.Broken($"broken feed XML: {ex.Message}");
        }
        catch (FeedTooDeepException ex)
        {
            return ExtractionResult.Broken($"the feed nests its elements more than {SourceLimits.MaxXmlDepth} levels deep (line {ex.Line}), which no feed needs; it is not read");
        }
        var root = document.Root!;
        // RSS 0.90, 1.0 (RDF): channel and items are siblings under rdf:RDF, in the version's own namespace.
        var rdfChannel = root.Name == Rdf + "RDF" ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") : null;
        var (channel, articles, kind) = root.Name switch
        {
            { LocalName: "rss" } => (root.Element("channel"), Rss(root.Element("channel"), root.Element("channel")?.Elements("item") ?? [], address), "RSS"),
            var n when n == Rdf + "RDF" => (rdfChannel, Rss(rdfChannel, root.Elements((rdfChannel?.Name.Namespace ?? Rss1) + "item"), address), "RSS"),
            var n when n == Atom + "feed" => (root, AtomEntries(root, address), "Atom"),
            _ => (null, null, null),
        };
        if (articles is null)
        {
            return ExtractionResult.Refuse($"not a feed: the XML's root element is <{root.Name.LocalName}>");
        }
        if (articles.Count == 0 && truncation is not null)
        {
            return ExtractionResult.Broken(truncation);
        }
        var result = articles.Count == 0
            ? ExtractionResult.Refuse($"the {kind} feed has no items with text")
            : new ExtractionResult(articles, null);
        return result with
        {
            Feed = channel is null ? null : Channel(channel),
            Truncation = truncation is null ? null
                : $"{truncation}: the {articles.Count} {(articles.Count == 1 ? "item complete before the cut was" : "items complete before the cut were")} read",
        };
    }

    /// <summary>
    /// The document as a tree, white space kept, so each item's raw source is the XML as written
    /// and text between inline XHTML elements keeps its spaces. A streaming pass first, in
    /// constant memory, so no tree is ever built of a document nested deeper than any feed needs.
    /// </summary>
    private static XDocument Load(string xml)
    {
        if (TooDeep(xml) is { } line)
        {
            throw new FeedTooDeepException(line);
        }
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        return XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
    }

    private sealed class FeedTooDeepException(int line) : Exception
    {
        public int Line { get; } = line;
    }

    /// <summary>The text ran out: inside an element, a name, a CDATA section or a comment, or inside an attribute's quotes.</summary>
    private static bool IsCutShort(XmlException ex) =>
        ex.Message.StartsWith("Unexpected end of file", StringComparison.Ordinal) || ex.Message.StartsWith("There is an unclosed literal string", StringComparison.Ordinal);

    /// <summary>
    /// The feed cut after the last item (RSS <c>item</c>, Atom <c>entry</c>) whose end tag came
    /// before the text ran out, with the elements still open there closed; null when no item
    /// was complete. One streaming pass that keeps the names of the open elements.
    /// </summary>
    internal static string? CompleteItemsBefore(string xml)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < xml.Length; i++)
        {
            if (xml[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        var open = new List<string>();
        (int End, string[] Open)? lastItem = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement)
                {
                    open.Add(reader.Name);
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    open.RemoveAt(open.Count - 1);
                    if (reader.LocalName is "item" or "entry")
                    {
                        // Line info points at the end tag's name; the tag ends at the next '>'.
                        var info = (IXmlLineInfo)reader;
                        var end = xml.IndexOf('>', lineStarts[info.LineNumber - 1] + info.LinePosition - 1);
                        if (end >= 0)
                        {
                            lastItem = (end + 1, open.ToArray());
                        }
                    }
                }
            }
        }
        catch (XmlException)
        {
            // Where the text runs out (or breaks): the items before it are what there is.
        }
        if (lastItem is not { } cut)
        {
            return null;
        }
        var closed = new StringBuilder(xml, 0, cut.End, cut.End + 64);
        for (var i = cut.Open.Length - 1; i >= 0; i--)
        {
            closed.Append("</").Append(cut.Open[i]).Append('>');
        }
        return closed.ToString();
    }

    /// <summary>The line where the XML first opens more than <see cref="SourceLimits.MaxXmlDepth"/> elements at once, or null when it never does.</summary>
    private static int? TooDeep(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        while (reader.Read())
        {
            if (reader.Depth >= SourceLimits.MaxXmlDepth)
            {
                return ((IXmlLineInfo)reader).LineNumber;
            }
        }
        return null;
    }

    /// <summary>The channel's title as written, and its first site link (Atom: the alternate one).</summary>
    private static FeedChannel Channel(XElement channel)
    {
        var title = channel.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value.Trim();
        var link = channel.Elements().Where(e => e.Name.LocalName == "link")
            .Select(e => (string?)e.Attribute("href") is { } href
                ? ((string?)e.Attribute("rel") is null or "alternate" ? href : null)
                : e.Value.Trim())
            .FirstOrDefault(l => !string.IsNullOrEmpty(l));
        return new FeedChannel(string.IsNullOrEmpty(title) ? null : title, link);
    }

    private static List<ExtractedArticle> Rss(XElement? channel, IEnumerable<XElement> items, Uri? address)
    {
        // Relative item links: against xml:base, else the address fetched, else the channel's own link.
        var fallback = address ?? (channel is null ? null : HttpUri(Value(channel.Element(channel.Name.Namespace + "link"))));
        var ns = channel?.Name.Namespace ?? XNamespace.None;
        var siteName = Plain(channel?.Element(ns + "title")?.Value);
        var language = Value(channel?.Element(ns + "language")) ?? Value(channel?.Element(Dc + "language"));
        var articles = new List<ExtractedArticle>();
        foreach (var item in items)
        {
            var guid = item.Element(ns + "guid");
            var link = Resolve(Value(item.Element(ns + "link")) ?? item.Attribute(Rdf + "about")?.Value
                ?? ((string?)guid?.Attribute("isPermaLink") == "false" ? null : Value(guid)), item, fallback);
            var metadata = new ArticleMetadata
            {
                SourceUrl = CanonicalUrl.Normalize(link),
                SiteName = siteName,
                Author = Value(item.Element(Dc + "creator")) ?? RssAuthor(Value(item.Element(ns + "author"))),
                Published = SourceDates.Parse(Value(item.Element(ns + "pubDate")) ?? Value(item.Element(Dc + "date"))),
                Language = Value(item.Element(Dc + "language")) ?? language,
                Tags = Tags(item.Elements(ns + "category").Select(c => c.Value).Concat(item.Elements(Dc + "subject").Select(s => s.Value))),
            };
            var body = Value(item.Element(Content + "encoded")) ?? Value(item.Element(ns + "description"));
            var key = Value(guid) ?? link;
            Add(articles, item.ToString(SaveOptions.DisableFormatting), RssMediaType, key, Plain(item.Element(ns + "title")?.Value), BodyBlocks(body, isHtml: null), metadata);
        }
        return articles;
    }

    private static List<ExtractedArticle> AtomEntries(XElement feed, Uri? address)
    {
        var feedLink = feed.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        var fallback = address ?? HttpUri(Resolve((string?)feedLink?.Attribute("href"), feedLink ?? feed, null));
        var siteName = Plain(TextConstruct(feed.Element(Atom + "title")));
        var feedAuthor = AtomAuthor(feed);
        var articles = new List<ExtractedArticle>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var links = entry.Elements(Atom + "link").ToList();
            var linkElement = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
            var link = Resolve(linkElement?.Attribute("href")?.Value, linkElement ?? entry, fallback);
            var metadata = new ArticleMetadata
            {
                SourceUrl = CanonicalUrl.Normalize(link),
                SiteName = siteName,
                Author = AtomAuthor(entry) ?? feedAuthor,
                Published = SourceDates.Parse(Value(entry.Element(Atom + "published")) ?? Value(entry.Element(Atom + "updated"))),
                Language = LanguageOf(entry),
                Tags = Tags(entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("label") ?? (string?)c.Attribute("term") ?? "")),
            };
            var body = entry.Element(Atom + "content") is { } content && Value(content) is not null ? content : entry.Element(Atom + "summary");
            var blocks = body is null ? [] : BodyBlocks(TextConstruct(body), isHtml: IsHtmlType((string?)body.Attribute("type")));
            var key = Value(entry.Element(Atom + "id")) ?? link;
            Add(articles, entry.ToString(SaveOptions.DisableFormatting), AtomMediaType, key, Plain(TextConstruct(entry.Element(Atom + "title"))), blocks, metadata);
        }
        return articles;
    }

    internal static void Add(List<ExtractedArticle> articles, string rawSource, string mediaType, string? key, string? title,
        IReadOnlyList<SourceBlock> blocks, ArticleMetadata metadata)
    {
        // A title-only item is kept with its title as text, so its link can be fetched later.
        var withText = blocks.Count == 0 && title is not null ? [new SourceBlock(BlockKind.Paragraph, title)] : blocks;
        if (ArticleAssembler.Build(withText, title, metadata) is { } article)
        {
            articles.Add(new ExtractedArticle(article, rawSource, mediaType, key ?? title));
        }
    }

    /// <summary>
    /// A link made absolute: as it is when it is an http(s) address, else against the element's
    /// xml:base (itself resolved against its ancestors'), else against <paramref name="fallback"/>;
    /// left as written when there is nothing to resolve it against.
    /// </summary>
    private static string? Resolve(string? link, XElement element, Uri? fallback)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        link = link.Trim();
        if (HttpUri(link) is { } absolute)
        {
            return absolute.AbsoluteUri;
        }
        var baseUri = fallback;
        foreach (var scope in element.AncestorsAndSelf().Reverse())
        {
            if ((string?)scope.Attribute(XNamespace.Xml + "base") is { } declared && !string.IsNullOrWhiteSpace(declared))
            {
                baseUri = HttpUri(declared.Trim()) ?? (baseUri is not null && Uri.TryCreate(baseUri, declared.Trim(), out var nested) ? nested : baseUri);
            }
        }
        return baseUri is not null && Uri.TryCreate(baseUri, link, out var resolved) ? resolved.AbsoluteUri : link;
    }

    // On Unix "/posts/1" parses as an absolute file: URI, so only http(s) counts as absolute here.
    private static Uri? HttpUri(string? value) =>
        value is not null && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    // Atom says an untyped construct is text, but feeds in the wild put escaped HTML there too.
    private static bool? IsHtmlType(string? type) => type switch
    {
        null => null,
        "html" or "xhtml" or "text/html" or "application/xhtml+xml" => true,
        _ => false,
    };

    /// <summary>An Atom text construct's content: xhtml content is the markup inside its div, serialised.</summary>
    private static string? TextConstruct(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        if ((string?)element.Attribute("type") != "xhtml")
        {
            return element.Value;
        }
        var container = element.Element(Xhtml + "div") ?? element;
        return string.Concat(container.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
    }

    /// <summary>Blocks of a body that is HTML (the declared type, or tags found when none is declared) or plain text.</summary>
    internal static IReadOnlyList<SourceBlock> BodyBlocks(string? body, bool? isHtml)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }
        if (isHtml ?? LooksLikeHtml().IsMatch(body))
        {
            return HtmlBlockReader.ReadFragment(body);
        }
        return BlankLine().Split(body).Select(p => new SourceBlock(BlockKind.Paragraph, p)).ToList();
    }

    private static string? AtomAuthor(XElement element)
    {
        var names = element.Elements(Atom + "author").Select(a => Value(a.Element(Atom + "name"))).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>RSS 2.0 authors are e-mail addresses, often with the name in brackets: "desk@site.example (Jo Bloggs)".</summary>
    private static string? RssAuthor(string? author)
    {
        if (author is null)
        {
            return null;
        }
        var named = NamedEmail().Match(author);
        return named.Success ? named.Groups["name"].Value.Trim() : author;
    }

    private static string? LanguageOf(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(XNamespace.Xml + "lang")).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));

    internal static List<string> Tags(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? Value(XElement? element) =>
        element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>Titles are text, but feeds often escape markup and entities in them once more.</summary>
    internal static string? Plain(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }
        var text = ArticleTextBuilder.Collapse(WebUtility.HtmlDecode(Tag().Replace(title, "")));
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^<(?:rss|feed|rdf:RDF)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex FeedRoot();

    [GeneratedRegex(@"<(?:[a-zA-Z][\w:-]*[\s/>]|/[a-zA-Z]|!--)")]
    private static partial Regex LooksLikeHtml();

    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$")]
    private static partial Regex NamedEmail();
}
