
namespace NewsReader.Core.Tests.Extraction.Formats;

public class SourceFormatDetectorTests
{
    private const string Prose = "A plain story.\n\nWith two paragraphs.";

    [Theory]
    [InlineData("story.txt", SourceFormat.PlainText)]
    [InlineData("story.TEXT", SourceFormat.PlainText)]
    [InlineData("post.md", SourceFormat.Markdown)]
    [InlineData("post.markdown", SourceFormat.Markdown)]
    [InlineData("page.html", SourceFormat.Html)]
    [InlineData("page.htm", SourceFormat.Html)]
    [InlineData("page.xhtml", SourceFormat.Html)]
    [InlineData("feed.xml", SourceFormat.Feed)]
    [InlineData("feed.rss", SourceFormat.Feed)]
    [InlineData("feed.atom", SourceFormat.Feed)]
    [InlineData("feed.rdf", SourceFormat.Feed)]
    [InlineData("no-extension", SourceFormat.PlainText)]
    [InlineData("notes.log", SourceFormat.PlainText)]
    public void The_extension_decides_when_the_content_says_nothing(string fileName, SourceFormat expected) =>
        Assert.Equal(expected, SourceFormatDetector.Detect(fileName, Prose));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>", SourceFormat.Feed)]
    [InlineData("\uFEFF  <rss version=\"2.0\">", SourceFormat.Feed)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">", SourceFormat.Feed)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", SourceFormat.Feed)]
    [InlineData("<!-- saved from a browser -->\n<!DOCTYPE html><html><body></body></html>", SourceFormat.Html)]
    [InlineData("<html lang=\"en\"><body><p>Hi</p></body></html>", SourceFormat.Html)]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", SourceFormat.Html)]
    [InlineData("---\ntitle: A post\n---\n\nBody.", SourceFormat.Markdown)]
    public void Content_with_unmistakable_markup_wins_over_a_txt_extension(string content, SourceFormat expected) =>
        Assert.Equal(expected, SourceFormatDetector.Detect("download.txt", content));

    [Theory]
    [InlineData("The <html> element wraps every page, and <b> makes text bold.")]
    [InlineData("Feeds start with <rss> or <feed>, as this tutorial explains.")]
    [InlineData("---\nA rule of dashes above, then prose.\n\nNo front matter here.")]
    [InlineData("---\ntitle: never closed\n\nProse follows.")]
    public void Text_that_only_mentions_markup_stays_text(string content) =>
        Assert.Equal(SourceFormat.PlainText, SourceFormatDetector.Detect("notes.txt", content));
}
