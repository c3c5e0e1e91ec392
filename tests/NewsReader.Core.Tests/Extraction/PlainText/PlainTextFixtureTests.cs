
namespace NewsReader.Core.Tests.Extraction.PlainText;

/// <summary>Whole stories in the shapes of many sources, written for these tests.</summary>
public class PlainTextFixtureTests
{
    public sealed record Expected(string? Title, string? Place, string? Agency, string? Author, string[] Headings, int Paragraphs, string LeadStart);

    public static TheoryData<string, Expected> Stories => new()
    {
        { "reuters-wire.txt", new("China's March exports beat forecasts as Asian demand holds up", "Beijing", "Reuters", "Jane Smith and Tom Li", [], 4, "China's exports rose more than expected") },
        { "ap-wire.txt", new("Stocks slide as oil jumps", "New York", "AP", null, [], 5, "Stocks fell on Wall Street") },
        { "afp-wire.txt", new("Will Brazil's rainforest plan work?", "Rio de Janeiro", "AFP", null, [], 3, "Brazil unveiled a plan") },
        { "bbc-style.txt", new("Russia WTO talks 'make progress'", null, null, null, ["Sticking points", "What happens next?"], 6, "Talks on Russia joining") },
        { "sports-report.txt", new("Arsenal 2-1 Chelsea", null, null, null, ["What the managers said"], 12, "Arsenal came from behind") },
        { "guardian-byline.txt", new("Is this the end?", null, null, "Jane Smith", ["The road to a contest"], 4, "The prime minister's authority") },
        { "translated-report.txt", new(null, "Tokyo", null, null, ["Japan and China agree to restore the high-level dialogue"], 5, "Japanese Prime Minister Kishida") },
        { "email-wrapped.txt", new("Markets fall...", "St. Louis", null, null, [], 3, "Shares of regional banks fell sharply on Friday after a lender in the Midwest") },
        { "tab-indented.txt", new("Flood waters recede in the north", "London", null, null, [], 4, "Flood waters began to recede") },
        { "crlf-wire.txt", new("Tokyo shares hit record high", "Tokyo", "Kyodo", null, [], 3, "Tokyo stocks closed at a record high") },
        { "reuter-kicker.txt", new("SUGAR QUOTA IMPORTS DETAILED -- USDA", "Washington", "Reuters", null, [], 3, "The U.S. Agriculture Department said cumulative sugar imports") },
        { "reuter-bracket-lead.txt", new("COLOROLL AGREES TO BUY U.S. WALLCOVERINGS COMPANY", "London", "Reuters", null, [], 2, "<Coloroll Group Plc> said it has entered into an agreement") },
        { "ap-agency-dateline.txt", new("Quake shakes northern Japan", null, "AP", null, [], 3, "A strong earthquake struck northern Japan") },
        { "mixed-case-dateline.txt", new("Australian dollar firms in early trade", "Sydney", "Reuters", "Jane Smith", [], 3, "The Australian dollar firmed") },
    };

    [Theory]
    [MemberData(nameof(Stories))]
    public void Parses_title_dateline_byline_and_blocks(string fixture, Expected expected)
    {
        var article = Parse(fixture);

        if (expected.Title is not null)
        {
            Assert.Equal(expected.Title, article.Title);
            Assert.DoesNotContain(expected.Title, article.Text);
        }
        Assert.Equal(expected.Place, article.Dateline);
        Assert.Equal(expected.Agency, article.Agency);
        Assert.Equal(expected.Author, article.Metadata.Author);
        Assert.Equal(expected.Headings, Texts(article, BlockKind.Heading));
        Assert.Equal(expected.Paragraphs, article.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.StartsWith(expected.LeadStart, article.Text);
        Assert.DoesNotContain("By Jane", article.Text);
    }

    [Theory]
    [InlineData("reuters-wire.txt", "The trade surplus widened to $58.6 billion, from $39.7 billion in February.")]
    [InlineData("reuter-kicker.txt", "Imports so far this year totalled 91,321 short tons, the department said.")]
    [InlineData("reuter-bracket-lead.txt", "The company said it would finance the deal from its own resources and that the acquisition would add to earnings in its first full year.")]
    [InlineData("ap-agency-dateline.txt", "A spokesman for East Japan Railway said services would resume by the evening.")]
    [InlineData("mixed-case-dateline.txt", "Dealers said the market would watch the central bank's board meeting on Tuesday.")]
    [InlineData("ap-wire.txt", "Copyright 2024 The Associated Press. All rights reserved.")]
    public void Sign_offs_leave_the_last_paragraph_and_other_trailers_stay(string fixture, string lastParagraph)
    {
        Assert.Equal(lastParagraph, Texts(Parse(fixture), BlockKind.Paragraph)[^1]);
    }

    [Fact]
    public void A_wrapped_line_opening_with_a_bracket_goes_on_with_its_paragraph()
    {
        Assert.Equal(
            "The department said the figures, which it publishes in the (Sweetener Market Report) every month, were preliminary and subject to revision as late shipments were counted.",
            Texts(Parse("reuter-kicker.txt"), BlockKind.Paragraph)[1]);
    }

    [Fact]
    public void Spaced_dashes_in_prose_are_not_datelines_or_repairs()
    {
        var text = Parse("afp-wire.txt").Text;

        Assert.Contains("The environment minister - who took office in January - said", text);
        Assert.Contains("In 2019 - a year of record fires - the budget", text);
    }

    [Fact]
    public void Sports_data_lines_stay_paragraphs()
    {
        var paragraphs = Texts(Parse("sports-report.txt"), BlockKind.Paragraph);

        Assert.Contains("did", paragraphs);
        Assert.Contains("Arsenal v Chelsea", paragraphs);
        Assert.Contains("Attendance", paragraphs);
        Assert.Contains("29,603", paragraphs);
        Assert.Equal("Referee: Michael Oliver", paragraphs[^1]);
    }

    [Fact]
    public void A_byline_word_in_prose_stays_in_the_body()
    {
        Assert.StartsWith("By the end of the day", Texts(Parse("guardian-byline.txt"), BlockKind.Paragraph)[^1]);
    }

    [Fact]
    public void Translation_scars_are_repaired_only_where_certain()
    {
        var text = Parse("translated-report.txt").Text;

        Assert.Contains("the Sino-Japanese economic dialogue. The two sides", text);
        Assert.Contains("long-term cooperation. Japan will", text);
        Assert.Contains("the re-election of", text);
        Assert.Contains("the economy -which has slowed", text);
        Assert.DoesNotContain("(Tokyo", text);
    }

    [Fact]
    public void Hard_wrapped_and_crlf_lines_are_joined_into_paragraphs()
    {
        Assert.Equal(
            "Dealers said foreign investors had bought heavily, drawn by changes to corporate governance rules.",
            Texts(Parse("crlf-wire.txt"), BlockKind.Paragraph)[^1]);
        Assert.Equal(
            "The lender said it had set aside more money to cover bad loans, and that it would cut its dividend. Its shares lost almost a third of their value in early trading.",
            Texts(Parse("email-wrapped.txt"), BlockKind.Paragraph)[1]);
    }

    private static ParsedArticle Parse(string fixture) =>
        PlainTextArticleParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "Fixtures", "plain", fixture)))!;

    private static string[] Texts(ParsedArticle article, BlockKind kind) =>
        article.Blocks.Where(b => b.Kind == kind).Select(b => CodePoints.Slice(article.Text, b.Start, b.End)).ToArray();
}
