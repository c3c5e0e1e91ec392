using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Data;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>
/// Writes place quotes on revision texts the app keeps in memory (<see cref="RevisionTextCache"/>)
/// and answer from the entity they saved; the reader page draws its marks from slim rows held
/// per article and reader (<see cref="SlimRowsCache"/>). For both, a new revision, an edit
/// and a visibility change must be seen at once by every reader allowed to see them, and never
/// by anyone else.
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

    [Fact]
    public async Task The_reader_pages_marks_show_a_new_revision_an_edit_and_a_visibility_change_at_once_to_those_allowed_and_never_to_others()
    {
        var visitor = app.CreateClient();
        var everyone = new[] { ada, bob, carol, visitor };
        var adas = await new AnnotationBuilder().Quote(OldWords).Color("yellow").CreateAsync(ada);
        var bobs = await new AnnotationBuilder().Color("blue").CreateAsync(bob);
        var adaId = adas.Id();
        var bobId = bobs.Id();

        // Private: each owner sees their own mark, nobody else does (every page read twice, so
        // the second is answered from what the first left held).
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(["yellow"], await ReaderPageMarks.ColoursAsync(ada, adaId));
            Assert.Equal(["blue"], await ReaderPageMarks.ColoursAsync(bob, bobId));
            Assert.Empty(await ReaderPageMarks.ColoursAsync(ada, bobId));
            foreach (var other in new[] { bob, carol, visitor })
            {
                Assert.Empty(await ReaderPageMarks.ColoursAsync(other, adaId));
            }
        }

        // Public and green: every reader's next page has it, in its new colour.
        Assert.Equal(HttpStatusCode.OK, (await ada.PutAsJsonAsync(adas.IdPath(), new AnnotationBuilder().Quote(null).Color("green").Public().Build())).StatusCode);
        foreach (var reader in everyone)
        {
            Assert.Equal(["green"], await ReaderPageMarks.ColoursAsync(reader, adaId));
        }

        // A new revision changes the words under it: every reader sees the mark on the new text at once.
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace(OldWords, NewWords));
        await app.IngestAsync();
        foreach (var reader in everyone)
        {
            Assert.Contains("brand-new", await ReaderPageMarks.TextAsync(reader, adaId));
        }

        // Private again: gone at once for everyone but Ada; Bob's own mark stays his alone.
        Assert.Equal(HttpStatusCode.OK, (await ada.PutAsJsonAsync(adas.IdPath(), new AnnotationBuilder().Quote(null).Color("pink").Private().Build())).StatusCode);
        Assert.Equal(["pink"], await ReaderPageMarks.ColoursAsync(ada, adaId));
        foreach (var other in new[] { bob, carol, visitor })
        {
            Assert.Empty(await ReaderPageMarks.ColoursAsync(other, adaId));
        }
        Assert.Equal(["blue"], await ReaderPageMarks.ColoursAsync(bob, bobId));
        Assert.Empty(await ReaderPageMarks.ColoursAsync(carol, bobId));

        // Deleted: gone from its owner's page too.
        Assert.Equal(HttpStatusCode.NoContent, (await ada.DeleteAsync(adas.IdPath())).StatusCode);
        Assert.Empty(await ReaderPageMarks.ColoursAsync(ada, adaId));
    }

    [Fact]
    public async Task A_change_another_writer_makes_in_the_database_is_on_every_reader_page_at_once()
    {
        // Another instance, the command line or an import writes the table, not this service.
        var visitor = app.CreateClient();
        var adas = await new AnnotationBuilder().Quote(OldWords).Color("yellow").Public().CreateAsync(ada);
        var id = adas.Id();
        foreach (var _ in new[] { 1, 2 })
        {
            Assert.Equal(["yellow"], await ReaderPageMarks.ColoursAsync(visitor, id));
            Assert.Equal(["yellow"], await ReaderPageMarks.ColoursAsync(ada, id));
        }

        await WriteStraightAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Annotations" SET "Color" = 'green', "Version" = "Version" + 1 WHERE "Id" = {Guid.Parse(id)}"""));
        Assert.Equal(["green"], await ReaderPageMarks.ColoursAsync(visitor, id));
        Assert.Equal(["green"], await ReaderPageMarks.ColoursAsync(ada, id));

        await WriteStraightAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "Annotations" WHERE "Id" = {Guid.Parse(id)}"""));
        Assert.Empty(await ReaderPageMarks.ColoursAsync(visitor, id));
        Assert.Empty(await ReaderPageMarks.ColoursAsync(ada, id));
    }

    [PostgresFact]
    public async Task A_pg_restore_under_the_running_app_is_on_the_next_reader_page_even_after_as_many_changes_as_it_undid()
    {
        // The documented restore (docs/operations.md). Its sequences start again where the dump
        // left them, so the same number of notes after it would repeat the summary of the
        // annotations the page holds marks for, but for the table's object id in the stamp.
        var kept = (await new AnnotationBuilder().Color("yellow").CreateAsync(ada)).Id();
        var dump = Path.Combine(app.Folder, "library.dump");
        var libpq = TestDatabase.Libpq(app.ConnectionString);
        await TestDatabase.RunProgramAsync("pg_dump", "--format=custom", $"--file={dump}", libpq);
        var undone = (await new AnnotationBuilder().Color("green").CreateAsync(ada)).Id();
        Assert.Equal(["green"], await ReaderPageMarks.ColoursAsync(ada, undone));

        await TestDatabase.RunProgramAsync("pg_restore", "--clean", "--if-exists", $"--dbname={libpq}", dump);
        var made = (await new AnnotationBuilder().Color("pink").CreateAsync(ada)).Id();

        Assert.Equal(["yellow"], await ReaderPageMarks.ColoursAsync(ada, kept));
        Assert.Empty(await ReaderPageMarks.ColoursAsync(ada, undone));
        Assert.Equal(["pink"], await ReaderPageMarks.ColoursAsync(ada, made));
    }

    private async Task WriteStraightAsync(Func<NewsReaderDb, Task<int>> write)
    {
        using var scope = app.Services.CreateScope();
        Assert.Equal(1, await write(scope.ServiceProvider.GetRequiredService<NewsReaderDb>()));
    }

    [Fact]
    public async Task The_slim_rows_keep_within_their_bound_and_are_read_again_when_the_stamp_changes()
    {
        var cache = new SlimRowsCache(maxRows: 2);
        var stamp = new SlimRowsCache.Stamp(1, null, 1, 10, 1, 1, 5, 9);
        var adasPage = new SlimRowsCache.Key(1, "ada");
        IReadOnlyList<SlimRowsCache.Row> one = [Row()];
        Assert.Same(one, await cache.GetAsync(adasPage, stamp, () => Task.FromResult(one)));
        Assert.Same(one, await cache.GetAsync(adasPage, stamp, () => throw new InvalidOperationException("held, not read again")));

        // Another reader of the same article never gets Ada's rows: theirs are read for them.
        IReadOnlyList<SlimRowsCache.Row> none = [];
        Assert.Same(none, await cache.GetAsync(new SlimRowsCache.Key(1, null), stamp, () => Task.FromResult(none)));
        Assert.Same(one, await cache.GetAsync(adasPage, stamp, () => throw new InvalidOperationException("held, not read again")));

        // Any change to the stamp (here one more version: an edit) reads the rows again.
        IReadOnlyList<SlimRowsCache.Row> edited = [Row() with { Color = "green", Version = 2 }];
        Assert.Same(edited, await cache.GetAsync(adasPage, stamp with { Versions = 2 }, () => Task.FromResult(edited)));
        Assert.Equal(2, cache.Count);

        // Past the bound the least recently used entries go.
        IReadOnlyList<SlimRowsCache.Row> two = [Row(), Row()];
        await cache.GetAsync(new SlimRowsCache.Key(2, "ada"), stamp, () => Task.FromResult(two));
        Assert.Equal(1, cache.Count);
        Assert.Same(two, await cache.GetAsync(new SlimRowsCache.Key(2, "ada"), stamp, () => throw new InvalidOperationException("held, not read again")));
    }

    private static SlimRowsCache.Row Row() =>
        new(Guid.NewGuid(), "owner", Visibility.Private, "yellow", AnchorStatus.Anchored, 5, 9, DateTime.UtcNow, DateTime.UtcNow, 1);
}
