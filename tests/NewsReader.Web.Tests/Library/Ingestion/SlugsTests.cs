using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library.Ingestion;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("U.S. President Biden's \"new era\"", "us-president-bidens-new-era")]
    [InlineData("Kishída met Biden", "kishida-met-biden")]
    [InlineData("Встреча в Токио", "встреча-в-токио")]
    [InlineData("東京での首脳会談", "東京での首脳会談")]
    [InlineData("한국 정상회담", "한국-정상회담")]
    [InlineData("Май в Ёбурге", "май-в-ёбурге")]
    [InlineData("Ça coûte 3½ €", "ca-coute-3")]
    [InlineData("!!! ???", "article")]
    public void A_title_in_any_script_gets_a_slug_of_its_own(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void A_long_title_is_cut_at_a_word_or_at_least_not_inside_a_character()
    {
        var slug = Slugs.From(string.Concat(Enumerable.Repeat("𝔸", 60)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(char.IsHighSurrogate(slug[^1]));
    }

    [Fact]
    public async Task An_article_with_a_cyrillic_title_is_listed_read_and_annotated_at_its_own_address()
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "tokyo.txt"), "Встреча в Токио\n\nЛидеры встретились в Токио и обсудили сотрудничество.");
        var client = app.CreateClient();

        var home = await HtmlDocument.GetAsync(client, "/");
        var href = home.QuerySelector("a.article-link")!.GetAttribute("href")!;
        var page = await HtmlDocument.GetAsync(client, href);
        var article = await client.GetFromJsonAsync<JsonElement>($"/api/articles/{Uri.EscapeDataString("встреча-в-токио")}");
        var ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        var created = await ada.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().On("http://localhost/articles/встреча-в-токио").Quote("обсудили сотрудничество").Build());

        Assert.Equal("/articles/встреча-в-токио", href);
        Assert.Equal("Встреча в Токио", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("встреча-в-токио", article.GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
