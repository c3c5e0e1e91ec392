using NewsReader.Core.Ingestion;
using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Ingestion.Formats;

/// <summary>The source files under Ingestion/Fixtures, run through the extractor.</summary>
public static class Fixtures
{
    public static byte[] Bytes(string path) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Ingestion", "Fixtures", path));

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
