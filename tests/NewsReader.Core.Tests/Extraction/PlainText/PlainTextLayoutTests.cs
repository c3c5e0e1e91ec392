
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class PlainTextLayoutTests
{
    private const string Long1 = "The central bank raised its main interest rate by a quarter point on Thursday, its third increase this year.";
    private const string Long2 = "Officials said inflation had proved more stubborn than expected, and that further rises could not be ruled out.";

    public static TheoryData<string, string[]> Layouts => new()
    {
        { "One.\n\nTwo.", ["One.", "Two."] },
        { "One.\r\n\r\nTwo.\r\nStill two.", ["One.", "Two.\nStill two."] },
        { "One.\r\rTwo.", ["One.", "Two."] },
        { "One.\fTwo.", ["One.", "Two."] },
        { "\uFEFFOne.\n \t \nTwo.", ["One.", "Two."] },
        { $"{Long1}\n{Long2}", [Long1, Long2] },
        { $"\t{Long1}\n\t{Long2}", [Long1, Long2] },
        { "\tShort one.\n\tShort two.", ["Short one.", "Short two."] },
        { "  The bank raised rates on Thursday and said\nit would watch prices.\n  Officials were\ncautious.", ["The bank raised rates on Thursday and said\nit would watch prices.", "Officials were\ncautious."] },
        {
            "The central bank raised its main interest rate by a quarter\npoint on Thursday, its third increase this year. Officials said\ninflation had proved more stubborn than expected.",
            ["The central bank raised its main interest rate by a quarter\npoint on Thursday, its third increase this year. Officials said\ninflation had proved more stubborn than expected."]
        },
        {
            "Rates rise\nThe central bank raised its main interest rate by a quarter\npoint on Thursday, its third increase this year. Officials said\ninflation had proved more stubborn than expected.",
            ["Rates rise", "The central bank raised its main interest rate by a quarter\npoint on Thursday, its third increase this year. Officials said\ninflation had proved more stubborn than expected."]
        },
        { "Key points:\n- Rates rise\n- Prices\nfall\nThe bank said so.", ["Key points:", "- Rates rise", "- Prices\nfall", "The bank said so."] },
        { "1. Arsenal\n2. Chelsea", ["1. Arsenal", "2. Chelsea"] },
        { "Arsenal 2-1 Chelsea\nLiverpool 0-0 Everton", ["Arsenal 2-1 Chelsea", "Liverpool 0-0 Everton"] },
        { "By Jane Smith\nLONDON (Reuters) - Shares fell.", ["By Jane Smith", "LONDON (Reuters) - Shares fell."] },
        { "Oil jumps\nLONDON (Reuters) - Oil rose on Monday, traders\nsaid.", ["Oil jumps", "LONDON (Reuters) - Oil rose on Monday, traders\nsaid."] },
        {
            "Dealers said the market rose today after the central bank acted.\nShares in London closed higher, with banks leading the gains.",
            ["Dealers said the market rose today after the central bank acted.", "Shares in London closed higher, with banks leading the gains."]
        },
        {
            "Officials said the central bank and the\n(Bank Policy Board) would meet on Friday.",
            ["Officials said the central bank and the\n(Bank Policy Board) would meet on Friday."]
        },
        {
            "The yen rose sharply today against the dollar, dealers said,\n(Tokyo Stock Exchange) Officials were cautious.",
            ["The yen rose sharply today against the dollar, dealers said,\n(Tokyo Stock Exchange) Officials were cautious."]
        },
        {
            "Economists had expected the figures to come in much higher\n(Reuters) poll or not, and said so.",
            ["Economists had expected the figures to come in much higher\n(Reuters) poll or not, and said so."]
        },
        {
            "Japan and China agree to restore dialogue\n(Tokyo, April 10) Prime Minister Kishida spoke on Thursday.",
            ["Japan and China agree to restore dialogue", "(Tokyo, April 10) Prime Minister Kishida spoke on Thursday."]
        },
        {
            "The talks ended on Thursday.\n(Tokyo, April 10) Prime Minister Kishida spoke on Friday.",
            ["The talks ended on Thursday.", "(Tokyo, April 10) Prime Minister Kishida spoke on Friday."]
        },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Splits_into_paragraphs(string source, string[] expected)
    {
        Assert.Equal(expected, PlainTextLayout.Split(source).Select(b => b.Text));
    }

    [Fact]
    public void A_block_knows_its_lines_and_whether_blank_lines_surround_it()
    {
        var blocks = PlainTextLayout.Split($"Title\n\n{Long1}\n{Long2}");

        Assert.Equal(new LayoutBlock("Title", 1, true), blocks[0]);
        Assert.Equal(new LayoutBlock(Long1, 1, false), blocks[1]);
    }
}
