
namespace NewsReader.Core.Tests.Text;

public class CompoundWordsTests
{
    [Theory]
    [InlineData("US", "Japan", true)]
    [InlineData("U.S.", "Japanese", true)]
    [InlineData("Sino", "US", true)]
    [InlineData("co", "operation", true)]
    [InlineData("re", "election", true)]
    [InlineData("long", "term", true)]
    [InlineData("well", "known", true)]
    [InlineData("closed", "door", true)]
    [InlineData("follow", "ups", true)]
    [InlineData("U.S.", "led", true)]
    [InlineData("Paris", "based", true)]
    [InlineData("economy", "led", false)]
    [InlineData("economy", "which", false)]
    [InlineData("rally", "some", false)]
    [InlineData("Japan", "which", false)]
    [InlineData("Japan", "The", false)]
    [InlineData("Tokyo", "However", false)]
    [InlineData("long", "awaited", false)]
    public void Joins_only_known_compounds_and_names(string left, string right, bool joins)
    {
        Assert.Equal(joins, CompoundWords.Joins(left, right));
    }
}
