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
    [InlineData("Story continues below advertisement")]
    [InlineData("Continue reading the main story")]
    [InlineData("Scroll to continue with content")]
    [InlineData("Facebook Twitter Email")]
    [InlineData("Share · Tweet · Email")]
    [InlineData("Photograph: Jo Smith/The Guardian")]
    [InlineData("Image source, Getty Images")]
    [InlineData("Credit: Reuters")]
    [InlineData("Newsletter sign-up")]
    [InlineData("Enter your email address")]
    [InlineData("By signing up, you agree to our Privacy Policy and Terms of Use.")]
    [InlineData("Thank you for signing up!")]
    [InlineData("Related coverage")]
    [InlineData("Most read")]
    [InlineData("You may also like")]
    [InlineData("Continue reading.")]
    public void The_site_talking_is_boilerplate(string text) => Assert.True(Boilerplate.IsBoilerplate(text));

    [Theory]
    [InlineData("Advertisement spending rose by five percent last year, the agency said.")]
    [InlineData("Sponsored by the council, the festival drew ten thousand visitors.")]
    [InlineData("Get out and vote, the newsletter urged its readers on Sunday.")]
    [InlineData("Picture the scene: a crowded square at dawn, and not a tram in sight.")]
    [InlineData("The photo was sold to Getty Images.")]
    [InlineData("Share prices fell sharply on Monday after the announcement.")]
    [InlineData("Readers who subscribe to the paper's newsletter were told first, the editor said, and the rest learned of it at noon when the story went up on the front page.")]
    [InlineData("Credit card debt rose by a fifth in the year to March.")]
    [InlineData("Read more about it and you find the council knew for years: the minutes of three meetings record the engineers' warnings.")]
    [InlineData("The advertisement, which ran in three newspapers, showed a family at breakfast.")]
    [InlineData("Advertising revenue at the paper fell by a third, its owners said.")]
    [InlineData("Facebook and Twitter both removed the posts on Tuesday.")]
    [InlineData("Related to the case, two more men were charged.")]
    [InlineData("Most readers will not notice the change.")]
    [InlineData("Twitter")]
    [InlineData("Image quality improved once the lens was cleaned.")]
    public void A_story_sentence_that_mentions_it_stays(string text) => Assert.False(Boilerplate.IsBoilerplate(text));

    [Theory]
    // As a link, "Read more about …" points elsewhere; as the story's own prose it stays.
    [InlineData("Read more about the council's tram plan", 1.0, true)]
    [InlineData("Read more about the council's tram plan", 0.0, false)]
    [InlineData("See also the minister's letter of June", 0.9, true)]
    [InlineData("See also the minister's letter of June", 0.2, false)]
    [InlineData("A long sentence of the story with one linked word in it.", 0.1, false)]
    public void A_pointer_phrase_is_boilerplate_only_as_a_link(string text, double linkShare, bool boilerplate) =>
        Assert.Equal(boilerplate, Boilerplate.IsBoilerplate(text, linkShare));

    [Fact]
    public void A_run_of_link_blocks_is_a_list_of_other_stories_and_goes()
    {
        SourceBlock[] blocks =
        [
            new(BlockKind.Paragraph, "The council approved the tram line on Tuesday after a debate that lasted until midnight."),
            new(BlockKind.ListItem, "Bus fares frozen for a year") { LinkShare = 1 },
            new(BlockKind.ListItem, "Bridge closed for repairs") { LinkShare = 1 },
            new(BlockKind.ListItem, "New mayor sworn in") { LinkShare = 0.9 },
            new(BlockKind.Paragraph, "Work on the line starts in the spring."),
        ];

        var kept = Boilerplate.Remove(blocks);

        Assert.Equal([blocks[0], blocks[4]], kept);
    }

    [Fact]
    public void Links_in_the_storys_own_list_and_two_links_in_a_row_stay()
    {
        SourceBlock[] blocks =
        [
            new(BlockKind.Paragraph, "The inquiry heard from three groups:"),
            new(BlockKind.ListItem, "The Canal Trust, which looks after the towpath and its locks") { LinkShare = 0.25 },
            new(BlockKind.ListItem, "The Boaters' Association, whose members live on the water") { LinkShare = 0.35 },
            new(BlockKind.ListItem, "Anglers of the Vale, who fish the stretch by the mill") { LinkShare = 0.3 },
            new(BlockKind.Paragraph, "Full report") { LinkShare = 1 },
            new(BlockKind.Paragraph, "Minutes of the hearing") { LinkShare = 1 },
            new(BlockKind.Paragraph, "Its findings are due in May."),
        ];

        Assert.Equal(blocks, Boilerplate.Remove(blocks));
    }

    [Fact]
    public void Html_blocks_know_how_much_of_them_is_link_text()
    {
        var blocks = HtmlBlockReader.ReadFragment("""
            <p>The <a href="/council">council</a> met on Tuesday.</p>
            <ul><li><a href="/fares">Bus fares frozen</a></li></ul>
            <p><a name="anchor">Not a link</a> but an anchor.</p>
            """);

        Assert.Equal([0.26, 1, 0], blocks.Select(b => Math.Round(b.LinkShare, 2)));
    }

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

    [Fact]
    public void A_story_about_advertising_with_a_read_more_sentence_keeps_every_paragraph()
    {
        var paragraphs = new[]
        {
            "Advertisement spending by the town's shops rose by a fifth last year, the chamber of commerce said on Monday, the first rise in a decade.",
            "Read more about it and you find the reason: the new tram stops put three streets of shops within a short walk of the station.",
            "Sponsored by the council, the summer market drew ten thousand visitors, and the advertisement for it ran in every local paper.",
            "Share prices of the two supermarket chains in the town were unchanged, and neither commented on the figures.",
        };
        var html = $"""
            <!DOCTYPE html><html lang="en"><head><title>Shops spend more on advertising</title></head><body>
            <article>{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}</article></body></html>
            """;

        var article = Assert.Single(HtmlArticleParser.Parse(html).Articles).Article;

        Assert.Equal(string.Join("\n\n", paragraphs), article.Text);
    }
}
