
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
    public void Leaves_everything_else_as_written(string input)
    {
        Assert.Equal(input, TextRepair.Repair(input));
    }
}
