using System.Text;

namespace NewsReader.Core.Tests.Extraction.Formats;

/// <summary>
/// Issue #24: documents nested deeper than any article needs are refused with their reason
/// before a tree is built of them (they used to take gigabytes or minutes), and sources nested
/// as real ones are still read.
/// </summary>
public class SourceLimitsTests
{
    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static string DeepRss(int depth) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep item</title><description>Some text.</description>"
        + Repeat("<a>", depth) + Repeat("</a>", depth) + "</item></channel></rss>";

    private static string DeepAtom(int depth) =>
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><entry><id>1</id><title>Deep entry</title>"
        + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + Repeat("<div>", depth) + "<p>Harbour text.</p>" + Repeat("</div>", depth)
        + "</div></content></entry></feed>";

    private static string DeepPage(int depth) =>
        "<!DOCTYPE html><html><head><title>Deep</title></head><body>" + Repeat("<div>", depth) + "<p>text</p>" + Repeat("</div>", depth) + "</body></html>";

    private static string DeepJsonFeed(int depth) =>
        "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Deep\",\"items\":[{\"id\":\"1\",\"content_text\":\"Some text.\",\"extra\":"
        + Repeat("[", depth) + Repeat("]", depth) + "}]}";

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "rss, 32,000 nested elements", "feed.xml", DeepRss(32_000) },
        { "rss, 200,000 nested elements", "feed.xml", DeepRss(200_000) },
        { "atom, 32,000 nested xhtml divs", "feed.atom", DeepAtom(32_000) },
        { "page, 100,000 nested divs", "page.html", DeepPage(100_000) },
        { "page, 100,000 unclosed bold", "page.html", "<!DOCTYPE html><html><body>" + Repeat("<b>", 100_000) + "text</body></html>" },
        { "page, 100,000 unclosed divs written <div/>", "page.html", "<!DOCTYPE html><html><body>" + Repeat("<div/>", 100_000) + "text</body></html>" },
        { "json feed, 100,000 nested arrays", "feed.json", DeepJsonFeed(100_000) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_deeply_nested_document_is_refused_with_its_reason(string name, string fileName, string source)
    {
        var result = ArticleExtractor.Extract(Encoding.UTF8.GetBytes(source), fileName);

        Assert.Empty(result.Articles);
        Assert.NotNull(result.Refusal);
        Assert.Contains("levels deep", result.Refusal);
        _ = name;
    }

    [Fact]
    public void A_deep_feed_is_broken_so_a_poll_reports_it_and_a_subscription_does_not_take_it_for_a_page()
    {
        Assert.True(FeedParser.Parse(DeepRss(32_000)).BrokenFeed);
        Assert.True(JsonFeedParser.Parse(DeepJsonFeed(1000)).BrokenFeed);
        Assert.StartsWith("the feed nests its elements more than 256 levels deep (line 1)", FeedParser.Parse(DeepRss(32_000)).Refusal);
    }

    [Fact]
    public void A_page_of_more_elements_than_any_article_is_refused()
    {
        var page = "<!DOCTYPE html><html><body>" + Repeat("<div><span>x</span></div>", 20_000) + "</body></html>";

        Assert.Equal(HtmlArticleParser.TooManyElements, HtmlArticleParser.Parse(page).Refusal);
    }

    [Fact]
    public void A_feed_item_whose_html_body_is_too_deep_keeps_its_text_flattened()
    {
        var body = System.Net.WebUtility.HtmlEncode(Repeat("<div>", 100_000) + "Harbour reopens after the storm." + Repeat("</div>", 100_000));
        var rss = $"<rss version=\"2.0\"><channel><title>Quay</title><item><guid>1</guid><title>Harbour</title><description>{body}</description></item></channel></rss>";

        var item = Assert.Single(FeedParser.Parse(rss).Articles);

        Assert.Equal("Harbour reopens after the storm.", item.Article.Text);
    }

    [Fact]
    public void Near_misses_a_feed_with_xhtml_content_thirty_deep_is_read()
    {
        var result = FeedParser.Parse(DeepAtom(30));

        var entry = Assert.Single(result.Articles);
        Assert.Equal("Harbour text.", entry.Article.Text);
    }

    [Fact]
    public void Near_misses_a_page_of_ordinary_depth_with_many_unclosed_paragraphs_and_list_items_is_read()
    {
        var paragraphs = Repeat("<p>The harbour master said the quay would reopen on Monday after repairs to the sea wall", 800);
        var items = "<ul>" + Repeat("<li>a point", 800) + "</ul>";
        var page = "<!DOCTYPE html><html><head><title>Quay reopens</title></head><body>" + Repeat("<div class=\"wrap\">", 40)
            + "<article>" + paragraphs + items + "</article>" + Repeat("</div>", 40) + "</body></html>";

        Assert.Equal(MarkupLimit.None, SourceLimits.Html(page));
        var result = HtmlArticleParser.Parse(page);
        Assert.Null(result.Refusal);
    }

    [Fact]
    public void Near_misses_a_json_feed_with_ordinary_nesting_is_read() =>
        Assert.Null(JsonFeedParser.Parse(DeepJsonFeed(10)).Refusal);

    [Fact]
    public void Item_xml_is_kept_as_written_without_indentation()
    {
        var rss = "<rss version=\"2.0\"><channel><title>Quay</title><item><guid>1</guid><title>Harbour</title><description>The quay reopens.</description></item></channel></rss>";

        Assert.Equal("<item><guid>1</guid><title>Harbour</title><description>The quay reopens.</description></item>", Assert.Single(FeedParser.Parse(rss).Articles).RawSource);
    }

    [Theory]
    [InlineData("<div>", 1, MarkupLimit.None)]
    [InlineData("<div><div><div>", 2, MarkupLimit.Depth)]
    [InlineData("<div><span></div><div><span></div><div>", 2, MarkupLimit.None)]
    [InlineData("<p><p><p><li><li><td><td><br><br><img><a><a><a>", 2, MarkupLimit.None)]
    [InlineData("<!-- <div><div><div> --><div>", 2, MarkupLimit.None)]
    [InlineData("<!-- x --!><div><div><div>", 2, MarkupLimit.Depth)]
    [InlineData("<script>'<div><div><div>'</script>", 2, MarkupLimit.None)]
    [InlineData("<div title=\"<div><div>\"><div>", 2, MarkupLimit.None)]
    [InlineData("<i x\"><div><div><div>\">", 2, MarkupLimit.Depth)]
    [InlineData("<i =\"><div><div><div>\">", 2, MarkupLimit.Depth)]
    [InlineData("<![CDATA[><div><div><div>]]>", 2, MarkupLimit.Depth)]
    [InlineData("<svg><g/><g/><g/></svg>", 2, MarkupLimit.None)]
    [InlineData("<div/><div/><div/>", 2, MarkupLimit.Depth)]
    public void The_html_scan_counts_what_a_browser_would_nest(string html, int maxDepth, MarkupLimit expected) =>
        Assert.Equal(expected, SourceLimits.Html(html, maxDepth));

    [Theory]
    [InlineData("""{"a":[[[1]]]}""", 3, true)]
    [InlineData("""{"a":[[1]]}""", 3, false)]
    [InlineData("""{"a":"[[[[[[\"[[["}""", 3, false)]
    public void The_json_scan_counts_brackets_outside_strings(string json, int max, bool exceeds) =>
        Assert.Equal(exceeds, SourceLimits.JsonExceeds(json, max));
}
