namespace NewsReader.Core.Tests.Extraction.Formats;

public class JsonFeedParserTests
{
    [Fact]
    public void Json_feed_1_1_items_become_articles_with_their_metadata()
    {
        var result = Fixtures.Extract("feeds/jsonfeed-1.1.json");

        Assert.Null(result.Refusal);
        Assert.Equal(new FeedChannel("The Quay Log & Notes", "https://quay.example/"), result.Feed);
        Assert.Equal(4, result.Articles.Count);
        var crane = result.Articles[0];
        Assert.Equal("application/feed+json", crane.SourceFormat);
        Assert.Equal("https://quay.example/2026/05/crane", crane.ItemKey);
        Assert.Equal("Crane \"Big Ned\" retires", crane.Article.Title);
        var metadata = crane.Article.Metadata;
        Assert.Equal("https://quay.example/2026/05/crane", metadata.SourceUrl);
        Assert.Equal("The Quay Log & Notes", metadata.SiteName);
        Assert.Equal("Ada Quill, Ben Rook", metadata.Author);
        Assert.Equal(new DateTimeOffset(2026, 5, 8, 15, 0, 0, TimeSpan.Zero), metadata.Published);
        Assert.Equal("en-GB", metadata.Language);
        Assert.Equal(["Port", "History"], metadata.Tags);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "The harbour crane known as Big Ned lifted its last container on Friday after forty years."),
                (BlockKind.Heading, "What next"),
                (BlockKind.Paragraph, "It will stay on the quay as a monument, the port said."),
            ],
            crane.Article.Blocks());
        Assert.Equal("https://quay.example/2026/05/crane", System.Text.Json.JsonDocument.Parse(crane.RawSource).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Text_summaries_external_links_and_title_only_items_are_read_too()
    {
        var items = Fixtures.Extract("feeds/jsonfeed-1.1.json").Articles;

        var tides = items[1];
        Assert.Equal("2", tides.ItemKey);
        Assert.Equal("Quay Desk", tides.Article.Metadata.Author);
        Assert.Equal([(BlockKind.Paragraph, "Spring tides peak on Tuesday."), (BlockKind.Paragraph, "The slipway closes two hours either side of high water.")], tides.Article.Blocks());
        Assert.Equal("https://elsewhere.example/fish-market", items[2].Article.Metadata.SourceUrl);
        Assert.Contains("old customs house", items[2].Article.Text);
        Assert.Equal("https://quay.example/webcam", items[3].Article.Metadata.SourceUrl);
        Assert.Equal("Quay webcam back online", items[3].Article.Text);
    }

    [Fact]
    public void Json_feed_1_0_has_one_author_and_may_number_its_ids()
    {
        var item = Fixtures.Single("feeds/jsonfeed-1.0.json");

        Assert.Equal("1017", item.ItemKey);
        Assert.Equal("Street lights switch to amber", item.Article.Title);
        Assert.Equal("Mo Lantern", item.Article.Metadata.Author);
        Assert.Equal("Lantern Street", item.Article.Metadata.SiteName);
    }

    [Theory]
    [InlineData("feeds/jsonfeed-truncated.json", "truncated or malformed JSON Feed")]
    public void A_broken_json_feed_says_so(string path, string reason)
    {
        var result = Fixtures.Extract(path);

        Assert.Empty(result.Articles);
        Assert.StartsWith(reason, result.Refusal);
    }

    [Theory]
    [InlineData("""{ "name": "settings", "items": [] }""", "not a JSON Feed: no jsonfeed.org version")]
    [InlineData("""{ "version": "https://jsonfeed.org/version/1.1", "title": "Quiet", "items": [] }""", "the JSON Feed has no items with text")]
    [InlineData("""[1, 2, 3]""", "not a JSON Feed: no jsonfeed.org version")]
    public void Json_that_is_no_feed_or_has_no_items_is_refused(string json, string reason) =>
        Assert.Equal(reason, JsonFeedParser.Parse(json).Refusal);
}
