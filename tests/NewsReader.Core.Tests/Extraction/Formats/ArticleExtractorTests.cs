using System.Text;

namespace NewsReader.Core.Tests.Extraction.Formats;

public class ArticleExtractorTests
{
    private const string Feed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Town Crier</title>
        <item><title>Market day moves</title><guid>m1</guid><description>The market moves to Thursdays from next month.</description></item>
        </channel></rss>
        """;

    private const string Page = """
        <!DOCTYPE html><html lang="en"><head><title>Bakery wins prize</title></head><body><article><h1>Bakery wins prize</h1>
        <p>The bakery on Mill Lane won the regional bread prize on Saturday with a sourdough made from local flour.</p>
        <p>Its owners said they would spend the prize money on a second oven before the Christmas rush begins.</p></article></body></html>
        """;

    [Theory]
    [InlineData("saved.txt", Feed, "application/rss+xml", "Market day moves")]
    [InlineData("saved.txt", Page, "text/html", "Bakery wins prize")]
    [InlineData("download", Page, "text/html", "Bakery wins prize")]
    [InlineData("export.dat", "---\ntitle: Notes from the shed\n---\n\nThe shed roof is fixed at last.\n", "text/markdown", "Notes from the shed")]
    public void A_file_is_read_as_what_its_content_is_whatever_its_name(string fileName, string content, string format, string title)
    {
        var extracted = Assert.Single(ArticleExtractor.Extract(Encoding.UTF8.GetBytes(content), fileName).Articles);

        Assert.Equal(format, extracted.SourceFormat);
        Assert.Equal(title, extracted.Article.Title);
    }

    [Fact]
    public void A_text_that_mentions_html_in_its_prose_stays_text()
    {
        var extracted = Fixtures.Single("encodings/mentions-html.txt");

        Assert.Equal("text/plain", extracted.SourceFormat);
        Assert.Equal("Learning to write web pages by hand", extracted.Article.Title);
        Assert.Contains("Every page starts with <html> and ends with </html>, and the <b> tag makes text bold.", extracted.Article.Text);
    }

    [Theory]
    [InlineData("encodings/windows-1252.txt")]
    [InlineData("encodings/utf16-le.txt")]
    [InlineData("encodings/utf16-be.txt")]
    [InlineData("encodings/utf8-bom.txt")]
    public void Plain_text_in_any_encoding_reads_the_same(string path)
    {
        var article = Fixtures.Single(path).Article;

        Assert.Equal("Café owners protest new rules", article.Title);
        Assert.StartsWith("The owners of the “Café du Port” say the rules – which take effect in May – will cost", article.Text);
    }

    [Fact]
    public void A_legacy_encoded_feed_keeps_its_accents()
    {
        var item = Fixtures.Single("encodings/latin1-feed.xml");

        Assert.Equal("Fête de la bière à Strasbourg", item.Article.Title);
        Assert.Equal("Le Petit Écho", item.Article.Metadata.SiteName);
    }

    [Theory]
    [InlineData("scan.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00 }, "binary content (PDF document), not text")]
    [InlineData("photo.txt", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "binary content (JPEG image), not text")]
    [InlineData("empty.md", new byte[0], "empty file")]
    public void What_is_not_text_is_refused_before_any_parser(string fileName, byte[] bytes, string reason)
    {
        var result = ArticleExtractor.Extract(bytes, fileName);

        Assert.Empty(result.Articles);
        Assert.Equal(reason, result.Refusal);
    }
}
