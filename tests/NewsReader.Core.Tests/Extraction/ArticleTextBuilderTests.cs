
namespace NewsReader.Core.Tests.Extraction;

public sealed class ArticleTextBuilderTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("  line one\n\tline two  ", "line one line two")]
    [InlineData("a\u00A0\u2003b", "a b")]
    [InlineData("bell\u0007 and\u0001 marks", "bell and marks")]
    [InlineData("a \u0001 b", "a b")]
    [InlineData("\r\n\t ", "")]
    [InlineData("emoji 😀  stays", "emoji 😀 stays")]
    [InlineData("", "")]
    [InlineData(" leading", "leading")]
    [InlineData("trailing ", "trailing")]
    [InlineData("one  two", "one two")]
    [InlineData("next\u0085line", "next line")]
    [InlineData("del\u007Fete", "delete")]
    [InlineData("zero\u200Bwidth stays", "zero\u200Bwidth stays")]
    public void Collapse_makes_one_line_without_control_characters(string input, string expected) =>
        Assert.Equal(expected, ArticleTextBuilder.Collapse(input));

    [Theory]
    [InlineData("", 0)]
    [InlineData("One two three.", 3)]
    [InlineData("Don't stop the well-known U.S. co-operation", 7)]
    [InlineData("a--b - c -", 3)]
    [InlineData("4.5 percent, 29,603 fans", 6)]
    [InlineData("½ of Ⅻ", 3)]
    [InlineData("Kishida’s “visit” — 東京", 3)]
    public void Words_are_runs_of_letters_and_digits_with_inner_joiners(string text, int expected) =>
        Assert.Equal(expected, ArticleTextBuilder.CountWords(text));

    [Fact]
    public void Blocks_are_code_point_ranges_of_the_text_joined_by_blank_lines()
    {
        var article = new ArticleTextBuilder()
            .Add(BlockKind.Heading, "  Day 😀 one ")
            .Add(BlockKind.Paragraph, "   ")
            .Add(BlockKind.Paragraph, "The talks\nresumed.")
            .Build(title: null)!;

        Assert.Equal("Day 😀 one\n\nThe talks resumed.", article.Text);
        Assert.Equal([new TextBlock(BlockKind.Heading, 0, 9), new TextBlock(BlockKind.Paragraph, 11, 29)], article.Blocks);
        Assert.Equal("The talks resumed.", article.Title);
    }
}
