
namespace NewsReader.Core.Tests.Accounts;

public class DisplayNamesTests
{
    [Theory]
    [InlineData("Ada", null)]
    [InlineData("Ada Lovelace", null)]
    [InlineData("O'Brien-Smith_2", null)]
    [InlineData("Zoë", null)]
    [InlineData("李小龍", null)]
    [InlineData("a", "at least 2")]
    [InlineData("ada@example.org", "cannot contain @")]
    [InlineData("<script>", "letters, digits")]
    [InlineData("-dash", "starts with a letter")]
    [InlineData("0123456789012345678901234567890123456789x", "at most 40")]
    public void Names_follow_the_rules(string name, string? problem)
    {
        var found = DisplayNames.Problem(DisplayNames.Clean(name));
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }

    [Fact]
    public void Names_are_cleaned_and_compared_ignoring_case_and_form()
    {
        Assert.Equal("Ada Lovelace", DisplayNames.Clean("  Ada \t  Lovelace "));
        Assert.Equal(DisplayNames.Normalize("ADA"), DisplayNames.Normalize("ada"));
        Assert.Equal(DisplayNames.Normalize("Zoe\u0308"), DisplayNames.Normalize("Zoë"));
        Assert.NotEqual(DisplayNames.Normalize("Ada"), DisplayNames.Normalize("Adam"));
        Assert.Equal("reader-7", DisplayNames.Default(7));
    }
}
