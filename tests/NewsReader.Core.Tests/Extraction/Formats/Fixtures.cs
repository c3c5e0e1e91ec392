
namespace NewsReader.Core.Tests.Extraction.Formats;

/// <summary>The source files under Extraction/Fixtures, run through the extractor.</summary>
public static class Fixtures
{
    public static byte[] Bytes(string path) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", path));

    public static ExtractionResult Extract(string path) => ArticleExtractor.Extract(Bytes(path), Path.GetFileName(path));

    /// <summary>The one article of a single-article source; fails the test when there is not exactly one.</summary>
    public static ExtractedArticle Single(string path)
    {
        var result = Extract(path);
        Assert.Null(result.Refusal);
        return Assert.Single(result.Articles);
    }

    public static IReadOnlyList<(BlockKind Kind, string Text)> Blocks(this ParsedArticle article) =>
        article.Blocks.Select(b => (b.Kind, CodePoints.Slice(article.Text, b.Start, b.End))).ToList();
}
