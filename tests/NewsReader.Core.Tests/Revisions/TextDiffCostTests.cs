using NewsReader.Core.Revisions;

namespace NewsReader.Core.Tests.Revisions;

public class TextDiffCostTests
{
    private static string Words(int count, int seed)
    {
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => "w" + random.Next(100_000)));
    }

    [Fact]
    public void Unrelated_texts_estimate_the_square_of_their_size_and_similar_ones_far_less()
    {
        var text = Words(5000, 1);

        Assert.Equal(0, TextDiff.EstimatedCost(text, text));
        Assert.True(TextDiff.EstimatedCost(text, text + " one more") < 100_000);
        Assert.True(TextDiff.EstimatedCost(text, Words(5000, 2)) > 100_000_000);
    }
}
