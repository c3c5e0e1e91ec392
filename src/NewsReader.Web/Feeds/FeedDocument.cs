using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Web.Feeds;

/// <summary>
/// What the feed itself says about itself (its title and site), read from the root: RSS 0.9x/2.0
/// `channel`, RSS 1.0 `rdf:RDF/channel`, Atom `feed`. Items are ArticleExtractor's business.
/// </summary>
public sealed record FeedDocument(string? Title, string? SiteUrl)
{
    /// <summary>The feed's own title and link, or null when the bytes are not a feed.</summary>
    public static FeedDocument? Read(byte[] body)
    {
        XDocument document;
        try
        {
            // No DTDs and no external entities: a feed must not make the server read files or loop.
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
        var root = document.Root!;
        var channel = root.Name.LocalName switch
        {
            "rss" => root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel"),
            "RDF" => root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel"),
            "feed" => root,
            _ => null,
        };
        if (channel is null)
        {
            return null;
        }
        var title = channel.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value.Trim();
        var link = channel.Elements().Where(e => e.Name.LocalName == "link")
            .Select(e => (string?)e.Attribute("href") is { } href
                ? ((string?)e.Attribute("rel") is null or "alternate" ? href : null)
                : e.Value.Trim())
            .FirstOrDefault(l => !string.IsNullOrEmpty(l));
        return new FeedDocument(string.IsNullOrEmpty(title) ? null : title, link);
    }
}
