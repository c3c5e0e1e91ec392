
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class SubHeadingsTests
{
    private const string Prose = "The talks resumed on Monday after a week of delays, officials in both capitals confirmed.";

    [Theory]
    [InlineData("What happens next")]
    [InlineData("What happens next?")]
    [InlineData("Prevent China's unilateral change of the status quo")]
    [InlineData("A long road to recovery")]
    [InlineData("'We will not give up'")]
    [InlineData("PM defends his record")]
    [InlineData("WHAT HAPPENS NEXT")]
    [InlineData("Analysis: why the bank changed course")]
    [InlineData("Why the bank has changed course")]
    [InlineData("The long road back to the top of the table")]
    [InlineData("Chinese Ministry of Foreign Affairs: U.S.-Japanese relations should not harm the interests of other countries")]
    public void Title_like_lines_between_paragraphs_are_headings(string line)
    {
        Assert.Equal(BlockKind.Heading, KindBetweenProse(line));
    }

    [Theory]
    [InlineData("Arsenal v Chelsea")]
    [InlineData("Arsenal vs. Chelsea")]
    [InlineData("Arsenal 2-1 Chelsea")]
    [InlineData("29,603")]
    [InlineData("Attendance: 29,603")]
    [InlineData("did")]
    [InlineData("Analysis")]
    [InlineData("here is more")]
    [InlineData("By Jane Smith")]
    [InlineData("Updated 14:32 GMT")]
    [InlineData("Last updated at 10.45 am")]
    [InlineData("12 March 2024")]
    [InlineData("Goals: Saka 23, Havertz 67")]
    [InlineData("The minister said the talks would continue next week")]
    [InlineData("The company expects sales to rise by five percent next year and profits to follow suit")]
    [InlineData("Prices rose sharply in March, driven by energy and food costs")]
    [InlineData("He told reporters there would be no deal before the summer")]
    [InlineData("Markets fell.")]
    [InlineData("It was over.")]
    [InlineData("(Reporting by Jane Smith; Editing by Tom Li)")]
    [InlineData("BEIJING (Reuters) - China's exports rose sharply in March.")]
    [InlineData("- A list item")]
    [InlineData("Image source, Getty Images")]
    [InlineData("Read more about this story")]
    [InlineData("Published 3 hours ago")]
    [InlineData("Posted on March 12")]
    [InlineData("The minister has resigned after the vote on Tuesday")]
    [InlineData("Bread, butter and jam")]
    [InlineData("The minister resigned on Tuesday after the vote")]
    [InlineData("They want the talks to go on until summer")]
    [InlineData("Reporting by Howard Schneider; Editing by Andrea Ricci")]
    [InlineData("Writing by Tom Li")]
    [InlineData("Copyright The Associated Press")]
    public void Data_fragments_and_sentences_stay_paragraphs(string line)
    {
        Assert.Equal(BlockKind.Paragraph, KindBetweenProse(line));
    }

    [Fact]
    public void A_heading_needs_prose_around_it_and_is_never_first_or_last()
    {
        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph],
            SubHeadings.Classify([Block("What happens next"), Block(Prose), Block("What happens next")]));
        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.Paragraph],
            SubHeadings.Classify([Block(Prose), Block("Team news"), Block("Arsenal"), Block(Prose)]));
    }

    [Fact]
    public void Long_title_like_lines_count_only_in_a_punctuated_story()
    {
        const string line = "The United States and Japan jointly develop missiles to maintain warships for the American Moon Mission";
        const string unpunctuated = "The talks resumed on Monday after a week of delays and officials in both capitals confirmed the new dates";

        Assert.Equal(BlockKind.Heading, SubHeadings.Classify([Block(Prose + " " + Prose), Block(line), Block(Prose + " " + Prose)])[1]);
        Assert.Equal(BlockKind.Paragraph, SubHeadings.Classify([Block(unpunctuated + " " + unpunctuated), Block(line), Block(unpunctuated + ".")])[1]);
    }

    private static BlockKind KindBetweenProse(string line) =>
        SubHeadings.Classify([Block(Prose + " " + Prose), Block(line), Block(Prose + " " + Prose)])[1];

    private static LayoutBlock Block(string text) => new(text, 1, true);
}
