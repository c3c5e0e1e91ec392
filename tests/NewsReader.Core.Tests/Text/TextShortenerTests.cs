
namespace NewsReader.Core.Tests.Text;

public class TextShortenerTests
{
    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("abcdefghij", 10, "abcdefghij")]
    [InlineData("abcdefghijk", 10, "abcdefghi…")]
    [InlineData("abcdefgh😀xyz", 10, "abcdefgh…")]
    [InlineData("abcdefg😀xyz", 10, "abcdefg😀…")]
    public void Shortens_without_splitting_a_character(string text, int max, string expected)
    {
        Assert.Equal(expected, TextShortener.Shorten(text, max));
    }

    [Fact]
    public void Takes_code_points_from_either_end()
    {
        Assert.Equal("a😀", TextShortener.FirstCodePoints("a😀bc", 2));
        Assert.Equal("😀bc", TextShortener.LastCodePoints("a😀bc", 3));
        Assert.Equal("ab", TextShortener.LastCodePoints("ab", 32));
    }
}
