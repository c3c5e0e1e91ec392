using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>`POST /api/annotations/{id}/restore`: the reader's Undo after a delete.</summary>
public sealed class AnnotationRestoreTests : IAsyncLifetime
{
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
    public async Task The_owner_restores_a_deleted_annotation_with_its_id_note_tags_and_colour()
    {
        var created = await new AnnotationBuilder().Quote("closer relationships").Note("Which **ones**?").Tag("diplomacy").Tag("asia").Color("green").Public().CreateAsync(ada);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync(created.IdPath())).StatusCode);

        var restored = await ada.PostAsync($"{created.IdPath()}/restore", null);

        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        var body = await restored.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetProperty("id").GetString(), body.GetProperty("id").GetString());
        Assert.Equal(created.GetProperty("created").GetString(), body.GetProperty("created").GetString());
        Assert.Equal("green", body.GetProperty("target").GetProperty("styleClass").GetString());
        Assert.Equal("public", body.GetProperty("visibility").GetString());
        var bodies = body.GetProperty("body").EnumerateArray().ToList();
        Assert.Contains(bodies, b => b.GetProperty("purpose").GetString() == "commenting" && b.GetProperty("value").GetString() == "Which **ones**?");
        Assert.Equal(["diplomacy", "asia"], bodies.Where(b => b.GetProperty("purpose").GetString() == "tagging").Select(b => b.GetProperty("value").GetString()));
        Assert.Equal("closer relationships", body.Selector("TextQuoteSelector").GetProperty("exact").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync(created.IdPath())).StatusCode);
        // Found by search again: the full-text index follows the row back in.
        var search = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=diplomacy");
        Assert.Contains(created.GetProperty("id").GetString()!.Split('/')[^1], search.GetRawText());
        // Restored once; a second restore has nothing to restore.
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PostAsync($"{created.IdPath()}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task Nobody_else_restores_what_is_not_theirs_and_anonymous_callers_are_refused()
    {
        var created = await new AnnotationBuilder().Quote("closer relationships").Note("mine").Public().CreateAsync(ada);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync(created.IdPath())).StatusCode);

        var byBob = await bob.PostAsync($"{created.IdPath()}/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
        Assert.Equal("application/problem+json", byBob.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync($"{created.IdPath()}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync(created.IdPath())).StatusCode);

        // A live annotation and an unknown id have nothing to restore either.
        var live = await new AnnotationBuilder().Quote("closer relationships").CreateAsync(ada);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PostAsync($"{live.IdPath()}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PostAsync($"/api/annotations/{Guid.NewGuid()}/restore", null)).StatusCode);

        // Bob's attempt did not use it up: Ada still can.
        Assert.Equal(HttpStatusCode.Created, (await ada.PostAsync($"{created.IdPath()}/restore", null)).StatusCode);
    }
}
