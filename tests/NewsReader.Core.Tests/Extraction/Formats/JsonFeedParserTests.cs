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
    [InlineData("feeds/jsonfeed-truncated.json", "truncated JSON Feed: the JSON ends at line 5")]
    public void A_broken_json_feed_says_so(string path, string reason)
    {
        var result = Fixtures.Extract(path);

        Assert.Empty(result.Articles);
        Assert.StartsWith(reason, result.Refusal);
    }

    /// <summary>
    /// A JSON Feed cut short, as an XML one: the items complete before the cut are read and the
    /// feed says it was truncated; cut before any item came whole, it is refused as truncated.
    /// </summary>
    [Theory]
    // Inside the second item's text, inside its key, between two items, inside a number-like id.
    [InlineData("two hours either", 1)]
    [InlineData("\"content_text\"", 1)]
    [InlineData("{\n      \"id\": \"3\"", 2)]
    [InlineData("{ \"id\": \"4\"", 3)]
    [InlineData("\"5\", \"url\"", 4)]
    // After the items: only the feed's closing brace is missing.
    [InlineData("  ]\n}", 4)]
    // Before any item came whole.
    [InlineData("harbour crane", 0)]
    [InlineData("\"language\"", 0)]
    public void A_cut_json_feed_keeps_the_items_complete_before_the_cut(string marker, int complete)
    {
        var json = System.Text.Encoding.UTF8.GetString(Fixtures.Bytes("feeds/jsonfeed-1.1.json"));
        var whole = JsonFeedParser.Parse(json).Articles.Select(a => a.Article.Title).ToList();
        var cut = json[..(json.IndexOf(marker, StringComparison.Ordinal) + 3)];

        var result = JsonFeedParser.Parse(cut);

        Assert.Equal(whole[..complete], result.Articles.Select(a => a.Article.Title));
        if (complete == 0)
        {
            Assert.True(result.BrokenFeed);
            Assert.StartsWith("truncated JSON Feed: the JSON ends at line", result.Refusal);
            return;
        }
        Assert.Null(result.Refusal);
        Assert.Equal("The Quay Log & Notes", result.Feed?.Title);
        Assert.StartsWith("truncated JSON Feed: the JSON ends at line", result.Truncation);
        Assert.EndsWith(complete == 1 ? "the 1 item complete before the cut was read" : $"the {complete} items complete before the cut were read", result.Truncation);
    }

    [Theory]
    // Malformed, not cut short: nothing of it is read, and the message does not say truncated.
    [InlineData("""{ "version": "https://jsonfeed.org/version/1.1", "items": [ { "id": "1", "content_text": "One" } ,, ] }""")]
    [InlineData("""{ "version": "https://jsonfeed.org/version/1.1", "items": [ { "id": "1", "content_text": "One" } ] } trailing""")]
    [InlineData("""{ "version": "https://jsonfeed.org/version/1.1", "items": [ { "id": "1" "content_text": "One" } ] }""")]
    public void A_malformed_json_feed_is_refused_as_malformed(string json)
    {
        var result = JsonFeedParser.Parse(json);

        Assert.Empty(result.Articles);
        Assert.True(result.BrokenFeed);
        Assert.StartsWith("truncated or malformed JSON Feed:", result.Refusal);
    }

    [Theory]
    [InlineData("""{ "name": "settings", "items": [] }""", "not a JSON Feed: no jsonfeed.org version")]
    [InlineData("""{ "version": "https://jsonfeed.org/version/1.1", "title": "Quiet", "items": [] }""", "the JSON Feed has no items with text")]
    [InlineData("""[1, 2, 3]""", "not a JSON Feed: no jsonfeed.org version")]
    public void Json_that_is_no_feed_or_has_no_items_is_refused(string json, string reason) =>
        Assert.Equal(reason, JsonFeedParser.Parse(json).Refusal);
}
