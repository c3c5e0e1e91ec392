using System.Xml.Linq;

namespace NewsReader.Core.Tests.Extraction.Formats;

public class FeedParserTests
{
    [Fact]
    public void Rss_items_with_content_encoded_become_articles_with_their_metadata()
    {
        var result = Fixtures.Extract("feeds/rss2-content-encoded.xml");

        Assert.Null(result.Refusal);
        Assert.Equal(2, result.Articles.Count);
        var ferry = result.Articles[0];
        Assert.Equal("application/rss+xml", ferry.SourceFormat);
        Assert.Equal("harbour-4411", ferry.ItemKey);
        Assert.Equal("Ferry timetable changes for summer", ferry.Article.Title);
        var metadata = ferry.Article.Metadata;
        Assert.Equal("https://harbour.example/ferry-summer", metadata.SourceUrl);
        Assert.Equal("Harbour Times", metadata.SiteName);
        Assert.Equal("Mae Collins", metadata.Author);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 14, 30, 0, TimeSpan.Zero), metadata.Published);
        Assert.Equal("en-gb", metadata.Language);
        Assert.Equal(["Transport", "Islands"], metadata.Tags);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "The island ferry will run every forty minutes from the first of June, the operator said, up from once an hour last summer."),
                (BlockKind.Heading, "Late sailings"),
                (BlockKind.Paragraph, "A late sailing at eleven at night will be added on Fridays and Saturdays."),
                (BlockKind.ListItem, "Weekdays: 06:00 to 21:00"),
                (BlockKind.ListItem, "Weekends: 07:00 to 23:00"),
            ],
            ferry.Article.Blocks());
        Assert.DoesNotContain("teaser", ferry.Article.Text);
        Assert.DoesNotContain("alert", ferry.Article.Text);
    }

    [Fact]
    public void Each_item_keeps_its_own_xml_as_its_raw_source()
    {
        var result = Fixtures.Extract("feeds/rss2-content-encoded.xml");

        var raw = XElement.Parse(result.Articles[0].RawSource);
        Assert.Equal("item", raw.Name.LocalName);
        Assert.Equal("harbour-4411", raw.Element("guid")!.Value);
        Assert.DoesNotContain("Lifeboat", result.Articles[0].RawSource);
    }

    [Fact]
    public void An_item_without_text_keeps_its_title_and_is_keyed_by_its_link()
    {
        var lifeboat = Fixtures.Extract("feeds/rss2-content-encoded.xml").Articles[1];

        Assert.Equal("https://harbour.example/lifeboat-honoured", lifeboat.ItemKey);
        Assert.Equal("Lifeboat crew honoured", lifeboat.Article.Title);
        Assert.Equal([(BlockKind.Paragraph, "Lifeboat crew honoured")], lifeboat.Article.Blocks());
        Assert.Equal(new DateTimeOffset(2026, 5, 3, 17, 0, 0, TimeSpan.Zero), lifeboat.Article.Metadata.Published);
    }

    [Fact]
    public void Rss_descriptions_are_read_as_escaped_html_or_as_plain_paragraphs()
    {
        var articles = Fixtures.Extract("feeds/rss2-descriptions.rss").Articles;

        Assert.Equal("Hill Country & Dales Gazette", articles[0].Article.Metadata.SiteName);
        Assert.Equal("Joan Pike", articles[0].Article.Metadata.Author);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "The county sheep show returned to the showground on Saturday, with more than four hundred animals entered."),
                (BlockKind.Paragraph, "Judges praised the quality of the Swaledale classes."),
            ],
            articles[0].Article.Blocks());
        Assert.Equal(
            [
                (BlockKind.Paragraph, "The road over the pass reopened on Friday after a landslip in August."),
                (BlockKind.Paragraph, "Drivers are asked to keep to the new speed limit while the verges settle."),
            ],
            articles[1].Article.Blocks());
    }

    [Fact]
    public void Rss_1_items_sit_beside_the_channel_and_use_dublin_core()
    {
        var item = Assert.Single(Fixtures.Extract("feeds/rss1.rdf").Articles);
        var metadata = item.Article.Metadata;

        Assert.Equal("Comet visible to the naked eye", item.Article.Title);
        Assert.Equal("https://observatory.example/comet-visible", item.ItemKey);
        Assert.Equal("Observatory Bulletin", metadata.SiteName);
        Assert.Equal("Dr. Hal Brennan", metadata.Author);
        Assert.Equal(new DateTimeOffset(2026, 6, 18, 20, 10, 0, TimeSpan.Zero), metadata.Published);
        Assert.Equal("en", metadata.Language);
        Assert.Equal(["Astronomy"], metadata.Tags);
        Assert.StartsWith("The comet can be seen low in the north-west", item.Article.Text);
    }

    [Fact]
    public void Atom_entries_read_xhtml_content_and_inherit_the_feed_author_and_language()
    {
        var entries = Fixtures.Extract("feeds/atom-xhtml.atom").Articles;

        Assert.Equal(2, entries.Count);
        var pump = entries[0];
        Assert.Equal("application/atom+xml", pump.SourceFormat);
        Assert.Equal("tag:polder.example,2026:gemaal", pump.ItemKey);
        Assert.Equal("https://polder.example/gemaal", pump.Article.Metadata.SourceUrl);
        Assert.Equal("Redactie Polder", pump.Article.Metadata.Author);
        Assert.Equal("Polder Nieuws", pump.Article.Metadata.SiteName);
        Assert.Equal("nl", pump.Article.Metadata.Language);
        Assert.Equal(new DateTimeOffset(2026, 2, 9, 7, 0, 0, TimeSpan.Zero), pump.Article.Metadata.Published);
        Assert.Equal(["Waterbeheer"], pump.Article.Metadata.Tags);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "Het nieuwe gemaal aan de dijk kan twee keer zoveel water wegpompen als het oude, meldt het waterschap."),
                (BlockKind.Quote, "Hiermee zijn we klaar voor nattere winters."),
            ],
            pump.Article.Blocks());
    }

    [Fact]
    public void An_atom_entry_without_content_uses_its_summary_and_its_own_author()
    {
        var path = Fixtures.Extract("feeds/atom-xhtml.atom").Articles[1];

        Assert.Equal("Fietspad langs de vaart", path.Article.Title);
        Assert.Equal("Joris de Wit", path.Article.Metadata.Author);
        Assert.Equal(new DateTimeOffset(2026, 2, 8, 15, 30, 0, TimeSpan.Zero), path.Article.Metadata.Published);
        Assert.Equal("Het fietspad langs de vaart wordt verbreed tot vier meter.", path.Article.Text);
    }

    [Theory]
    [InlineData("feeds/truncated.xml", "truncated feed: the XML ends at line")]
    [InlineData("feeds/external-entity.xml", "the feed declares its own entities in a DTD, which are never read")]
    public void Broken_or_hostile_xml_is_refused_whole(string path, string reason)
    {
        var result = Fixtures.Extract(path);

        Assert.Empty(result.Articles);
        Assert.StartsWith(reason, result.Refusal);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><html><body>Not a feed</body></html>", "not a feed: the XML's root element is <html>")]
    [InlineData("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>", "the RSS feed has no items with text")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title><entry><id>x</id></entry></feed>", "the Atom feed has no items with text")]
    public void Xml_without_items_is_refused(string xml, string reason) =>
        Assert.Equal(reason, FeedParser.Parse(xml).Refusal);
}
