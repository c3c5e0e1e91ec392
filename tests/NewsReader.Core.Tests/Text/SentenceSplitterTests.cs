
namespace NewsReader.Core.Tests.Text;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("One. Two.", new[] { "One.", "Two." })]
    [InlineData("U.S. President Biden spoke. Then he left.", new[] { "U.S. President Biden spoke.", "Then he left." })]
    [InlineData("Rates rose 0.5 percent. Markets fell.", new[] { "Rates rose 0.5 percent.", "Markets fell." })]
    [InlineData("Mr. Smith met Dr. Jones. They talked.", new[] { "Mr. Smith met Dr. Jones.", "They talked." })]
    [InlineData("J. R. R. Tolkien wrote it. It sold.", new[] { "J. R. R. Tolkien wrote it.", "It sold." })]
    [InlineData("He said \"Stop.\" Then he ran.", new[] { "He said \"Stop.\"", "Then he ran." })]
    [InlineData("\"Is it?\" she asked. Nobody knew.", new[] { "\"Is it?\" she asked.", "Nobody knew." })]
    [InlineData("Wait! Who? Me.", new[] { "Wait!", "Who?", "Me." })]
    [InlineData("Use e.g. Markdown. Fine.", new[] { "Use e.g. Markdown.", "Fine." })]
    [InlineData("On Ukraine ... Today's news. End", new[] { "On Ukraine ... Today's news.", "End" })]
    [InlineData("Version 2.0 shipped in the U.K. today", new[] { "Version 2.0 shipped in the U.K. today" })]
    [InlineData("It ended in 1999. 2000 began.", new[] { "It ended in 1999.", "2000 began." })]
    [InlineData("no stop at all", new[] { "no stop at all" })]
    [InlineData("   ", new string[0])]
    public void Splits_into_sentences(string text, string[] expected)
    {
        var sentences = SentenceSplitter.Split(text).Select(r => text[r.Start..r.End]).ToArray();

        Assert.Equal(expected, sentences);
    }
}
