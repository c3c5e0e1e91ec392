namespace NewsReader.Core.Tests.Anchoring;

public sealed class QuoteContextTests
{
    [Theory]
    [InlineData("short", "tail", "short", "tail")]
    [InlineData("", "", "", "")]
    [InlineData("0123456789012345678901234567890123456789", "abcdefghijabcdefghijabcdefghijabcdefghij",
        "89012345678901234567890123456789", "abcdefghijabcdefghijabcdefghijab")]
    // Code points, not UTF-16 units: an astral character counts once and is never cut in half.
    [InlineData("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀x", "", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀x", "")]
    public void Anchoring_keeps_at_most_32_code_points_of_context_each_side(string prefix, string suffix, string expectedPrefix, string expectedSuffix)
    {
        var quote = QuoteDescriber.WithAnchoringContext(new TextQuoteSelector("exact", prefix, suffix));
        Assert.Equal(("exact", expectedPrefix, expectedSuffix), (quote.Exact, quote.Prefix, quote.Suffix));
    }
}
