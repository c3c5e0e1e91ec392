
namespace NewsReader.Core.Tests.Search;

public class HighlightWindowTests
{
    private static string Cut(string text, int words) => HighlightWindow.Cut(text.Replace('[', '\u0002').Replace(']', '\u0003'), '\u0002', '\u0003', words)
        .Replace('\u0002', '[').Replace('\u0003', ']');

    [Theory]
    [InlineData("a b c d e f g h [match] i j k l m n o p", 8, "…g h [match] i j k l m…")]
    [InlineData("[match] a b c d e f g h", 4, "[match] a b c…")]
    [InlineData("a b [match]", 8, "a b [match]")]
    [InlineData("no marks here at all in this text", 3, "no marks here…")]
    [InlineData("a b c d e [one two three four] f g", 4, "…e [one two three four]…")]
    [InlineData("x\n\ny [m] z", 8, "x\n\ny [m] z")]
    [InlineData("", 5, "")]
    public void Cuts_about_the_given_words_from_just_before_the_first_mark(string text, int words, string expected)
    {
        Assert.Equal(expected, Cut(text, words));
    }

    [Fact]
    public void Every_mark_in_the_window_is_closed()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => i % 3 == 0 ? $"[w{i}]" : $"w{i}"));

        var window = Cut(text, 10);

        Assert.Equal(window.Count(c => c == '['), window.Count(c => c == ']'));
    }
}
