
namespace NewsReader.Core.Tests.Extraction.Formats;

public class SourceFormatsTests
{
    private const string Prose = "A plain story.\n\nWith two paragraphs.";

    [Theory]
    [InlineData("story.txt", "plain text")]
    [InlineData("story.TEXT", "plain text")]
    [InlineData("post.md", "Markdown")]
    [InlineData("post.markdown", "Markdown")]
    [InlineData("page.html", "HTML")]
    [InlineData("page.htm", "HTML")]
    [InlineData("page.xhtml", "HTML")]
    [InlineData("feed.xml", "XML feed")]
    [InlineData("feed.rss", "XML feed")]
    [InlineData("feed.atom", "XML feed")]
    [InlineData("feed.rdf", "XML feed")]
    [InlineData("feed.json", "JSON Feed")]
    [InlineData("no-extension", "plain text")]
    [InlineData("notes.log", "plain text")]
    public void The_extension_decides_when_the_content_says_nothing(string fileName, string expected) =>
        Assert.Equal(expected, SourceFormats.Detect(fileName, Prose).Name);

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", "XML feed")]
    [InlineData("\uFEFF  <rss version=\"2.0\">", "XML feed")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "XML feed")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "XML feed")]
    [InlineData("<!-- saved from a browser -->\n<!DOCTYPE html><html><body></body></html>", "HTML")]
    [InlineData("<html lang=\"en\"><body><p>Hi</p></body></html>", "HTML")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "HTML")]
    [InlineData("---\ntitle: A post\n---\n\nBody.", "Markdown")]
    [InlineData("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"title\": \"x\"", "JSON Feed")]
    [InlineData("\uFEFF{\"version\":\"http://jsonfeed.org/version/1\"}", "JSON Feed")]
    public void Content_with_unmistakable_markup_wins_over_a_txt_extension(string content, string expected) =>
        Assert.Equal(expected, SourceFormats.Detect("download.txt", content).Name);

    [Theory]
    [InlineData("The <html> element wraps every page, and <b> makes text bold.")]
    [InlineData("Feeds start with <rss> or <feed>, as this tutorial explains.")]
    [InlineData("---\nA rule of dashes above, then prose.\n\nNo front matter here.")]
    [InlineData("---\ntitle: never closed\n\nProse follows.")]
    [InlineData("{ \"name\": \"a JSON file that is no feed\" }")]
    [InlineData("Our feed moved: see \"version\": \"https://jsonfeed.org/version/1.1\" in the docs.")]
    public void Text_that_only_mentions_markup_stays_text(string content) =>
        Assert.Equal("plain text", SourceFormats.Detect("notes.txt", content).Name);
}

public class SourceFormatTableTests
{
    [Fact]
    public void The_accept_header_lists_every_format_most_wanted_first()
    {
        var accept = SourceFormats.AcceptHeader;

        Assert.StartsWith("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,", accept);
        Assert.Contains("application/feed+json,", accept);
        Assert.Contains("application/json;q=0.9", accept);
        Assert.Contains("text/plain;q=0.8", accept);
        Assert.EndsWith("*/*;q=0.5", accept);
    }

    [Theory]
    [InlineData("text/html", "HTML")]
    [InlineData("APPLICATION/RSS+XML", "XML feed")]
    [InlineData("text/xml", "XML feed")]
    [InlineData("application/feed+json", "JSON Feed")]
    [InlineData("application/json", "JSON Feed")]
    [InlineData("text/x-markdown", "Markdown")]
    [InlineData("text/plain", "plain text")]
    public void A_media_type_names_its_format(string mediaType, string format) =>
        Assert.Equal(format, SourceFormats.ByMediaType(mediaType)!.Name);

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData(null)]
    public void A_media_type_no_format_reads_names_none(string? mediaType) => Assert.Null(SourceFormats.ByMediaType(mediaType));
}
