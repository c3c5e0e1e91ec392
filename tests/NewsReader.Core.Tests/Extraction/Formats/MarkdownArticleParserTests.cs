
namespace NewsReader.Core.Tests.Extraction.Formats;

public class MarkdownArticleParserTests
{
    [Fact]
    public void Front_matter_becomes_the_metadata()
    {
        var extracted = Fixtures.Single("markdown/front-matter.md");
        var metadata = extracted.Article.Metadata;

        Assert.Equal("text/markdown", extracted.SourceFormat);
        Assert.Equal("Mountain huts open early", extracted.Article.Title);
        Assert.Equal("Rosa Keller", metadata.Author);
        Assert.Equal("Alpine Post", metadata.SiteName);
        Assert.Equal("https://alpine.example/huts-open-early", metadata.SourceUrl);
        Assert.Equal(new DateTimeOffset(2026, 5, 20, 0, 0, 0, TimeSpan.Zero), metadata.Published);
        Assert.Equal("de-CH", metadata.Language);
        Assert.Equal(["hiking", "mountains"], metadata.Tags);
    }

    [Fact]
    public void Blocks_keep_their_kind_and_inline_markup_becomes_plain_text()
    {
        var article = Fixtures.Single("markdown/front-matter.md").Article;

        Assert.Equal(
            [
                (BlockKind.Paragraph, "Mountain huts in the Bernese Oberland are opening two weeks early this year, after a dry spring left little snow on the paths."),
                (BlockKind.Heading, "Book ahead"),
                (BlockKind.Paragraph, "Wardens ask walkers to book: beds fill quickly at weekends."),
                (BlockKind.ListItem, "Check the path report"),
                (BlockKind.ListItem, "Carry a map"),
                (BlockKind.ListItem, "even on marked routes"),
                (BlockKind.Quote, "The huts are ready."),
                (BlockKind.Quote, "The paths mostly are too."),
            ],
            article.Blocks());
    }

    [Fact]
    public void Without_front_matter_the_leading_heading_is_the_title_and_not_repeated()
    {
        var article = Fixtures.Single("markdown/no-front-matter.md").Article;

        Assert.Equal("A week of soup", article.Title);
        Assert.StartsWith("Monday was leek and potato", article.Text);
        Assert.DoesNotContain("A week of soup", article.Text);
        Assert.Equal((BlockKind.Paragraph, "recipe: leeks, potatoes, stock"), article.Blocks()[^1]);
        Assert.Same(ArticleMetadata.None, article.Metadata);
    }

    [Theory]
    [InlineData("markdown/malformed-front-matter.md", "malformed YAML front matter: an unclosed [ or { list")]
    public void Malformed_front_matter_is_refused_with_its_reason(string path, string reason)
    {
        var result = Fixtures.Extract(path);

        Assert.Empty(result.Articles);
        Assert.Equal(reason, result.Refusal);
    }

    [Theory]
    [InlineData("---\ntitle: \"unclosed\nauthor: x\n---\n\nBody text.\n")]
    [InlineData("---\n- just\n- a list\n---\n\nBody text.\n")]
    [InlineData("---\ntitle: a\n  bad: indent\n---\n\nBody text.\n")]
    public void Other_broken_front_matter_is_refused_too(string markdown)
    {
        var result = MarkdownArticleParser.Parse(markdown);

        Assert.Empty(result.Articles);
        Assert.StartsWith("malformed YAML front matter: ", result.Refusal);
    }

    [Theory]
    [InlineData("tags: [a, b]", new[] { "a", "b" })]
    [InlineData("tags: a, b ,, c", new[] { "a", "b", "c" })]
    [InlineData("tags:\n  - Rail\n  - rail\n  - Night", new[] { "Rail", "Night" })]
    [InlineData("title: no tags", new string[0])]
    public void Tags_are_a_list_or_a_comma_separated_string(string yaml, string[] tags)
    {
        var (frontMatter, refusal) = FrontMatter.Parse(yaml);

        Assert.Null(refusal);
        Assert.Equal(tags, frontMatter!.Metadata.Tags);
    }

    [Fact]
    public void Links_code_and_html_blocks_are_read_as_text()
    {
        var article = MarkdownArticleParser.Parse(
            "Read <https://example.org> and [the report](https://r.example \"Report\") on `grep -r`, with *emphasis* &amp; more.\n\n<div><p>Raw <b>HTML</b> paragraph.</p><script>nope()</script></div>\n").Articles.Single().Article;

        Assert.Equal(
            [
                (BlockKind.Paragraph, "Read https://example.org and the report on grep -r, with emphasis & more."),
                (BlockKind.Paragraph, "Raw HTML paragraph."),
            ],
            article.Blocks());
    }
}
