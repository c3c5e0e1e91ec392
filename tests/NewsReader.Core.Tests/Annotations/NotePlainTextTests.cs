
namespace NewsReader.Core.Tests.Annotations;

public class NotePlainTextTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("**crucial** and *em* and ~~gone~~", "crucial and em and gone")]
    [InlineData("see [the report](https://example.org/r \"title\") now", "see the report now")]
    [InlineData("![a chart](https://example.org/c.png)", "a chart")]
    [InlineData("an <https://example.org/x> autolink", "an https://example.org/x autolink")]
    [InlineData("`code` here", "code here")]
    [InlineData("# Heading\n\nA paragraph.", "Heading\nA paragraph.")]
    [InlineData("Points:\n\n- one\n- two **bold**\n- three", "Points:\n• one\n• two bold\n• three")]
    [InlineData("1. first\n2. second", "1. first\n2. second")]
    [InlineData("3. third\n4. fourth", "3. third\n4. fourth")]
    [InlineData("- outer\n  - inner", "• outer\n• inner")]
    [InlineData("> quoted *words*", "quoted words")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("<script>alert(1)</script>", "<script>alert(1)</script>")]
    [InlineData("- [x] done\n- [ ] open", "• ☑ done\n• ☐ open")]
    [InlineData("```\nvar x = 1;\n```", "var x = 1;")]
    public void Markdown_syntax_goes_and_the_text_stays(string markdown, string expected) =>
        Assert.Equal(expected, NotePlainText.ToPlainText(markdown));

    [Theory]
    [InlineData("**<crucial>** point", "<crucial> point")]
    [InlineData("see [the <report>](https://example.org/r)", "see the <report>")]
    [InlineData("[text](https://<japan>.example.org)", "text")]
    [InlineData("- <one>\n- two", "• <one>\n• two")]
    [InlineData("`<code>` and <more>", "code and <more>")]
    public void Marked_words_stay_marked_where_their_text_survives(string marked, string expected) =>
        Assert.Equal(expected, NotePlainText.FromMarked(marked, '<', '>'));

    [Theory]
    [MemberData(nameof(NoteMarkdownTests.TooDeep), MemberType = typeof(NoteMarkdownTests))]
    public void A_note_nested_too_deep_is_its_own_text(string markdown) =>
        Assert.Equal(markdown.Trim(), NotePlainText.ToPlainText(markdown));
}
