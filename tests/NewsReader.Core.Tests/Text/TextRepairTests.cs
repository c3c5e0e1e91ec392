
namespace NewsReader.Core.Tests.Text;

public class TextRepairTests
{
    [Theory]
    [InlineData("strategic cooperation.Establish closer ties", "strategic cooperation. Establish closer ties")]
    [InlineData("defend Japan.The two said", "defend Japan. The two said")]
    [InlineData("said \"yes.\"Then", "said \"yes.\" Then")]
    [InlineData("\"our friendship\".Kishida quoted", "\"our friendship\". Kishida quoted")]
    [InlineData("it ended.Then, again", "it ended. Then, again")]
    [InlineData("the US -Japan alliance", "the US-Japan alliance")]
    [InlineData("U.S. -Japanese relations", "U.S.-Japanese relations")]
    [InlineData("Sino -US trade", "Sino-US trade")]
    [InlineData("the Indo -Pacific region", "the Indo-Pacific region")]
    [InlineData("closed -door summit", "closed-door summit")]
    [InlineData("co -operation", "co-operation")]
    [InlineData("seeks re -election", "seeks re-election")]
    [InlineData("long -term plans", "long-term plans")]
    [InlineData("a well -known face", "a well-known face")]
    [InlineData("\"self -doubts\"", "\"self-doubts\"")]
    [InlineData("a two -day visit", "a two-day visit")]
    [InlineData("a Two -Day visit", "a Two-Day visit")]
    [InlineData("the 10 -year bond", "the 10-year bond")]
    [InlineData("a five -member panel", "a five-member panel")]
    [InlineData("a three -year -old girl", "a three-year-old girl")]
    [InlineData("a broad -based recovery", "a broad-based recovery")]
    [InlineData("state -owned firms", "state-owned firms")]
    [InlineData("a market -friendly plan", "a market-friendly plan")]
    [InlineData("on March 18 -19 in Tokyo", "on March 18-19 in Tokyo")]
    [InlineData("the 2023 -24 season", "the 2023-24 season")]
    [InlineData("(18 -19 April)", "(18-19 April)")]
    [InlineData("won 3 -2", "won 3-2")]
    public void Repairs_translation_scars(string input, string expected)
    {
        Assert.Equal(expected, TextRepair.Repair(input));
    }

    [Theory]
    [InlineData("U.S. President")]
    [InlineData("0.5 percent and 3.5 points")]
    [InlineData("a pause - then more")]
    [InlineData("a pause -- then more")]
    [InlineData("minus -5 degrees")]
    [InlineData("the economy -which grew")]
    [InlineData("a rally -some said")]
    [InlineData("from ChinaEssence")]
    [InlineData("example.com and e.g. this")]
    [InlineData("visit Halo.Bungie.Org today")]
    [InlineData("see www.bbc.co.uk for more")]
    [InlineData("built on Node.js and more")]
    [InlineData("mail jane.doe@Example.Com now")]
    [InlineData("shop at Amazon.Com today")]
    [InlineData("the U.S.A. Today")]
    [InlineData("version 2.Then")]
    [InlineData("a - b")]
    [InlineData("18 - 19")]
    [InlineData("lows of -5 degrees")]
    [InlineData("from 3 -5 degrees")]
    [InlineData("from 3 -5°C")]
    [InlineData("1.5 -2 percent")]
    [InlineData("-3 -5")]
    [InlineData("12345 -6789")]
    [InlineData("18 -12345")]
    [InlineData("- item one")]
    [InlineData("Smith -- who resigned -- said")]
    [InlineData("Smith --who resigned")]
    [InlineData("two -days later")]
    [InlineData("two -thirds of voters")]
    [InlineData("the figures -based on estimates- were low")]
    [InlineData("the rally -run by traders- faded")]
    [InlineData("the plan -backed by Paris- failed")]
    [InlineData("in 2019 -a year of fires- the budget fell")]
    [InlineData("won 5 -The crowd cheered")]
    public void Leaves_everything_else_as_written(string input)
    {
        Assert.Equal(input, TextRepair.Repair(input));
    }
}
