using System.Globalization;
using System.Text;

namespace NewsReader.Core.Extraction;

/// <summary>
/// How much of an article body an extractor got right, as the Article Extraction Benchmark
/// scores it (scrapinghub/article-extraction-benchmark, <c>evaluate.py</c>, MIT): both texts
/// become word 4-shingles, shingles are matched with their counts, and a page's true positives,
/// false positives and false negatives are divided by their sum so that long pages weigh no more
/// than short ones. Precision and recall are each averaged over the pages where they are defined,
/// and F1 is taken from those two means. Reimplemented here so our extractor can be scored
/// without Python; the benchmark's own script scores the same predictions the same way.
/// </summary>
public static class ShingleScore
{
    /// <summary>The benchmark's shingle length.</summary>
    public const int ShingleWords = 4;

    /// <summary>A page's matched shingles, normalised to sum to 1 (all zero when both texts have none).</summary>
    public readonly record struct PageMatch(double TruePositive, double FalsePositive, double FalseNegative);

    /// <summary>The benchmark's three figures over a set of pages.</summary>
    public readonly record struct Figures(double Precision, double Recall, double F1);

    /// <summary>
    /// Words as the benchmark's <c>\w+</c> finds them in Python (Unicode): runs of letters,
    /// numbers (decimal, letter-like and other) and underscores, case kept. Combining marks are
    /// not word characters there, so they split words as they do in the benchmark.
    /// </summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordCharacter(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words;
    }

    private static bool IsWordCharacter(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    /// <summary>
    /// Each run of <paramref name="n"/> consecutive words with its count; a text of fewer words
    /// is one shingle of all of them, and a text without words has none.
    /// </summary>
    public static Dictionary<string, int> Shingles(string text, int n = ShingleWords)
    {
        var words = Words(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, words.Count - n + 1) && words.Count > 0; i++)
        {
            // U+0001 is no word character, so it never occurs inside a word.
            var key = string.Join('\u0001', words.Skip(i).Take(n));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    /// <summary>One page: the extracted body against the ground truth's.</summary>
    public static PageMatch Match(string truth, string predicted)
    {
        var expected = Shingles(truth);
        var found = Shingles(predicted);
        double truePositive = 0, falsePositive = 0, falseNegative = 0;
        foreach (var key in expected.Keys.Union(found.Keys))
        {
            var want = expected.GetValueOrDefault(key);
            var got = found.GetValueOrDefault(key);
            truePositive += Math.Min(want, got);
            falsePositive += Math.Max(0, got - want);
            falseNegative += Math.Max(0, want - got);
        }
        var sum = truePositive + falsePositive + falseNegative;
        return sum > 0 ? new PageMatch(truePositive / sum, falsePositive / sum, falseNegative / sum) : new PageMatch(0, 0, 0);
    }

    /// <summary>Precision averaged over pages that extracted something or should have, recall over pages that had a body; F1 of the two means.</summary>
    public static Figures Summarize(IEnumerable<PageMatch> pages)
    {
        var list = pages.ToList();
        var precisions = list.Where(p => p.TruePositive + p.FalsePositive > 0).Select(Precision).ToList();
        var recalls = list.Where(p => p.TruePositive + p.FalseNegative > 0).Select(Recall).ToList();
        if (precisions.Count == 0 || recalls.Count == 0)
        {
            throw new ArgumentException("no page has a body to score", nameof(pages));
        }
        var precision = precisions.Average();
        var recall = recalls.Average();
        return new Figures(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    public static double Precision(PageMatch page) =>
        page.FalsePositive == 0 && page.FalseNegative == 0 ? 1
        : page.TruePositive == 0 && page.FalsePositive == 0 ? 0
        : page.TruePositive / (page.TruePositive + page.FalsePositive);

    public static double Recall(PageMatch page) =>
        page.FalsePositive == 0 && page.FalseNegative == 0 ? 1
        : page.TruePositive == 0 && page.FalseNegative == 0 ? 0
        : page.TruePositive / (page.TruePositive + page.FalseNegative);
}
