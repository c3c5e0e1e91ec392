
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class SignOffsTests
{
    private const string Last = "The company said it would finance the deal from its own resources.";

    [Theory]
    [InlineData("Reuter", "Reuters", null)]
    [InlineData("REUTER", "Reuters", null)]
    [InlineData(" Reuter", "Reuters", null)]
    [InlineData("Reuters", "Reuters", null)]
    [InlineData("-- AP", "AP", null)]
    [InlineData("— AFP", "AFP", null)]
    [InlineData("- Reuters", "Reuters", null)]
    [InlineData("--Xinhua", "Xinhua", null)]
    [InlineData("-- Associated Press", "Associated Press", null)]
    [InlineData("(Reporting by Jane Smith; Editing by Tom Li)", "Reuters", "Jane Smith")]
    [InlineData("(Reporting by Jane Smith and Tom Li; Editing by Sam Holmes)", "Reuters", "Jane Smith and Tom Li")]
    [InlineData("(Reporting by Jane Smith in Sydney; Additional reporting by Tom Li; Writing by Ann Lee; Editing by Sam Holmes)", "Reuters", "Jane Smith")]
    [InlineData("(Editing by Sam Holmes)", "Reuters", null)]
    [InlineData("(Reporting By JANE SMITH; editing by Tom Li)", "Reuters", "Jane Smith")]
    public void Reads_a_sign_off(string line, string agency, string? reporters)
    {
        Assert.Equal(new SignOff(agency, reporters), SignOffs.Read(line));
    }

    [Theory]
    [InlineData("Reuters reported the deal on Monday.")]
    [InlineData("Reuter said he would stay.")]
    [InlineData("-- Jane Smith")]
    [InlineData("Ap")]
    [InlineData("-- Ap")]
    [InlineData("The report (AP) said shares fell.")]
    [InlineData("(AP)")]
    [InlineData("(Reporting by the numbers)")]
    [InlineData("(Reporting by Jane Smith; the figures are provisional)")]
    [InlineData("(Reporting the news is hard)")]
    [InlineData("Copyright 2024 The Associated Press. All rights reserved.")]
    [InlineData("USDA")]
    public void Near_misses_are_not_sign_offs(string line)
    {
        Assert.Null(SignOffs.Read(line));
    }

    [Theory]
    [InlineData(Last + "\n Reuter", "Reuters", new[] { Last })]
    [InlineData(Last + "\n\nREUTER", "Reuters", new[] { Last })]
    [InlineData(Last + "\n\n-- AP", "AP", new[] { Last })]
    [InlineData(Last + "\n\n(Reporting by Jane Smith; Editing by Tom Li)", "Reuters", new[] { Last })]
    [InlineData(Last + "\n\n(Reporting by Jane Smith; Editing by Tom Li)\n\nReuter", "Reuters", new[] { Last })]
    [InlineData("The company said it would finance the deal from its\nown resources.\n Reuter", "Reuters", new[] { "The company said it would finance the deal from its\nown resources." })]
    [InlineData("Shr 1.20 dlrs vs 1.10 dlrs\nNet 12.0 mln vs 10.0 mln\n Reuter", "Reuters", new[] { "Shr 1.20 dlrs vs 1.10 dlrs", "Net 12.0 mln vs 10.0 mln" })]
    public void Takes_the_sign_offs_that_end_a_story(string source, string agency, string[] left)
    {
        var blocks = PlainTextLayout.Split(source);

        Assert.Equal(agency, SignOffs.Take(blocks)?.Agency);
        Assert.Equal(left, blocks.Select(b => b.Text));
    }

    [Theory]
    [InlineData("The award went to the banker and historian Paul\nReuter")]
    [InlineData("Reuter")]
    [InlineData("REUTER\n\n" + Last)]
    [InlineData(Last + "\n\n-- AP\n\nShares rose later in the day.")]
    [InlineData(Last + "\n\nThe agency said it was told by Reuters")]
    [InlineData(Last + "\n\nThe minister thanked the reporters (AP)")]
    public void Leaves_stories_without_a_sign_off_as_they_are(string source)
    {
        var blocks = PlainTextLayout.Split(source);
        var before = blocks.Select(b => b.Text).ToList();

        Assert.Null(SignOffs.Take(blocks));
        Assert.Equal(before, blocks.Select(b => b.Text));
    }
}
