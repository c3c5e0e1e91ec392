
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class BylinesTests
{
    [Theory]
    [InlineData("By Jane Smith", "Jane Smith")]
    [InlineData("By JANE SMITH, Reuters", "Jane Smith")]
    [InlineData("By Jane Smith and Tom Li", "Jane Smith and Tom Li")]
    [InlineData("BY JANE SMITH AND TOM LI", "Jane Smith and Tom Li")]
    [InlineData("By Jane Smith in Beijing", "Jane Smith")]
    [InlineData("By Jane Smith, Political correspondent", "Jane Smith")]
    [InlineData("By Mary-Ann O'Neill | BBC News", "Mary-Ann O'Neill")]
    [InlineData("By J. R. Smith Jr.", "J. R. Smith Jr.")]
    [InlineData("By JANE SMITH Associated Press", "Jane Smith")]
    [InlineData("By Jane Smith, Tom Li and Ann Wu", "Jane Smith, Tom Li and Ann Wu")]
    [InlineData("By Jane Smith and Tom Li, Reuters", "Jane Smith and Tom Li")]
    [InlineData("By Jane Smith, Bloomberg News", "Jane Smith")]
    public void Finds_the_author(string line, string author)
    {
        Assert.Equal(author, Bylines.AuthorOf(line));
    }

    [Theory]
    [InlineData("By the end of the day, prices had fallen.")]
    [InlineData("By Monday the talks had collapsed")]
    [InlineData("By Tuesday")]
    [InlineData("by jane smith")]
    [InlineData("Bystanders Fled The Scene")]
    [InlineData("By Jane Smith. The minister said she would stay on, and that the talks would resume next week.")]
    [InlineData("Jane Smith")]
    public void Prose_is_not_a_byline(string line)
    {
        Assert.Null(Bylines.AuthorOf(line));
    }

    [Theory]
    [InlineData("Political reporter, BBC News", true)]
    [InlineData("Staff writer", true)]
    [InlineData("Economics editor", true)]
    [InlineData("The editor resigned on Monday.", false)]
    [InlineData("A reporter for the local paper who covered the courts for thirty years", false)]
    public void Finds_the_post_under_a_byline(string line, bool isRole)
    {
        Assert.Equal(isRole, Bylines.IsRoleLine(line));
    }
}
