
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class ListItemsTests
{
    [Theory]
    [InlineData("- Rates rise", "Rates rise")]
    [InlineData("* Rates rise", "Rates rise")]
    [InlineData("• Rates rise", "Rates rise")]
    [InlineData("  – Rates rise", "Rates rise")]
    [InlineData("1. Rates rise", "1. Rates rise")]
    [InlineData("12) Rates rise", "12) Rates rise")]
    public void Items_lose_only_their_bullet(string line, string text)
    {
        Assert.True(ListItems.IsItem(line));
        Assert.Equal(text, ListItems.WithoutBullet(line));
    }

    [Theory]
    [InlineData("-5 degrees overnight")]
    [InlineData("-- a dash")]
    [InlineData("2024. A year of change")]
    [InlineData("3.5 percent growth")]
    [InlineData("The minister - who resigned - said")]
    public void Prose_is_not_an_item(string line)
    {
        Assert.False(ListItems.IsItem(line));
    }
}
