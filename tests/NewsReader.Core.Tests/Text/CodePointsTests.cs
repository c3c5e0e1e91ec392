
namespace NewsReader.Core.Tests.Text;

/// <summary>UTF-16 index to code point index conversions, with and without surrogate pairs.</summary>
public class CodePointsTests
{
    public static TheoryData<string, int, int> Indexes() => new()
    {
        // text, UTF-16 index, code point index
        { "plain ascii", 5, 5 },
        { "l😃rem", 0, 0 },
        { "l😃rem", 1, 1 },
        { "l😃rem", 3, 2 },
        { "l😃rem", 6, 5 },
        { "😃😃x", 4, 2 },
        { "a👍🏽b", 5, 3 },
        { "", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Indexes_convert_both_ways(string text, int utf16, int codePoint)
    {
        Assert.Equal(codePoint, CodePoints.ToCodePointIndex(text, utf16));
        Assert.Equal(utf16, CodePoints.ToUtf16Index(text, codePoint));
        var prepared = new CodePointText(text);
        Assert.Equal(codePoint, prepared.ToCodePointIndex(utf16));
        Assert.Equal(utf16, prepared.ToUtf16Index(codePoint));
    }

    [Theory]
    [InlineData("l😃rem ipsum", 1, 3, "😃r")]
    [InlineData("l😃rem ipsum", 0, 11, "l😃rem ipsum")]
    [InlineData("abc", 1, 1, "")]
    public void Slice_takes_a_code_point_range(string text, int start, int end, string expected)
    {
        Assert.Equal(expected, CodePoints.Slice(text, start, end));
        Assert.Equal(expected, new CodePointText(text).Slice(start, end));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("l😃rem", 5)]
    public void Count_and_round_trip(string text, int count)
    {
        Assert.Equal(count, CodePoints.Count(text));
        Assert.Equal(text, CodePoints.FromCodePoints(CodePoints.ToArray(text)));
    }

    [Fact]
    public void A_lone_surrogate_counts_as_one_code_point()
    {
        string text = new string('\uD800', 1) + " lone";
        Assert.Equal(6, CodePoints.Count(text));
        Assert.Equal(text, CodePoints.FromCodePoints(CodePoints.ToArray(text)));
    }

    [Fact]
    public void An_index_inside_a_pair_maps_to_that_code_point()
    {
        Assert.Equal(1, CodePoints.ToCodePointIndex("l😃rem", 2));
        Assert.Equal(1, new CodePointText("l😃rem").ToCodePointIndex(2));
    }
}
