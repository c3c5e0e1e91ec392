using System.Net;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Pages;

/// <summary>The reader's handlers for its script: fragments after a write, the list's next page, one entry for a popover.</summary>
public sealed class ReaderFragmentsTests : IAsyncLifetime
{
    private const string Url = "/articles/" + AnnotationBuilder.SeedSlug;
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;
    private HttpClient bob = null!;

    public async Task InitializeAsync()
    {
        ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_list_shows_50_entries_and_the_rest_page_by_page_while_every_mark_is_rendered()
    {
        for (var i = 0; i < 60; i++)
        {
            await new AnnotationBuilder().Quote("closer relationships").Note($"note {i}").CreateAsync(ada);
        }

        var page = await HtmlDocument.GetAsync(ada, Url);
        Assert.Equal(50, page.QuerySelectorAll(".annotation-lists .annotation-item").Length);
        Assert.Equal(60, page.QuerySelectorAll(".reader-body mark[id^='annotation-']").Length);
        Assert.Equal("(60)", page.QuerySelector(".annotations .count")!.TextContent);
        var more = page.QuerySelector(".more-annotations a")!;
        Assert.Equal("Show more (10 left)", more.TextContent);
        Assert.Equal("50", more.GetAttribute("data-from"));
        Assert.Equal($"{Url}?shown=100#annotations", more.GetAttribute("href"));

        var next = await HtmlDocument.GetAsync(ada, $"{Url}?handler=More&from=50");
        Assert.Equal(10, next.QuerySelectorAll(".annotation-item").Length);
        Assert.Null(next.QuerySelector(".more-annotations"));
        Assert.Null(next.QuerySelector("header, .reader-body")); // a fragment, not a page

        var all = await HtmlDocument.GetAsync(ada, $"{Url}?shown=100");
        Assert.Equal(60, all.QuerySelectorAll(".annotation-lists .annotation-item").Length);

        var fragments = await HtmlDocument.GetAsync(ada, $"{Url}?handler=Fragments&shown=50");
        Assert.Null(fragments.QuerySelector("header.site-header"));
        Assert.Equal(60, fragments.QuerySelectorAll(".reader-body mark[id^='annotation-']").Length);
        Assert.Equal("60", fragments.QuerySelector(".annotation-lists")!.GetAttribute("data-count"));
        Assert.Equal(50, fragments.QuerySelectorAll(".annotation-lists .annotation-item").Length);
    }

    [Fact]
    public async Task One_entry_is_served_only_to_who_may_see_it()
    {
        var secret = (await new AnnotationBuilder().Quote("Rose Garden").Note("private thought").CreateAsync(ada)).Id();
        var shared = (await new AnnotationBuilder().Quote("Rose Garden").Note("for all").Public().CreateAsync(ada)).Id();

        var own = await HtmlDocument.GetAsync(ada, $"{Url}?handler=Item&id={secret}");
        Assert.Contains("private thought", own.QuerySelector(".annotation-item .note")!.TextContent);
        Assert.NotNull(own.QuerySelector(".edit-link"));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{Url}?handler=Item&id={secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"{Url}?handler=Item&id={secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync($"/articles/no-such-article?handler=Item&id={secret}")).StatusCode);

        var seen = await HtmlDocument.GetAsync(bob, $"{Url}?handler=Item&id={shared}");
        Assert.Contains("for all", seen.QuerySelector(".annotation-item .note")!.TextContent);
        Assert.Null(seen.QuerySelector(".edit-link")); // not Bob's to change
    }
}
