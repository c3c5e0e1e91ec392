using NewsReader.Core.Text;

namespace NewsReader.Core.Tests.Text;

public class TextRepairTests
{
    [Theory]
    [InlineData("strategic cooperation.Establish closer ties", "strategic cooperation. Establish closer ties")]
    [InlineData("defend Japan.The two said", "defend Japan. The two said")]
    [InlineData("said \"yes.\"Then", "said \"yes.\" Then")]
    [InlineData("\"our friendship\".Kishida quoted", "\"our friendship\". Kishida quoted")]
    [InlineData("the US -Japan alliance", "the US-Japan alliance")]
    [InlineData("U.S. -Japanese relations", "U.S.-Japanese relations")]
    [InlineData("closed -door summit", "closed-door summit")]
    [InlineData("U.S. President", "U.S. President")]
    [InlineData("0.5 percent", "0.5 percent")]
    [InlineData("a pause - then more", "a pause - then more")]
    [InlineData("minus -5 degrees", "minus -5 degrees")]
    [InlineData("from ChinaEssence", "from ChinaEssence")]
    [InlineData("example.com and e.g. this", "example.com and e.g. this")]
    public void Repairs_only_translation_scars(string input, string expected)
    {
        Assert.Equal(expected, TextRepair.Repair(input));
    }
}
