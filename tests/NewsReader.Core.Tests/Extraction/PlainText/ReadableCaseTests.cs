
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class ReadableCaseTests
{
    [Theory]
    [InlineData("BEIJING", "Beijing")]
    [InlineData("NEW YORK", "New York")]
    [InlineData("RIO DE JANEIRO", "Rio de Janeiro")]
    [InlineData("DAR ES SALAAM", "Dar es Salaam")]
    [InlineData("ST. LOUIS", "St. Louis")]
    [InlineData("WINSTON-SALEM", "Winston-Salem")]
    [InlineData("O'NEILL", "O'Neill")]
    [InlineData("XI'AN", "Xi'an")]
    [InlineData("McAllen", "McAllen")]
    [InlineData("Washington", "Washington")]
    public void Capitals_become_readable(string text, string expected)
    {
        Assert.Equal(expected, ReadableCase.Of(text));
    }
}
