using Match = NewsReader.Core.Extraction.ShingleScore.PageMatch;

namespace NewsReader.Core.Tests.Extraction;

/// <summary>The Article Extraction Benchmark's scoring, worked by hand.</summary>
public class ShingleScoreTests
{
    [Theory]
    [InlineData("Hello, World! It's 9:30.", new[] { "Hello", "World", "It", "s", "9", "30" })]
    [InlineData("snake_case and café au lait", new[] { "snake_case", "and", "café", "au", "lait" })]
    // A combining accent is no word character in Python's \w: it splits the word.
    [InlineData("cafe\u0301 noir", new[] { "cafe", "noir" })]
    [InlineData("x² ½ Ⅻ 東京 2026", new[] { "x²", "½", "Ⅻ", "東京", "2026" })]
    [InlineData(" -- ... ", new string[0])]
    public void Words_are_what_pythons_unicode_word_pattern_finds(string text, string[] words) =>
        Assert.Equal(words, ShingleScore.Words(text));

    [Theory]
    // Identical: every shingle matched.
    [InlineData("the quick brown fox jumps", "the quick brown fox jumps", 1.0, 0.0, 0.0)]
    // Two shingles wanted (abcd, bcde), one found.
    [InlineData("a b c d e", "a b c d", 0.5, 0.0, 0.5)]
    // Fewer words than a shingle: one shingle of them all.
    [InlineData("Hello world", "Hello world", 1.0, 0.0, 0.0)]
    // Case counts; punctuation does not.
    [InlineData("Hello, World!", "hello world", 0.0, 0.5, 0.5)]
    // Counts matter: abcd twice in the truth (with bcda, cdab, dabc), once found.
    [InlineData("a b c d a b c d", "a b c d", 0.2, 0.0, 0.8)]
    // Extra text: one shingle right, two too many (bcde, cdef).
    [InlineData("a b c d", "a b c d e f", 1.0 / 3, 2.0 / 3, 0.0)]
    [InlineData("", "", 0.0, 0.0, 0.0)]
    [InlineData("a b c d", "", 0.0, 0.0, 1.0)]
    public void A_page_is_matched_shingle_by_shingle_and_normalised(string truth, string predicted, double tp, double fp, double fn)
    {
        var match = ShingleScore.Match(truth, predicted);

        Assert.Equal(tp, match.TruePositive, 9);
        Assert.Equal(fp, match.FalsePositive, 9);
        Assert.Equal(fn, match.FalseNegative, 9);
    }

    [Fact]
    public void Precision_and_recall_are_averaged_where_defined_and_f1_is_taken_from_the_means()
    {
        Match[] pages =
        [
            new(1, 0, 0),          // perfect
            new(0.5, 0, 0.5),      // half the body: precision 1, recall 0.5
            new(0, 0, 1),          // nothing extracted: no precision, recall 0
            new(0, 0, 0),          // nothing wanted, nothing found: neither
            new(0.25, 0.75, 0),    // the body and three times as much: precision 0.25, recall 1
        ];

        var figures = ShingleScore.Summarize(pages);

        Assert.Equal((1 + 1 + 0.25) / 3, figures.Precision, 9);
        Assert.Equal((1 + 0.5 + 0 + 1) / 4, figures.Recall, 9);
        Assert.Equal(2 * figures.Precision * figures.Recall / (figures.Precision + figures.Recall), figures.F1, 9);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 1.0, 1.0)]
    // Only wrong text, or only missing text: zero both ways.
    [InlineData(0.0, 1.0, 0.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 1.0, 0.0, 0.0)]
    [InlineData(0.6, 0.1, 0.3, 6.0 / 7, 0.6 / 0.9)]
    public void Page_precision_and_recall_follow_the_benchmarks_edge_rules(double tp, double fp, double fn, double precision, double recall)
    {
        var page = new Match(tp, fp, fn);

        Assert.Equal(precision, ShingleScore.Precision(page), 9);
        Assert.Equal(recall, ShingleScore.Recall(page), 9);
    }
}
