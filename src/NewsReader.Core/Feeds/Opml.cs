using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Core.Feeds;

/// <summary>One feed an OPML file names, and the folder (the outline around it) it sits in.</summary>
public sealed record OpmlFeed(string Url, string? Title, string? SiteUrl, string? Folder = null);

/// <summary>The feeds of an OPML file, and how many outlines named a feed address that is not one.</summary>
public sealed record OpmlSubscriptions(IReadOnlyList<OpmlFeed> Feeds, int Invalid);

/// <summary>
/// OPML 1.0/2.0 subscription lists, as feed readers exchange them: every outline with an
/// `xmlUrl`, however deep in folders, is a feed, in the folder of its nearest enclosing outline;
/// export writes one level of folders, as feed readers do.
/// </summary>
public static class Opml
{
    /// <summary>An OPML file over this size is refused before it is parsed.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public const string ContentType = "text/x-opml; charset=utf-8";

    /// <summary>The name an export is downloaded under.</summary>
    public const string FileName = "newsreader-feeds.opml";

    /// <summary>The subscriptions in <paramref name="body"/>, or null when it is not OPML.</summary>
    public static OpmlSubscriptions? Read(Stream body)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        if (document.Root?.Name.LocalName != "opml" || document.Root.Element("body") is not { } opmlBody)
        {
            return null;
        }
        var feeds = new List<OpmlFeed>();
        var invalid = 0;
        foreach (var outline in opmlBody.Descendants("outline"))
        {
            if ((string?)outline.Attribute("xmlUrl") is not { } xmlUrl)
            {
                continue; // a folder
            }
            if (CanonicalUrl.Normalize(xmlUrl) is { } url)
            {
                var title = (string?)outline.Attribute("title") ?? (string?)outline.Attribute("text");
                var folder = outline.Ancestors("outline").Select(o => ((string?)o.Attribute("title") ?? (string?)o.Attribute("text"))?.Trim())
                    .FirstOrDefault(name => !string.IsNullOrEmpty(name));
                feeds.Add(new OpmlFeed(url, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), (string?)outline.Attribute("htmlUrl"), folder));
            }
            else
            {
                invalid++;
            }
        }
        return new OpmlSubscriptions(feeds, invalid);
    }

    /// <summary>The feeds as OPML 2.0, in UTF-8 without a byte order mark.</summary>
    public static byte[] Write(IEnumerable<OpmlFeed> feeds, DateTimeOffset created)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", "NewsReader subscriptions"),
                    new XElement("dateCreated", created.ToString("R", CultureInfo.InvariantCulture))),
                new XElement("body",
                    feeds.Where(f => f.Folder is null).Select(Outline),
                    feeds.Where(f => f.Folder is not null).GroupBy(f => f.Folder!, StringComparer.Ordinal).Select(folder =>
                        new XElement("outline", new XAttribute("text", folder.Key), new XAttribute("title", folder.Key), folder.Select(Outline))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return System.Text.Encoding.UTF8.GetBytes(writer.ToString());
    }

    private static XElement Outline(OpmlFeed feed) => new("outline",
        new XAttribute("type", "rss"),
        new XAttribute("text", feed.Title ?? feed.Url),
        new XAttribute("title", feed.Title ?? feed.Url),
        new XAttribute("xmlUrl", feed.Url),
        feed.SiteUrl is null ? null : new XAttribute("htmlUrl", feed.SiteUrl));

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter() : base(CultureInfo.InvariantCulture) { }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
