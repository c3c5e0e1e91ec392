
namespace NewsReader.Core.Tests.Extraction.Formats;

public class HtmlArticleParserTests
{
    [Fact]
    public void A_news_page_is_reduced_to_its_story_without_the_site_around_it()
    {
        var extracted = Fixtures.Single("html/news-site.html");
        var article = extracted.Article;

        Assert.Equal("text/html", extracted.SourceFormat);
        Assert.Equal("Council approves tram line to the east bank", article.Title);
        Assert.Equal(
            [
                (BlockKind.Paragraph, "Northport's council voted by thirty-one to nine on Tuesday night to build a tram line across the river to the east bank, ending a debate that has run for more than a decade."),
                (BlockKind.Paragraph, "The line will run for six kilometres from the central station to the hospital, with eleven stops, and is expected to open in 2030 if construction starts next spring as planned."),
                (BlockKind.Heading, "Who pays for it"),
                (BlockKind.Paragraph, "Most of the cost will be met by a regional transport grant, while the council will borrow the rest against future fare income and a levy on new offices near the stops."),
                (BlockKind.ListItem, "Regional transport grant: 60 percent"),
                (BlockKind.ListItem, "Council borrowing: 30 percent"),
                (BlockKind.ListItem, "Office levy: 10 percent"),
                (BlockKind.Quote, "This is the most important decision the council has taken in a generation."),
                (BlockKind.Paragraph, "Opponents argued that buses could serve the east bank for a fraction of the price, and several said they would campaign against the levy at the next election."),
            ],
            article.Blocks());
        foreach (var leak in new[] { "tracking code", "advertisement", "font-family", "Most read", "About time", "Privacy", "Weather" })
        {
            Assert.DoesNotContain(leak, article.Text);
        }
    }

    [Fact]
    public void A_news_page_keeps_its_metadata()
    {
        var metadata = Fixtures.Single("html/news-site.html").Article.Metadata;

        Assert.Equal("Northport Daily", metadata.SiteName);
        Assert.Equal("Priya Raman", metadata.Author);
        Assert.Equal("https://northport.example/city/tram-east-bank", metadata.SourceUrl);
        Assert.Equal(new DateTimeOffset(2026, 4, 21, 15, 5, 0, TimeSpan.Zero), metadata.Published);
        Assert.Equal("en", metadata.Language);
        Assert.Equal(["Transport", "Council"], metadata.Tags);
    }

    [Fact]
    public void A_blog_post_takes_its_date_from_time_and_its_site_from_the_title_suffix()
    {
        var article = Fixtures.Single("html/blog-post.html").Article;

        Assert.Equal("Why I switched to a paper notebook", article.Title);
        Assert.Equal("Marginal Notes", article.Metadata.SiteName);
        Assert.Equal("Sam Ito", article.Metadata.Author);
        Assert.Equal("https://marginal.example/2026/05/paper-notebook/", article.Metadata.SourceUrl);
        Assert.Equal(new DateTimeOffset(2026, 5, 2, 10, 0, 0, TimeSpan.Zero), article.Metadata.Published);
        Assert.Equal("en-US", article.Metadata.Language);
        Assert.Equal(3, article.Blocks.Count);
        Assert.Contains("and much more pleasant on a train.", article.Text);
        Assert.DoesNotContain("Posted on", article.Text);
    }

    [Fact]
    public void Json_ld_gives_what_the_head_lacks()
    {
        var metadata = Fixtures.Single("html/json-ld.html").Article.Metadata;

        Assert.Equal("Lena Ward", metadata.Author);
        Assert.Equal("Valley Farmer", metadata.SiteName);
        Assert.Equal("https://farmer.example/news/frost-damage", metadata.SourceUrl);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 10, 45, 0, TimeSpan.Zero), metadata.Published);
    }

    [Theory]
    [InlineData("html/german.html", "Stadtbibliothek verlängert Öffnungszeiten", "de", "„Wir wollen ein Ort für alle sein“, sagte")]
    [InlineData("encodings/shift-jis.html", "桜の開花、平年より早く", "ja", "上野公園では、朝早くから多くの人が集まり")]
    [InlineData("html/windows-1252.html", "Le marché de Noël ouvre à Colmar", "fr", "fabriquées – à la main – par des artisans")]
    [InlineData("html/iso-8859-1.html", "Le marché de Noël ouvre à Colmar", "fr", "où des milliers de visiteurs étaient attendus dès le premier week-end.")]
    public void Pages_in_other_languages_and_encodings_keep_their_characters(string path, string title, string language, string expected)
    {
        var article = Fixtures.Single(path).Article;

        Assert.Equal(title, article.Title);
        Assert.Equal(language, article.Metadata.Language);
        Assert.Contains(expected, article.Text);
        Assert.Equal(3, article.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.DoesNotContain(article.Blocks(), b => b.Text == title);
    }

    [Theory]
    [InlineData("<html><head><title>Home</title></head><body><nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav></body></html>")]
    [InlineData("<html><body><article><h1>Coming soon</h1><p>Check back later.</p></article></body></html>")]
    [InlineData("<html><body><script>var story = 'a long script that is not an article at all, however long it grows, because scripts are never text we read';</script></body></html>")]
    public void A_page_without_an_article_is_refused(string html)
    {
        var result = HtmlArticleParser.Parse(html);

        Assert.Empty(result.Articles);
        Assert.Equal("no article found in the HTML page", result.Refusal);
    }

    [Fact]
    public void A_navigation_page_fixture_is_refused() =>
        Assert.Equal("no article found in the HTML page", Fixtures.Extract("html/no-article.html").Refusal);

    [Theory]
    [InlineData("Library reopens | The Gazette", "The Gazette", null, "Library reopens", "The Gazette")]
    [InlineData("Library reopens - Gazette", null, "Library reopens", "Library reopens", "Gazette")]
    [InlineData("Yes - or no? A guide", null, "Something else", "Yes - or no? A guide", null)]
    [InlineData("Rates | Tax | Town Hall", "Town Hall", null, "Rates | Tax", "Town Hall")]
    public void A_title_loses_its_site_suffix_only_when_it_is_one(string title, string? siteName, string? heading, string expected, string? suffix) =>
        Assert.Equal((expected, suffix), HtmlPageMetadata.SplitTitle(title, siteName, heading));
}
