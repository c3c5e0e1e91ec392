
namespace NewsReader.Core.Tests.Text;

public class HighlightLayoutTests
{
    // Each case: highlights as "id:start-end", expected segments as "start-end[ids]".
    [Theory]
    [InlineData(new string[0], new[] { "0-20[]" })]
    [InlineData(new[] { "a:5-10" }, new[] { "0-5[]", "5-10[a]", "10-20[]" })]
    [InlineData(new[] { "a:0-20" }, new[] { "0-20[a]" })]
    [InlineData(new[] { "a:2-12", "b:8-15" }, new[] { "0-2[]", "2-8[a]", "8-12[a,b]", "12-15[b]", "15-20[]" })]
    [InlineData(new[] { "inner:6-8", "outer:4-10" }, new[] { "0-4[]", "4-6[outer]", "6-8[outer,inner]", "8-10[outer]", "10-20[]" })]
    [InlineData(new[] { "a:5-10", "b:5-10" }, new[] { "0-5[]", "5-10[a,b]", "10-20[]" })]
    [InlineData(new[] { "before:-5-3", "after:18-40" }, new[] { "0-3[before]", "3-18[]", "18-20[after]" })]
    [InlineData(new[] { "gone:30-40", "empty:7-7" }, new[] { "0-20[]" })]
    public void Cuts_blocks_at_every_boundary(string[] highlights, string[] expected)
    {
        var ranges = highlights.Select(Parse).ToList();

        var segments = HighlightLayout.Segments(0, 20, ranges)
            .Select(s => $"{s.Start}-{s.End}[{string.Join(",", s.Highlights.Select(h => h.Id))}]")
            .ToArray();

        Assert.Equal(expected, segments);
    }

    [Fact]
    public void Segments_cover_the_block_exactly()
    {
        var random = new Random(7);
        var ranges = Enumerable.Range(0, 50).Select(i =>
        {
            var start = random.Next(0, 200);
            return new HighlightRange($"h{i}", start, start + random.Next(1, 60));
        }).ToList();

        var segments = HighlightLayout.Segments(40, 180, ranges);

        Assert.Equal(40, segments[0].Start);
        Assert.Equal(180, segments[^1].End);
        Assert.All(segments.Zip(segments.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.All(segments, s => Assert.All(s.Highlights, h => Assert.True(h.Start <= s.Start && h.End >= s.End)));
    }

    private static HighlightRange Parse(string spec)
    {
        var colon = spec.IndexOf(':');
        var range = spec[(colon + 1)..];
        var dash = range.IndexOf('-', 1);
        return new HighlightRange(spec[..colon], int.Parse(range[..dash]), int.Parse(range[(dash + 1)..]));
    }
}
