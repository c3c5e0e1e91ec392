using System.Text;

namespace NewsReader.Core.Tests.Extraction.Formats;

/// <summary>Feeds as real sites serve them, read leniently but safely, as feed readers do.</summary>
public class LenientFeedTests
{
    [Fact]
    public void White_space_before_the_declaration_and_html_entities_are_read()
    {
        var result = Fixtures.Extract("feeds/rss2-leading-space-entities.xml");

        Assert.Null(result.Refusal);
        var launch = result.Articles[0].Article;
        Assert.Equal("Launch moved to Friday – again", launch.Title.Replace((char)0xA0, (char)0x20));
        Assert.Equal("The launch moved to Friday — the third delay. Café owners near the pad are \"tired\".", launch.Text.Replace('\u00A0', ' '));
        Assert.Equal("https://space.example/launch", launch.Metadata.SourceUrl);
        var dome = result.Articles[1].Article;
        Assert.Equal("AT&T sponsors the dome © 2026", dome.Title);
        // A name no HTML entity has is kept as the text it is.
        Assert.Equal("Tickets & times: see &unknownentity; below.", dome.Text);
        Assert.Equal("https://space.example/dome", dome.Metadata.SourceUrl);
    }

    [Fact]
    public void Rss_0_91_with_a_bom_and_the_netscape_doctype_is_read_without_reading_the_dtd()
    {
        var item = Fixtures.Single("feeds/rss091-netscape.xml");

        Assert.Equal("Modem prices fall", item.Article.Title);
        Assert.Contains("shops' owners said", item.Article.Text);
        Assert.Equal("en-us", item.Article.Metadata.Language);
    }

    [Fact]
    public void Rss_0_90_items_sit_beside_the_channel_in_netscapes_namespace()
    {
        var result = Fixtures.Extract("feeds/rss090.rdf");

        Assert.Equal(new FeedChannel("Mozilla Dot Org", "http://www.mozilla.org"), result.Feed);
        Assert.Equal(["New Status Updates", "Bugzilla Reorganized"], result.Articles.Select(a => a.Article.Title));
        Assert.Equal("http://www.mozilla.org/bugs/", result.Articles[1].ItemKey);
    }

    [Fact]
    public void Rss_0_92_items_may_lack_a_title_and_entities_are_decoded_once()
    {
        var result = Fixtures.Extract("feeds/rss092.xml");

        Assert.Equal("Outline processors are back in fashion, and we are glad of it; more on Monday.", result.Articles[0].Article.Text);
        var escaped = result.Articles[1].Article;
        Assert.Equal("Double-escaped \"quotes\" and it's fine", escaped.Title);
        Assert.Equal("It's a \"test\" of escaping.", escaped.Text);
    }

    [Fact]
    public void Relative_links_resolve_against_xml_base_and_the_fragment_stays_in_the_identity()
    {
        var result = Fixtures.Extract("feeds/atom-xml-base.atom");

        Assert.Equal("https://base.example/blog/2026/first-post.html", result.Articles[0].Article.Metadata.SourceUrl);
        Assert.Equal("https://base.example/blog/second-post.html", result.Articles[1].Article.Metadata.SourceUrl);
        Assert.Equal("https://base.example/blog/second-post.html#comments", result.Articles[1].ItemKey);
    }

    [Fact]
    public void Relative_rss_links_resolve_against_the_address_fetched_else_the_channel_link()
    {
        var bytes = Fixtures.Bytes("feeds/rss2-relative-links.xml");

        var fromFile = ArticleExtractor.Extract(bytes, "rss2-relative-links.xml").Articles;
        var fetched = ArticleExtractor.Extract(bytes, "feed.xml", new Uri("https://mirror.example/feeds/row.xml")).Articles;

        Assert.Equal(["https://row.example/news/one", "https://row.example/news/two"], fromFile.Select(a => a.Article.Metadata.SourceUrl));
        Assert.Equal("https://row.example/news/two#part-2", fromFile[1].ItemKey);
        Assert.Equal(["https://mirror.example/news/one", "https://mirror.example/feeds/two"], fetched.Select(a => a.Article.Metadata.SourceUrl));
        Assert.Equal(new DateTimeOffset(2020, 1, 10, 14, 33, 0, TimeSpan.Zero), fromFile[0].Article.Metadata.Published);
        Assert.Equal(new DateTimeOffset(2023, 12, 16, 14, 2, 33, TimeSpan.Zero), fromFile[1].Article.Metadata.Published);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<rss version=\"2.0\"><channel><title>&lol2;</title></channel></rss>",
        "the feed declares its own entities in a DTD, which are never read")]
    [InlineData("<rss version=\"2.0\"><channel><title>Half", "truncated feed: the XML ends at line 1")]
    [InlineData("<rss version=\"2.0\"><channel><title>Crossed</channel></title></rss>", "broken feed XML:")]
    public void A_hostile_truncated_or_broken_feed_says_so(string xml, string reason)
    {
        var result = ArticleExtractor.Extract(Encoding.UTF8.GetBytes(xml), "feed.xml");

        Assert.Empty(result.Articles);
        Assert.True(result.BrokenFeed);
        Assert.StartsWith(reason, result.Refusal);
    }

    [Theory]
    [InlineData("Fish &amp; chips", "Fish & chips")]
    [InlineData("It&#039;s &quot;fine&quot;", "It's \"fine\"")]
    [InlineData("Caf&eacute; &#x263A;", "Café ☺")]
    [InlineData("AT&T and R&D stay", "AT&T and R&D stay")]
    [InlineData("&notanentity; stays", "&notanentity; stays")]
    [InlineData("No entities at all", "No entities at all")]
    public void Leftover_entities_are_decoded_once_and_near_misses_stay(string text, string expected) =>
        Assert.Equal(expected, LeftoverEntities.Decode(text));
}
