using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>
/// Writes place quotes on revision texts the app keeps in memory (<see cref="RevisionTextCache"/>)
/// and answer from the entity they saved. A new revision, an edit and a visibility change must
/// be seen at once by every reader allowed to see them, and never by anyone else.
/// </summary>
public sealed class RevisionTextCacheTests : IAsyncLifetime
{
    private const string Slug = AnnotationBuilder.SeedSlug;
    private const string OldWords = "the largest foreign direct investment sources";
    private const string NewWords = "the largest brand-new direct investment sources";
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;
    private HttpClient bob = null!;
    private HttpClient carol = null!;

    public async Task InitializeAsync()
    {
        ada = await ApiUsers.RegisterAsync(app, "ada@example.org");
        bob = await ApiUsers.RegisterAsync(app, "bob@example.org");
        carol = await ApiUsers.RegisterAsync(app, "carol@example.org");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_new_revision_an_edit_and_a_visibility_change_are_seen_at_once_by_those_allowed_and_never_by_others()
    {
        // Both readers write on revision 1: its text is now held in memory.
        var adas = await new AnnotationBuilder().Quote(OldWords).Note("first").Tag("trade").CreateAsync(ada);
        await new AnnotationBuilder().Quote(OldWords).CreateAsync(bob);
        Assert.Equal(1, adas.GetProperty("revision").GetInt32());

        // A new revision: the next write anchors on its text, not on the one held.
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace(OldWords, NewWords));
        await app.IngestAsync();
        foreach (var reader in new[] { ada, bob })
        {
            var onNew = await new AnnotationBuilder().Quote(NewWords).CreateAsync(reader);
            Assert.Equal(2, onNew.GetProperty("revision").GetInt32());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reader.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Quote(OldWords).Build())).StatusCode);
        }

        // The text is held, but a reader who took the article out of their library cannot write on it.
        Assert.Equal(HttpStatusCode.NoContent, (await bob.DeleteAsync($"/api/articles/{Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Quote(NewWords).Build())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await carol.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Quote(NewWords).Build())).StatusCode);

        // An edit re-attached to the new text, made public: the answer is what is stored, and
        // every reader allowed sees it at once; Bob (article out of his library) does not.
        var edit = new AnnotationBuilder().Quote(NewWords).Note("second").Tag("investment").Tag("japan").Public().Build();
        var put = await ada.PutAsJsonAsync(adas.IdPath(), edit);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var answered = await put.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await ada.GetFromJsonAsync<JsonElement>(adas.IdPath());
        Assert.Equal(stored.ToString(), answered.ToString());
        Assert.Equal(2, answered.GetProperty("revision").GetInt32());
        Assert.Equal("public", answered.GetProperty("visibility").GetString());
        Assert.Equal(stored.ToString(), (await carol.GetFromJsonAsync<JsonElement>(adas.IdPath())).ToString());
        Assert.Equal(stored.ToString(), (await app.CreateClient().GetFromJsonAsync<JsonElement>(adas.IdPath())).ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(adas.IdPath())).StatusCode);

        // Private again: gone at once for everyone but Ada.
        Assert.Equal(HttpStatusCode.OK, (await ada.PutAsJsonAsync(adas.IdPath(), new AnnotationBuilder().Note("third").Private().Build())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await carol.GetAsync(adas.IdPath())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(adas.IdPath())).StatusCode);
        Assert.Equal("third", (await ada.GetFromJsonAsync<JsonElement>(adas.IdPath())).GetProperty("body")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_created_annotation_answers_exactly_what_a_read_of_it_returns()
    {
        var created = await new AnnotationBuilder().Quote(OldWords).Note("*why* it matters").Tag("b-tag").Tag("a-tag").Public().CreateAsync(ada);
        Assert.Equal((await ada.GetFromJsonAsync<JsonElement>(created.IdPath())).ToString(), created.ToString());
    }

    [Fact]
    public async Task The_cache_keeps_within_its_bound_and_knows_each_revision_apart()
    {
        var cache = new RevisionTextCache(maxCodePoints: 10);
        var one = await cache.GetAsync(new(1, 1, 1), () => Task.FromResult("abcdef"));
        Assert.Same(one, await cache.GetAsync(new(1, 1, 1), () => throw new InvalidOperationException("held, not read again")));
        var two = await cache.GetAsync(new(2, 1, 2), () => Task.FromResult("ghijkl"));
        Assert.Equal("ghijkl", two.Text);
        Assert.Equal(1, cache.Count);
        Assert.Equal("abcdef", (await cache.GetAsync(new(1, 1, 1), () => Task.FromResult("abcdef"))).Text);
        Assert.Equal("a longer text than the bound", (await cache.GetAsync(new(3, 2, 1), () => Task.FromResult("a longer text than the bound"))).Text);
        Assert.Equal(1, cache.Count);
    }
}
