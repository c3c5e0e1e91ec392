
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class PlainTextArticleParserTests
{
    private static ParsedArticle ParseSeed() =>
        PlainTextArticleParser.Parse(File.ReadAllText(RepoPaths.Seed(RepoPaths.SeedFile)))!;

    [Fact]
    public void Seed_parses_into_21_paragraphs_and_3_sub_headings()
    {
        var article = ParseSeed();

        Assert.Equal(24, article.Blocks.Count);
        Assert.Equal(21, article.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
        Assert.Equal(
            new[]
            {
                "Prevent China's unilateral change of the status quo",
                "Chinese Ministry of Foreign Affairs: U.S.-Japanese relations should not harm the interests of other countries",
                "The United States and Japan jointly develop missiles to maintain warships to participate in the American Moon Mission in the United States",
            },
            article.Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => CodePoints.Slice(article.Text, b.Start, b.End)));
    }

    [Fact]
    public void Seed_dateline_is_the_place()
    {
        Assert.Equal("Washington", ParseSeed().Dateline);
    }

    [Fact]
    public void Seed_title_is_the_lead_sentence_and_does_not_stop_at_US()
    {
        var article = ParseSeed();

        Assert.StartsWith("U.S. President Biden", article.Title);
        Assert.Equal(
            "U.S. President Biden and Japanese Prime Minister Kishita Nada promised to start the \"new era\" of the US-Japan strategic cooperation.",
            article.Title);
    }

    [Fact]
    public void Seed_text_has_its_translation_scars_repaired()
    {
        var text = ParseSeed().Text;

        Assert.Contains("cooperation. Establish closer relationships", text);
        Assert.Contains("defend Japan. The two said", text);
        Assert.Contains("US-Japan strategic", text);
        Assert.Contains("closed-door summit", text);
        Assert.DoesNotContain("cooperation.Establish", text);
        Assert.DoesNotContain(" -", text);
        Assert.DoesNotContain("(Washington", text);
        Assert.StartsWith("U.S. President Biden", text);
    }

    [Fact]
    public void Every_block_slices_the_canonical_text_exactly()
    {
        var article = ParseSeed();

        var rebuilt = string.Join("\n\n", article.Blocks.Select(b => CodePoints.Slice(article.Text, b.Start, b.End)));
        Assert.Equal(article.Text, rebuilt);
        Assert.All(article.Blocks, b => Assert.Equal(b.Length, CodePoints.Count(CodePoints.Slice(article.Text, b.Start, b.End))));
        Assert.All(article.Blocks.Zip(article.Blocks.Skip(1)), pair => Assert.Equal(pair.First.End + 2, pair.Second.Start));
    }

    [Fact]
    public void Seed_word_count_and_reading_time()
    {
        var article = ParseSeed();

        Assert.InRange(article.WordCount, 900, 960);
        Assert.Equal((int)Math.Ceiling(article.WordCount / 230.0), article.ReadingMinutes);
    }

    [Fact]
    public void A_short_first_line_is_the_title_and_not_a_block()
    {
        var article = PlainTextArticleParser.Parse("Markets Rally Again\n\n(Reuters) Stocks rose 0.5 percent on Monday. Traders cheered.\n\nA second paragraph.")!;

        Assert.Equal("Markets Rally Again", article.Title);
        Assert.Null(article.Dateline);
        Assert.Equal("Reuters", article.Agency);
        Assert.Equal(2, article.Blocks.Count);
        Assert.StartsWith("Stocks rose", article.Text);
    }

    [Fact]
    public void Offsets_count_code_points_and_lines_inside_a_block_are_joined()
    {
        var article = PlainTextArticleParser.Parse("(Tokyo, April 10) Emoji 😀 here.\r\nStill the same paragraph.\r\n\r\nNext one.")!;

        Assert.Equal("Tokyo", article.Dateline);
        Assert.Equal("Emoji 😀 here. Still the same paragraph.\n\nNext one.", article.Text);
        Assert.Equal(new TextBlock(BlockKind.Paragraph, 0, 39), article.Blocks[0]);
        Assert.Equal(new TextBlock(BlockKind.Paragraph, 41, 50), article.Blocks[1]);
    }

    [Fact]
    public void Control_characters_do_not_reach_the_canonical_text()
    {
        var article = PlainTextArticleParser.Parse("Head\u0007line\n\nFirst\u0002 para\u0007graph.\n\nSecond one.")!;

        Assert.Equal("Headline", article.Title);
        Assert.Equal("First paragraph.\n\nSecond one.", article.Text);
    }

    private const string Lead = "The central bank raised its main interest rate on Thursday, its third rise this year, and said more could follow.";

    private const string Second = "Officials said inflation had proved more stubborn than expected across the economy.";

    [Theory]
    [InlineData("Russia WTO talks 'make progress'")]
    [InlineData("Is this the end?")]
    [InlineData("Markets fall...")]
    [InlineData("Markets fall!")]
    [InlineData("Rates rise again.")]
    [InlineData("BANK RAISES RATES")]
    [InlineData("\"We will act,\" says governor")]
    public void A_first_line_followed_by_a_blank_line_is_the_title(string firstLine)
    {
        var article = PlainTextArticleParser.Parse($"{firstLine}\n\n{Lead}\n\n{Second}")!;

        Assert.Equal(firstLine, article.Title);
        Assert.StartsWith(Lead, article.Text);
        Assert.Equal(2, article.Blocks.Count);
    }

    [Theory]
    [InlineData(Lead, Lead)]
    [InlineData("LONDON (Reuters) - Rates rose.", "Rates rose.")]
    [InlineData("Rates rose on Thursday. Officials said more could follow.", "Rates rose on Thursday.")]
    [InlineData("The central bank raised its main interest rate on Thursday for a third time.", "The central bank raised")]
    [InlineData("rates rose on Thursday", "rates rose on Thursday")]
    [InlineData("By Jane Smith", Second)]
    public void A_lead_or_byline_first_is_not_the_title(string firstLine, string textStart)
    {
        var article = PlainTextArticleParser.Parse($"{firstLine}\n\n{Second}")!;

        Assert.StartsWith(textStart, article.Text);
        Assert.StartsWith(article.Title.TrimEnd('.'), article.Text);
    }

    [Theory]
    [InlineData("Rates rise\n\nRates rise\n\n" + Lead)]
    [InlineData("Rates rise\n\nRates rise.\n\n" + Lead)]
    [InlineData("Rates rise\n\nRates rise\n" + Lead)]
    [InlineData("Bank raises rates\n\nBank raises rates " + Lead)]
    public void The_title_is_not_shown_twice(string source)
    {
        var article = PlainTextArticleParser.Parse(source)!;

        Assert.Equal(Lead, article.Text);
    }

    [Fact]
    public void A_paragraph_that_merely_starts_like_a_short_title_keeps_its_words()
    {
        var article = PlainTextArticleParser.Parse("Rates rise\n\nRates rise when prices do, the governor said.\n\n" + Second)!;
        var longer = PlainTextArticleParser.Parse("Bank raises rates\n\nBank raises rates for a third time, the governor said.\n\n" + Second)!;

        Assert.StartsWith("Rates rise when prices do", article.Text);
        Assert.StartsWith("Bank raises rates for a third time", longer.Text);
    }

    [Theory]
    [InlineData("Rates rise\n\nBy Jane Smith\n\nLONDON (Reuters) - " + Lead)]
    [InlineData("Rates rise\n\nBy Jane Smith\nLONDON (Reuters) - " + Lead)]
    [InlineData("By Jane Smith\n\nLONDON (Reuters) - " + Lead)]
    [InlineData("Rates rise\nBy Jane Smith\nLONDON (Reuters) - " + Lead)]
    [InlineData("Rates rise\n\nBy Jane Smith\n\nLONDON (Reuters) -\n\n" + Lead)]
    [InlineData("By Jane Smith\n\nLONDON (Reuters) -\n" + Lead)]
    [InlineData("Rates rise\n\nBy Jane Smith\nEconomics correspondent\n\nLONDON (Reuters) - " + Lead)]
    public void A_dateline_after_a_byline_is_found_and_both_leave_the_body(string source)
    {
        var article = PlainTextArticleParser.Parse(source)!;

        Assert.Equal("London", article.Dateline);
        Assert.Equal("Reuters", article.Agency);
        Assert.Equal("Jane Smith", article.Metadata.Author);
        Assert.Equal(Lead, article.Text);
    }

    [Fact]
    public void A_headline_right_above_wrapped_prose_is_the_title()
    {
        var article = PlainTextArticleParser.Parse("Rates rise\nThe central bank raised its main interest rate by a quarter\npoint on Thursday, its third increase this year. Officials said\ninflation had proved more stubborn than expected.")!;

        Assert.Equal("Rates rise", article.Title);
        Assert.StartsWith("The central bank raised its main interest rate by a quarter point on Thursday", article.Text);
    }

    [Fact]
    public void A_headline_above_one_paragraph_per_line_is_the_title()
    {
        var article = PlainTextArticleParser.Parse($"Rates rise\n{Lead}\n{Second}")!;

        Assert.Equal("Rates rise", article.Title);
        Assert.Equal($"{Lead}\n\n{Second}", article.Text);
    }

    [Fact]
    public void A_headline_right_above_a_dateline_is_the_title()
    {
        var article = PlainTextArticleParser.Parse("Rates rise\nLONDON (Reuters) - " + Lead + "\n\n" + Second)!;

        Assert.Equal("Rates rise", article.Title);
        Assert.Equal("London", article.Dateline);
        Assert.Equal($"{Lead}\n\n{Second}", article.Text);
    }

    [Fact]
    public void Bulleted_and_numbered_lines_are_list_items()
    {
        var article = PlainTextArticleParser.Parse($"Rates rise\n\n{Lead}\n\nKey points:\n- Rates rise 0.25%\n• Prices fall\n\n1. Bonds rally\n\n{Second}")!;

        Assert.Equal(
            [BlockKind.Paragraph, BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.ListItem, BlockKind.Paragraph],
            article.Blocks.Select(b => b.Kind));
        Assert.Contains("Key points:\n\nRates rise 0.25%\n\nPrices fall\n\n1. Bonds rally", article.Text);
    }

    [Theory]
    [InlineData("WASHINGTON The president spoke on Monday.\n\nMore.")]
    [InlineData("The minister - who resigned - said so.\n\nMore.")]
    [InlineData("In 2020 - a year of crisis - prices rose.\n\nMore.")]
    [InlineData("Reuters reported on Monday that the bank would raise rates.\n\nMore.")]
    [InlineData("Ap - The farmer said the river rose overnight.\n\nMore.")]
    [InlineData("Ap said the river rose overnight.\n\nShe left.")]
    [InlineData("Dealers in Sydney, March 3 - The dollar firmed, they said.\n\nMore.")]
    [InlineData("The report (AP) said the bank would raise rates.\n\nMore.")]
    [InlineData("Shares rose.\n\nThe award went to the banker and historian Paul\nReuter")]
    [InlineData("Shares rose.\n\nThe figures were reported by Reuters")]
    public void Near_miss_datelines_stay_in_the_text(string source)
    {
        var article = PlainTextArticleParser.Parse("Title\n\n" + source)!;

        Assert.Null(article.Dateline);
        Assert.Null(article.Agency);
        Assert.StartsWith(source.Split('\n')[0], article.Text);
    }

    [Theory]
    [InlineData("BANK RAISES RATES\n\n" + Lead, "BANK RAISES RATES", null)]
    [InlineData("SUGAR QUOTA IMPORTS DETAILED -- USDA\n\n" + Lead, "SUGAR QUOTA IMPORTS DETAILED -- USDA", null)]
    [InlineData("SUGAR QUOTA IMPORTS DETAILED -- USDA\n\nWASHINGTON, March 2 - " + Lead, "SUGAR QUOTA IMPORTS DETAILED -- USDA", "Washington")]
    [InlineData("OIL PRICES FALL -- OPEC SOURCES\n\n" + Lead, "OIL PRICES FALL -- OPEC SOURCES", null)]
    [InlineData("NEW YORK -- STOCKS\n\n" + Lead, "NEW YORK -- STOCKS", null)]
    public void A_headline_keeps_its_kicker_and_is_no_dateline(string source, string title, string? place)
    {
        var article = PlainTextArticleParser.Parse(source)!;

        Assert.Equal(title, article.Title);
        Assert.Equal(place, article.Dateline);
        Assert.Equal(Lead, article.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \r\n ")]
    public void Blank_source_parses_to_nothing(string source)
    {
        Assert.Null(PlainTextArticleParser.Parse(source));
    }
}
