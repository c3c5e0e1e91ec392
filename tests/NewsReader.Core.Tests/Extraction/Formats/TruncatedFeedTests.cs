using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Tests.Extraction.Formats;

/// <summary>
/// A feed cut short (a download that stopped, a file half written) keeps the items that came
/// complete before the cut, and says it was truncated; an item the cut went through is dropped.
/// </summary>
public partial class TruncatedFeedTests
{
    private static readonly string[] RssTitles = ["Ferry timetable changes on Monday", "Fish & chips stall wins award", "Lighthouse opens to visitors"];
    private static readonly string[] AtomTitles = ["Bridge repairs finish early", "School choir tours Norway", "Market moves to the square"];

    private static string Feed(string path) => Encoding.UTF8.GetString(Fixtures.Bytes(path));

    /// <summary>The feed up to (not including) the first occurrence of <paramref name="marker"/>, plus <paramref name="keep"/> of its characters.</summary>
    private static string CutAt(string xml, string marker, int keep) => xml[..(xml.IndexOf(marker, StringComparison.Ordinal) + keep)];

    [Theory]
    // Mid-item: inside the third item's description.
    [InlineData("feeds/rss2-three-items.xml", "on weekends", 3, 2)]
    // Mid-tag: in the second item's end tag, in its start tag, between an attribute's quotes.
    [InlineData("feeds/rss2-three-items.xml", "</item>\n    <item>\n      <title>Lighthouse", 4, 1)]
    [InlineData("feeds/rss2-three-items.xml", "<item>\n      <title>Lighthouse", 3, 2)]
    [InlineData("feeds/rss2-three-items.xml", "<rss version=\"2.0\"", 11, 0)]
    // Mid-entity: a named one, a numeric one, and inside a CDATA section.
    [InlineData("feeds/rss2-three-items.xml", "&pound;4", 4, 2)]
    [InlineData("feeds/rss2-three-items.xml", "&#8212;", 4, 2)]
    [InlineData("feeds/rss2-three-items.xml", "&amp; chips", 3, 1)]
    [InlineData("feeds/rss2-three-items.xml", "county's prize", 5, 1)]
    // After the last item: only the channel's end tags are missing.
    [InlineData("feeds/rss2-three-items.xml", "  </channel>", 4, 3)]
    [InlineData("feeds/atom-three-entries.atom", "the square &#8212;", 13, 2)]
    [InlineData("feeds/atom-three-entries.atom", "</entry>\n  <entry>\n    <title>Market", 10, 2)]
    [InlineData("feeds/atom-three-entries.atom", "<em>choir</em>", 6, 1)]
    [InlineData("feeds/atom-three-entries.atom", "&amp; Oslo", 2, 1)]
    [InlineData("feeds/atom-three-entries.atom", "&lt;p&gt;The old", 3, 0)]
    [InlineData("feeds/atom-three-entries.atom", "</feed>", 3, 3)]
    public void The_items_complete_before_the_cut_are_read_and_the_feed_says_it_was_truncated(string path, string marker, int keep, int complete)
    {
        var xml = CutAt(Feed(path), marker, keep);
        var titles = path.EndsWith(".atom", StringComparison.Ordinal) ? AtomTitles : RssTitles;

        var result = ArticleExtractor.Extract(Encoding.UTF8.GetBytes(xml), Path.GetFileName(path));

        Assert.Equal(titles[..complete], result.Articles.Select(a => a.Article.Title));
        if (complete == 0)
        {
            Assert.True(result.BrokenFeed);
            Assert.StartsWith("truncated feed: the XML ends at line", result.Refusal);
            Assert.Null(result.Truncation);
            return;
        }
        Assert.Null(result.Refusal);
        Assert.False(result.BrokenFeed);
        Assert.NotNull(result.Feed);
        Assert.StartsWith("truncated feed: the XML ends at line", result.Truncation);
        Assert.EndsWith(complete == 1 ? "the 1 item complete before the cut was read" : $"the {complete} items complete before the cut were read", result.Truncation);
    }

    [Fact]
    public void Recovered_items_are_the_same_articles_the_whole_feed_gives()
    {
        var whole = Feed("feeds/rss2-three-items.xml");
        var full = FeedParser.Parse(whole).Articles;

        var cut = FeedParser.Parse(CutAt(whole, "Lighthouse opens", 0)).Articles;

        Assert.Equal(2, cut.Count);
        for (var i = 0; i < cut.Count; i++)
        {
            Assert.Equal(full[i].Article.Text, cut[i].Article.Text);
            Assert.Equal(full[i].Article.Metadata with { Tags = [] }, cut[i].Article.Metadata with { Tags = [] });
            Assert.Equal(full[i].Article.Metadata.Tags, cut[i].Article.Metadata.Tags);
            Assert.Equal(full[i].ItemKey, cut[i].ItemKey);
            Assert.Equal(full[i].RawSource, cut[i].RawSource);
        }
    }

    [Theory]
    [InlineData("feeds/rss2-three-items.xml")]
    [InlineData("feeds/atom-three-entries.atom")]
    public void Cut_at_every_character_the_feed_yields_exactly_the_items_whose_end_tag_it_holds(string path)
    {
        var whole = Feed(path);
        var titles = path.EndsWith(".atom", StringComparison.Ordinal) ? AtomTitles : RssTitles;

        // Up to the root's end tag: a cut after it leaves the whole feed.
        for (var length = 0; length < whole.TrimEnd().Length; length++)
        {
            var xml = whole[..length];
            var complete = ItemEnd().Matches(xml).Count;

            var result = FeedParser.Parse(xml);

            Assert.True(titles[..complete].SequenceEqual(result.Articles.Select(a => a.Article.Title)),
                $"cut at {length} ({xml[^Math.Min(length, 30)..]}): {result.Articles.Count} items, {result.Refusal}");
            Assert.True(result.Refusal is not null || result.Truncation is not null, $"cut at {length}: neither refused nor said truncated");
        }
    }

    [Fact]
    public void A_whole_feed_is_not_called_truncated()
    {
        var result = Fixtures.Extract("feeds/rss2-three-items.xml");

        Assert.Equal(RssTitles, result.Articles.Select(a => a.Article.Title));
        Assert.Null(result.Truncation);
    }

    [Theory]
    // Broken, not cut: an end tag that does not match stays refused, whatever came before it.
    [InlineData("<rss version=\"2.0\"><channel><item><title>One</title><description>Whole item.</description></item><item><title>Two</title></channel></rss>")]
    public void A_feed_broken_in_the_middle_is_refused_not_recovered(string xml)
    {
        var result = FeedParser.Parse(xml);

        Assert.Empty(result.Articles);
        Assert.StartsWith("broken feed XML:", result.Refusal);
    }

    [GeneratedRegex(@"</(?:item|entry)>")]
    private static partial Regex ItemEnd();
}
