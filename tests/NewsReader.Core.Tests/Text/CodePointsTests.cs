using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class CodePointsTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a😀b", 3)]
    [InlineData("😀😀", 2)]
    [InlineData("", 0)]
    public void Counts_code_points(string text, int expected) => Assert.Equal(expected, CodePoints.Count(text));

    [Theory]
    [InlineData("a😀b", 0, 0)]
    [InlineData("a😀b", 1, 1)]
    [InlineData("a😀b", 2, 3)]
    [InlineData("a😀b", 3, 4)]
    [InlineData("abc", 5, 3)]
    public void Converts_code_point_offsets_to_utf16(string text, int codePoint, int utf16)
    {
        Assert.Equal(utf16, CodePoints.ToUtf16(text, codePoint));
    }

    [Fact]
    public void Slices_by_code_points()
    {
        Assert.Equal("😀b", CodePoints.Slice("a😀bc", 1, 3));
        Assert.Equal(2, CodePoints.FromUtf16("a😀bc", 3));
    }
}
