using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>
/// One app for the class (each test writes annotations of its own and counts only those); a test
/// that counts everything on the article has an app of its own.
/// </summary>
public sealed class AnnotationsApiTests(AnnotationsApiTests.Library library) : IClassFixture<AnnotationsApiTests.Library>
{
    private readonly NewsReaderAppFactory app = library.App;
    private readonly HttpClient ada = library.Ada;

    /// <summary>The seed article and ada, signed up through the API.</summary>
    public sealed class Library : IAsyncLifetime
    {
        public NewsReaderAppFactory App { get; } = new();
        public HttpClient Ada { get; private set; } = null!;

        public async Task InitializeAsync() => Ada = await ApiUsers.RegisterAsync(App, "ada@example.org");

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task Post_with_only_a_quote_answers_201_with_the_stored_annotation()
    {
        var response = await ada.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Quote("closer relationships").Note("Which ones?").Tag("diplomacy").Color("green").Build());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        var annotation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(response.Headers.Location!.ToString(), annotation.GetProperty("id").GetString());
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", annotation.GetProperty("@context").GetString());
        Assert.Equal("Annotation", annotation.GetProperty("type").GetString());
        Assert.True(annotation.TryGetProperty("created", out _));
        Assert.True(annotation.TryGetProperty("modified", out _));
        Assert.Equal("Person", annotation.GetProperty("creator").GetProperty("type").GetString());
        Assert.Equal("anchored", annotation.GetProperty("anchorStatus").GetString());
        Assert.Equal("private", annotation.GetProperty("visibility").GetString());
        Assert.Equal("green", annotation.GetProperty("target").GetProperty("styleClass").GetString());
        var quote = annotation.Selector("TextQuoteSelector");
        Assert.Equal("closer relationships", quote.GetProperty("exact").GetString());
        Assert.Equal("trategic cooperation. Establish ", quote.GetProperty("prefix").GetString());
        var position = annotation.Selector("TextPositionSelector");
        var text = await ArticleTextAsync();
        Assert.Equal("closer relationships", text[position.GetProperty("start").GetInt32()..position.GetProperty("end").GetInt32()]);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Get_put_with_if_match_and_a_stale_etag_answers_412()
    {
        var created = await new AnnotationBuilder().Note("first").CreateAsync(ada);
        var get = await ada.GetAsync(created.IdPath());
        var etag = get.Headers.ETag!.ToString();

        var put = new HttpRequestMessage(HttpMethod.Put, created.IdPath()) { Content = JsonContent.Create(new AnnotationBuilder().Note("second").Color("pink").Build()) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await ada.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.ToString());
        var body = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("second", body.GetProperty("body")[0].GetProperty("value").GetString());
        Assert.Equal("pink", body.GetProperty("target").GetProperty("styleClass").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, created.IdPath()) { Content = JsonContent.Create(new AnnotationBuilder().Note("third").Build()) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var refused = await ada.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("second", (await (await ada.GetAsync(created.IdPath())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Delete_answers_204_and_the_annotation_is_gone()
    {
        var created = await new AnnotationBuilder().CreateAsync(ada);

        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync(created.IdPath())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync(created.IdPath())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.DeleteAsync(created.IdPath())).StatusCode);
    }

    [Fact]
    public async Task The_collection_holds_what_the_caller_may_see_in_document_order()
    {
        // It counts every annotation on the article: an app of its own.
        await using var app = new NewsReaderAppFactory();
        var ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        var bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
        await new AnnotationBuilder().Quote("Rose Garden").CreateAsync(ada);
        await new AnnotationBuilder().Quote("closer relationships").Public().CreateAsync(ada);
        await new AnnotationBuilder().Quote("Indo-Pacific").CreateAsync(bob);

        var mine = await ada.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.Equal("AnnotationCollection", mine.GetProperty("type").GetString());
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var quotes = mine.GetProperty("first").GetProperty("items").EnumerateArray().Select(a => a.Selector("TextQuoteSelector").GetProperty("exact").GetString()).ToList();
        Assert.Equal(new[] { "closer relationships", "Rose Garden" }, quotes);

        var anonymous = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.Equal(1, anonymous.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_plain_json_post_and_an_ld_json_post_are_both_accepted()
    {
        var ld = new StringContent(new AnnotationBuilder().Build().ToJsonString(), Encoding.UTF8);
        ld.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"");

        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsync("/api/annotations", ld)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Build())).StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadInputs => new()
    {
        { "no target", """{"type":"Annotation","body":[]}""", HttpStatusCode.BadRequest, "no target" },
        { "unknown article", new AnnotationBuilder().On("http://localhost/articles/no-such-article").Build().ToJsonString(), HttpStatusCode.NotFound, "no-such-article" },
        { "quote not found", new AnnotationBuilder().Quote("words that the article never says anywhere at all, not even close to it").Build().ToJsonString(), (HttpStatusCode)422, "not in the current revision" },
        { "quote with a typo", new AnnotationBuilder().Quote("closer relationshjps").Build().ToJsonString(), (HttpStatusCode)422, "not in the current revision" },
        { "html note", new AnnotationBuilder().Note("<b>x</b>").Build().ToJsonString().Replace("\"text/markdown\"", "\"text/html\""), HttpStatusCode.BadRequest, "text/html" },
        { "empty quote", new AnnotationBuilder().Quote("").Build().ToJsonString(), HttpStatusCode.BadRequest, "empty" },
        { "no quote selector", new AnnotationBuilder().Quote(null).Build().ToJsonString(), HttpStatusCode.BadRequest, "TextQuoteSelector" },
        { "oversized note", new AnnotationBuilder().Note(new string('x', 10_001)).Build().ToJsonString(), HttpStatusCode.BadRequest, "10,000" },
        { "end before start", new AnnotationBuilder().At(50, 10).Build().ToJsonString(), HttpStatusCode.BadRequest, "not a range" },
        { "negative start", new AnnotationBuilder().At(-1, 10).Build().ToJsonString(), HttpStatusCode.BadRequest, "not a range" },
        { "position as text", """{"target":{"source":"http://localhost/articles/x","selector":[{"type":"TextQuoteSelector","exact":"a"},{"type":"TextPositionSelector","start":"1","end":2}]}}""", HttpStatusCode.BadRequest, "whole numbers" },
        { "unknown colour", new AnnotationBuilder().Color("chartreuse").Build().ToJsonString(), HttpStatusCode.BadRequest, "chartreuse" },
        { "bad visibility", new AnnotationBuilder().Build().ToJsonString().Replace("\"type\":\"Annotation\"", "\"type\":\"Annotation\",\"visibility\":\"everyone\""), HttpStatusCode.BadRequest, "visibility" },
        { "not an article url", new AnnotationBuilder().On("http://localhost/somewhere/else").Build().ToJsonString(), HttpStatusCode.BadRequest, "not an article URL" },
        { "malformed json", "{\"target\": {", HttpStatusCode.BadRequest, "could not be read" },
        { "json array", "[1,2,3]", HttpStatusCode.BadRequest, "JSON object" },
        { "json null", "null", HttpStatusCode.BadRequest, "JSON" },
        { "lone surrogate", new AnnotationBuilder().Quote("LONE").Build().ToJsonString().Replace("\"LONE\"", "\"\\ud800\""), HttpStatusCode.BadRequest, "not valid Unicode" },
        { "lone surrogate in a tag", new AnnotationBuilder().Tag("LONE").Build().ToJsonString().Replace("\"LONE\"", "\"a\\udc00b\""), HttpStatusCode.BadRequest, "not valid Unicode" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_a_problem_with_its_reason_and_nothing_is_stored(string name, string body, HttpStatusCode status, string reason)
    {
        var before = await AnnotationCountAsync();
        var response = await ada.PostAsync("/api/annotations", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(status == response.StatusCode, $"{name}: expected {status}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await AnnotationCountAsync());
    }

    private async Task<int> AnnotationCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().Annotations.CountAsync();
    }

    [Fact]
    public async Task Anonymous_writes_answer_401()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Build());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<string> ArticleTextAsync() =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/articles/{AnnotationBuilder.SeedSlug}")).GetProperty("text").GetString()!;
}

/// <summary>One app for the class: each test writes and reads annotations of its own.</summary>
public sealed class AnnotationsApiHardeningTests(AnnotationsApiTests.Library library) : IClassFixture<AnnotationsApiTests.Library>
{
    private readonly HttpClient ada = library.Ada;

    [Fact]
    public async Task Oversized_context_is_trimmed_to_what_a_selector_stores()
    {
        var created = await new AnnotationBuilder().Quote("e", new string('x', 1000), new string('y', 1000)).CreateAsync(ada);

        var quote = created.Selector("TextQuoteSelector");
        Assert.Equal(32, quote.GetProperty("prefix").GetString()!.Length);
        Assert.Equal(32, quote.GetProperty("suffix").GetString()!.Length);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("line\nbreak")]
    [InlineData("say \"hi\"")]
    public async Task Tags_with_commas_quotes_or_control_characters_are_refused(string tag)
    {
        var response = await ada.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Tag(tag).Build());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("a comma, a double quote or a control character", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invisible_characters_are_dropped_from_tags_and_a_tag_of_nothing_else_goes()
    {
        var created = await new AnnotationBuilder().Tag("\u200b").Tag("zero\u200bwidth\u200e").CreateAsync(ada);

        var tags = created.GetProperty("body").EnumerateArray()
            .Where(b => b.TryGetProperty("purpose", out var p) && p.GetString() == "tagging").Select(b => b.GetProperty("value").GetString()).ToList();
        Assert.Equal(["zerowidth"], tags);
    }

    [Fact]
    public async Task Control_characters_never_reach_a_note_or_a_search_snippet()
    {
        await new AnnotationBuilder().Note("odd \u0002marker\u0003 text").Public().CreateAsync(ada);

        var results = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=odd");

        var note = results.GetProperty("annotations")[0].GetProperty("noteHtml").GetString()!;
        Assert.Equal(1, note.Split("<mark>").Length - 1);
        Assert.DoesNotContain('\u0002', note);
    }

    [Fact]
    public async Task If_match_may_list_several_etags_and_any_current_one_matches()
    {
        var created = await new AnnotationBuilder().CreateAsync(ada);
        var put = new HttpRequestMessage(HttpMethod.Put, created.IdPath()) { Content = JsonContent.Create(new AnnotationBuilder().Note("x").Build()) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"7\", W/\"1\", \"1\"");

        Assert.Equal(HttpStatusCode.OK, (await ada.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task An_edit_cannot_move_an_annotation_to_another_article()
    {
        var created = await new AnnotationBuilder().CreateAsync(ada);

        var response = await ada.PutAsJsonAsync(created.IdPath(), new AnnotationBuilder().On("http://localhost/articles/some-other-article").Note("x").Build());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stays on its article", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_weak_etag_never_matches_if_match()
    {
        var created = await new AnnotationBuilder().CreateAsync(ada);
        var put = new HttpRequestMessage(HttpMethod.Put, created.IdPath()) { Content = JsonContent.Create(new AnnotationBuilder().Note("x").Build()) };
        put.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await ada.SendAsync(put)).StatusCode);
    }

    public static TheoryData<string> DeepNotes => new()
    {
        string.Concat(Enumerable.Repeat("> ", 200)) + "deep",
        new string('[', 3000),
        string.Concat(Enumerable.Repeat("- ", 200)) + "deep",
    };

    [Theory]
    [MemberData(nameof(DeepNotes))]
    public async Task A_note_nested_too_deep_for_markdown_is_kept_as_text_on_create_and_update(string note)
    {
        var created = await ada.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Note(note).Public().Build());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var annotation = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(note, annotation.GetProperty("body")[0].GetProperty("value").GetString());

        var updated = await ada.PutAsJsonAsync(annotation.IdPath(), new AnnotationBuilder().Note(note + " again").Build());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await ada.GetAsync($"/articles/{AnnotationBuilder.SeedSlug}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/api/search?q=deep")).StatusCode);
    }
}
