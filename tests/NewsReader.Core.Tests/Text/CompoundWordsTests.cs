
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
    [InlineData("two", "day", true)]
    [InlineData("10", "year", true)]
    [InlineData("broad", "based", true)]
    [InlineData("two", "days", false)]
    [InlineData("two", "thirds", false)]
    [InlineData("10", "The", false)]
    [InlineData("economy", "run", false)]
    public void Joins_only_known_compounds_and_names(string left, string right, bool joins)
    {
        Assert.Equal(joins, CompoundWords.Joins(left, right));
    }

    [Theory]
    [InlineData("broad", "based", "support", true)]
    [InlineData("figures", "based", "on", false)]
    [InlineData("plan", "backed", "by", false)]
    [InlineData("Paris", "based", "in", true)]
    public void A_loose_second_half_before_a_preposition_starts_an_aside(string left, string right, string following, bool joins)
    {
        Assert.Equal(joins, CompoundWords.Joins(left, right, following));
    }
}
