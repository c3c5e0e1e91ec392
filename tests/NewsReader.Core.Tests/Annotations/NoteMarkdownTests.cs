
namespace NewsReader.Core.Tests.Annotations;

public class NoteMarkdownTests
{
    [Theory]
    [InlineData("**bold** and *em*", "<p><strong>bold</strong> and <em>em</em></p>")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>")]
    [InlineData("[site](https://example.org)", "<p><a href=\"https://example.org\" rel=\"nofollow noopener\">site</a></p>")]
    [InlineData("[mail](mailto:ada@example.org)", "<p><a href=\"mailto:ada@example.org\" rel=\"nofollow noopener\">mail</a></p>")]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("[click *me*](JaVaScRiPt:alert(1))", "<p>click <em>me</em></p>")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "<p>data</p>")]
    [InlineData("[relative](/admin/ingest)", "<p>relative</p>")]
    [InlineData("![a tracking pixel](https://evil.example/p.gif)", "<p>a tracking pixel</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("see https://example.org/x", "<p>see <a href=\"https://example.org/x\" rel=\"nofollow noopener\">https://example.org/x</a></p>")]
    [InlineData("[ref][1]\n\n[1]: javascript:alert(1)", "<p>ref</p>")]
    public void Renders_markdown_and_keeps_nothing_that_can_run(string markdown, string expected)
    {
        Assert.Equal(expected, NoteMarkdown.ToSafeHtml(markdown).Trim());
    }

    public static TheoryData<string> TooDeep => new()
    {
        string.Concat(Enumerable.Repeat("> ", 200)) + "deep",
        new string('[', 3000),
        new string('[', 10_000),
        string.Concat(Enumerable.Repeat("- ", 200)) + "deep",
        string.Concat(Enumerable.Repeat("![", 5000)),
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_note_nested_too_deep_is_shown_as_its_text_quickly(string markdown)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var html = NoteMarkdown.ToSafeHtml(markdown);
        Assert.StartsWith("<p>", html);
        Assert.DoesNotContain("<blockquote>", html);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"took {started.Elapsed}");
    }

    [Fact]
    public void A_note_too_deep_keeps_its_text_encoded()
    {
        var markdown = new string('[', 100) + "<script>x</script>";
        Assert.Equal("<p>" + new string('[', 100) + "&lt;script&gt;x&lt;/script&gt;</p>", NoteMarkdown.ToSafeHtml(markdown).Trim());
    }
}
