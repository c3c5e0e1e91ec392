namespace NewsReader.Core.Tests.Extraction.Formats;

public class BoilerplateTests
{
    [Theory]
    [InlineData("ADVERTISEMENT")]
    [InlineData("Advertisement — Refinance your mortgage at today's low rates")]
    [InlineData("Sponsored content")]
    [InlineData("Share this article")]
    [InlineData("Read more: Council approves tram line")]
    [InlineData("READ MORE")]
    [InlineData("Related: Five things to know about the budget")]
    [InlineData("Continue reading")]
    [InlineData("Get the morning briefing in your inbox every weekday")]
    [InlineData("Sign up for our daily newsletter")]
    [InlineData("Subscribe now")]
    [InlineData("Photo: Jo Smith/Getty Images")]
    [InlineData("(Photo by Ana Lee)")]
    [InlineData("Image credit: Reuters")]
    [InlineData("Jo Smith/AFP via Getty Images")]
    public void The_site_talking_is_boilerplate(string text) => Assert.True(Boilerplate.IsBoilerplate(text));

    [Theory]
    [InlineData("Advertisement spending rose by five percent last year, the agency said.")]
    [InlineData("Sponsored by the council, the festival drew ten thousand visitors.")]
    [InlineData("Get out and vote, the newsletter urged its readers on Sunday.")]
    [InlineData("Picture the scene: a crowded square at dawn, and not a tram in sight.")]
    [InlineData("The photo was sold to Getty Images.")]
    [InlineData("Share prices fell sharply on Monday after the announcement.")]
    [InlineData("Readers who subscribe to the paper's newsletter were told first, the editor said, and the rest learned of it at noon when the story went up on the front page.")]
    public void A_story_sentence_that_mentions_it_stays(string text) => Assert.False(Boilerplate.IsBoilerplate(text));

    [Theory]
    [InlineData("Budget passes after long night | ZDNet", "ZDNet", "Budget passes after long night")]
    [InlineData("Oilers win in overtime - Sportsnet.ca", null, "Oilers win in overtime")]
    [InlineData("The Harbour Times — Ferry fares frozen", "The Harbour Times", "Ferry fares frozen")]
    [InlineData("Ferry fares frozen | ZDNET", "ZDNet", "Ferry fares frozen")]
    [InlineData("Spider-Man - Far From Home review", null, "Spider-Man - Far From Home review")]
    [InlineData("Left | Right: a politics podcast", "Daily Echo", "Left | Right: a politics podcast")]
    [InlineData("ZDNet", "ZDNet", "ZDNet")]
    public void Titles_lose_the_site_name_and_near_misses_stay(string title, string? siteName, string expected) =>
        Assert.Equal(expected, HtmlPageMetadata.SplitTitle(title, siteName, heading: null).Title);
}

public class PageStoryTests
{
    private const string TeaserFirst = """
        <!DOCTYPE html><html lang="en"><head><title>Lighthouse keeper retires after forty years | Coast Courier</title>
        <meta property="og:site_name" content="Coast Courier"></head><body>
        <article class="teaser"><a href="/other">Storm closes the harbour road</a></article>
        <div class="story">
        <p>ADVERTISEMENT — Refinance your mortgage at today's low rates</p>
        <p>The keeper of the Point Rock lighthouse climbed its one hundred and twelve steps for the last time on Sunday, after forty years of service that began when the lamp was still wound by hand.</p>
        <p>Read more: Storm closes the harbour road</p>
        <p>He said he would miss the view more than the work, and that he planned to spend his retirement fishing from the rocks below the tower he kept for so long.</p>
        <p>Get the morning briefing in your inbox every weekday</p>
        </div></body></html>
        """;

    [Fact]
    public void The_story_wins_over_a_teaser_article_and_the_site_talking_is_dropped()
    {
        var result = HtmlArticleParser.Parse(TeaserFirst);

        Assert.Null(result.Refusal);
        var article = Assert.Single(result.Articles).Article;
        Assert.Equal("Lighthouse keeper retires after forty years", article.Title);
        Assert.StartsWith("The keeper of the Point Rock lighthouse", article.Text);
        Assert.DoesNotContain("ADVERTISEMENT", article.Text);
        Assert.DoesNotContain("Read more", article.Text);
        Assert.DoesNotContain("morning briefing", article.Text);
        Assert.DoesNotContain("Storm closes", article.Text);
    }
}
