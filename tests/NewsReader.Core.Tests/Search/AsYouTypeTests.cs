
namespace NewsReader.Core.Tests.Search;

public class AsYouTypeTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("j", "j")]
    [InlineData("ja", "ja*")]
    [InlineData("japan", "japan*")]
    [InlineData("japan ", "japan ")]
    [InlineData("japan a", "japan")]
    [InlineData("japan alli", "japan alli*")]
    [InlineData("japan -taiw", "japan -taiw")]
    [InlineData("tag:diplo", "tag:diplo")]
    [InlineData("\"security coop", "\"security coop")]
    [InlineData("\"security cooperation\"", "\"security cooperation\"")]
    [InlineData("missile OR", "missile OR")]
    [InlineData("defen*", "defen*")]
    [InlineData("Bayon’s", "Bayon’s*")]
    [InlineData("café cr", "café cr*")]
    public void The_last_word_being_typed_is_a_prefix(string typed, string query) =>
        Assert.Equal(query, AsYouType.Query(typed));
}
