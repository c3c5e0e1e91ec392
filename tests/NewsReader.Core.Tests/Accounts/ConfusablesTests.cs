namespace NewsReader.Core.Tests.Accounts;

/// <summary>Names that look alike share a skeleton (issue 24, finding 8); names that only look related do not.</summary>
public class ConfusablesTests
{
    [Theory]
    [InlineData("\u0415ditor", "Cyrillic capital Ie")]
    [InlineData("Ed\u0456tor", "Cyrillic small Byelorussian-Ukrainian i")]
    [InlineData("Edit\u043Er", "Cyrillic small o")]
    [InlineData("\u0395ditor", "Greek capital Epsilon")]
    [InlineData("Ed\u03B9tor", "Greek small iota")]
    [InlineData("Ed\u0131tor", "Latin dotless i")]
    [InlineData("\u0130ditor", "dotted capital I, against Iditor below")]
    [InlineData("Edi\u034Ftor", "combining grapheme joiner")]
    [InlineData("Editor\uFE0F", "variation selector")]
    [InlineData("Edi\u200Btor", "zero-width space")]
    [InlineData("E\u200Dditor", "zero-width joiner")]
    [InlineData("Editor\u3164", "Hangul filler")]
    [InlineData("\uFF25ditor", "full-width E")]
    [InlineData("EDITOR", "case")]
    [InlineData("\u0415\u0434\u0456\u0442\u043E\u0433", "not all Cyrillic looks Latin: this one differs")]
    public void Look_alikes_share_a_skeleton(string name, string why)
    {
        var expected = why.StartsWith("dotted capital I", StringComparison.Ordinal) ? "Iditor"
            : why.StartsWith("not all", StringComparison.Ordinal) ? null : "Editor";
        if (expected is null)
        {
            Assert.NotEqual(Confusables.Skeleton("Editor"), Confusables.Skeleton(name));
        }
        else
        {
            Assert.Equal(Confusables.Skeleton(expected), Confusables.Skeleton(name));
        }
    }

    [Theory]
    [InlineData("Editor", "Editors")]
    [InlineData("Zoë", "Zoe")]
    [InlineData("reader-10", "reader-1O")]
    [InlineData("Ana", "Ama")]
    [InlineData("李小龍", "李小")]
    public void Names_that_differ_to_the_eye_keep_different_skeletons(string one, string other) =>
        Assert.NotEqual(Confusables.Skeleton(one), Confusables.Skeleton(other));

    [Theory]
    [InlineData("Zoe\u0308", "Zoë")]
    [InlineData("\u0451lka", "\u00EBlka")]
    public void Marks_are_kept_and_compared_in_one_form(string one, string other) =>
        Assert.Equal(Confusables.Skeleton(one), Confusables.Skeleton(other));

    [Fact]
    public void Display_names_compare_by_skeleton_with_spaces_collapsed_again()
    {
        Assert.Equal(DisplayNames.Normalize("Editor"), DisplayNames.Normalize("\u0415ditor"));
        Assert.Equal(DisplayNames.Normalize("Ada Lovelace"), DisplayNames.Normalize("Ada \u200B Lovelace"));
        Assert.Equal("EDITOR", DisplayNames.Normalize("Editor"));
    }
}
