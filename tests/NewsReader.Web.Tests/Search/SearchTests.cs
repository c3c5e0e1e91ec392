using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Search;

/// <summary>
/// Searches that change nothing share one library, made once for the class; those that edit,
/// delete, add notes or a revision are in <see cref="AfterChanges"/>, each on a library of its own.
/// </summary>
public sealed class SearchTests(SearchTests.Library library) : IClassFixture<SearchTests.Library>
{
    private readonly NewsReaderAppFactory app = library.App;
    private readonly HttpClient ada = library.Ada;
    private readonly HttpClient bob = library.Bob;
    private readonly JsonElement venue = library.Venue;
    private readonly JsonElement talks = library.Talks;

    /// <summary>The seed article, ada's notes "venue" and "talks" (public) and bob's private one.</summary>
    public sealed class Library : IAsyncLifetime
    {
        public NewsReaderAppFactory App { get; } = new();
        public HttpClient Ada { get; private set; } = null!;
        public HttpClient Bob { get; private set; } = null!;
        public JsonElement Venue { get; private set; }
        public JsonElement Talks { get; private set; }

        public async Task InitializeAsync()
        {
            Ada = await ApiUsers.RegisterAsync(App, "ada@example.org");
            Bob = await ApiUsers.RegisterAsync(App, "bob@example.org");
            Venue = await new AnnotationBuilder().Quote("Rose Garden").Note("The **press conference** venue").Tag("place").Color("blue").CreateAsync(Ada);
            Talks = await new AnnotationBuilder().Quote("closer relationships").Note("Negotiations about défense spending").Tag("diplomacy").Tag("two words").Public().CreateAsync(Ada);
            await new AnnotationBuilder().Quote("White House").Note("bob's secret plans for the conference").Tag("place").CreateAsync(Bob);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string, string[]> QueryForms => new()
    {
        { "conference", new[] { "venue" } },
        { "\"press conference\"", new[] { "venue" } },
        { "\"conference press\"", new string[0] },
        { "negot*", new[] { "talks" } },
        { "negotiate", new[] { "talks" } },
        { "DEFENSE", new[] { "talks" } },
        { "garden -venue", new string[0] },
        { "venue OR negotiations", new[] { "venue", "talks" } },
        { "tag:diplomacy", new[] { "talks" } },
        { "tag:\"two words\"", new[] { "talks" } },
        { "tag:PLACE", new[] { "venue" } },
        { "color:blue", new[] { "venue" } },
        { "is:public", new[] { "talks" } },
        { "has:note relationships", new[] { "talks" } },
        { "article:" + AnnotationBuilder.SeedSlug + " garden", new[] { "venue" } },
        { "article:no-such-article garden", new string[0] },
        { "before:2000-01-01", new string[0] },
        { "after:2000-01-01 venue", new[] { "venue" } },
        { "is:orphan", new string[0] },
        { "spending tag:diplomacy color:yellow", new[] { "talks" } },
    };

    [Theory]
    [MemberData(nameof(QueryForms))]
    public async Task Each_query_form_finds_what_it_should(string q, string[] expected)
    {
        var results = await SearchAsync(ada, q);

        var ids = Ids(results);
        var want = expected.Select(name => name == "venue" ? Id(venue) : Id(talks)).ToHashSet();
        Assert.Equal(want, ids.ToHashSet());
        Assert.Equal(want.Count, results.GetProperty("annotationTotal").GetInt32());
    }

    [Fact]
    public async Task Hits_carry_the_article_the_marked_snippet_tags_and_a_link_to_the_passage()
    {
        var results = await SearchAsync(ada, "conference");

        var hit = results.GetProperty("annotations")[0];
        Assert.StartsWith("U.S. President Biden", hit.GetProperty("articleTitle").GetString());
        Assert.Contains("<mark>conference</mark>", hit.GetProperty("noteHtml").GetString());
        Assert.Equal("place", hit.GetProperty("tags")[0].GetString());
        Assert.Equal("blue", hit.GetProperty("color").GetString());
        Assert.Equal($"/articles/{AnnotationBuilder.SeedSlug}#annotation-{Id(venue)}", hit.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Articles_match_too_with_a_marked_snippet()
    {
        var results = await SearchAsync(app.CreateClient(), "Kishida summit");

        var article = Assert.Single(results.GetProperty("articles").EnumerateArray());
        Assert.Equal(AnnotationBuilder.SeedSlug, article.GetProperty("slug").GetString());
        Assert.Contains("<mark>", article.GetProperty("snippetHtml").GetString());
        Assert.StartsWith($"/articles/{AnnotationBuilder.SeedSlug}", article.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_says_how_many_matched()
    {
        var first = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=conference&limit=5&offset=0");
        var pastTheEnd = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=conference&limit=5&offset=50");

        Assert.Equal(new[] { Id(venue) }, Ids(first));
        Assert.True(first.GetProperty("articleTotal").GetInt32() > 0);
        Assert.Empty(pastTheEnd.GetProperty("annotations").EnumerateArray());
        Assert.Empty(pastTheEnd.GetProperty("articles").EnumerateArray());
        Assert.Equal(first.GetProperty("annotationTotal").GetInt32(), pastTheEnd.GetProperty("annotationTotal").GetInt32());
        Assert.Equal(first.GetProperty("articleTotal").GetInt32(), pastTheEnd.GetProperty("articleTotal").GetInt32());
    }

    [Fact]
    public async Task The_notebook_by_tag_counts_every_page_and_past_the_end()
    {
        var first = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=tag:place&limit=1&offset=0");
        var pastTheEnd = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=tag:place&limit=1&offset=5");

        Assert.Equal(new[] { Id(venue) }, Ids(first));
        Assert.Equal(1, first.GetProperty("annotationTotal").GetInt32());
        Assert.Empty(pastTheEnd.GetProperty("annotations").EnumerateArray());
        Assert.Equal(1, pastTheEnd.GetProperty("annotationTotal").GetInt32());
    }

    [Fact]
    public async Task Another_readers_private_note_never_shows_even_in_counts_or_snippets()
    {
        foreach (var q in new[] { "secret", "secr*", "conference", "tag:place", "\"White House\"", "plans OR venue" })
        {
            var results = await SearchAsync(ada, q);
            var hits = results.GetProperty("annotations").ToString();
            Assert.DoesNotContain("secret", hits);
            Assert.DoesNotContain("bob", hits);
            Assert.DoesNotContain("White House", hits);
        }
        Assert.Equal(0, (await SearchAsync(ada, "secret")).GetProperty("annotationTotal").GetInt32());
        Assert.Equal(0, (await SearchAsync(ada, "secr*")).GetProperty("annotationTotal").GetInt32());
        Assert.Equal(0, (await SearchAsync(app.CreateClient(), "secret")).GetProperty("annotationTotal").GetInt32());
        Assert.Equal(1, (await SearchAsync(bob, "secret")).GetProperty("annotationTotal").GetInt32());
    }

    [Fact]
    public async Task Only_my_own_hits_link_their_tags_since_tag_filters_my_notebook()
    {
        Assert.True((await SearchAsync(ada, "negotiations")).GetProperty("annotations")[0].GetProperty("isMine").GetBoolean());
        Assert.False((await SearchAsync(bob, "negotiations")).GetProperty("annotations")[0].GetProperty("isMine").GetBoolean());

        var page = await HtmlDocument.GetAsync(app.CreateClient(), "/search?q=negotiations");

        var hit = page.QuerySelector("li.annotation-hit")!;
        Assert.Empty(hit.QuerySelectorAll("a.tag"));
        Assert.Contains("#diplomacy", hit.QuerySelectorAll("span.tag").Select(t => t.TextContent));
    }

    [Fact]
    public async Task An_empty_query_is_my_notebook_newest_first_and_filterable()
    {
        var notebook = await SearchAsync(ada, "");

        Assert.True(notebook.GetProperty("isNotebook").GetBoolean());
        Assert.Equal(new[] { Id(talks), Id(venue) }, Ids(notebook));
        Assert.Equal(new[] { Id(venue) }, Ids(await SearchAsync(ada, "color:blue")));
        Assert.Equal(0, (await SearchAsync(app.CreateClient(), "")).GetProperty("annotationTotal").GetInt32());
    }

    public static TheoryData<string> HostileInputs => new()
    {
        "\"unbalanced quote",
        "NEAR(a b",
        "*",
        "a AND OR NOT",
        "(((",
        "col:term ^start",
        "\u0001\u0002control\u0003\u0007",
        "-",
        "-- -x",
        "OR",
        "tag:",
        "before:not-a-date",
        "color:chartreuse",
        "\"\"",
        "😀 emoji",
        new string('x', 10_240),
        string.Join(" ", Enumerable.Repeat("word", 2000)),
        "'; DROP TABLE Annotations; --",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public async Task Any_input_gives_results_or_a_message_never_a_500(string q)
    {
        var api = await ada.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        var page = await ada.GetAsync($"/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    /// <summary>Searches after the library changed: a library of its own for each test.</summary>
    public sealed class AfterChanges : IAsyncLifetime
    {
        private readonly Library library = new();
        private readonly NewsReaderAppFactory app;
        private HttpClient ada = null!;
        private JsonElement venue;

        public AfterChanges() => app = library.App;

        public async Task InitializeAsync()
        {
            await library.InitializeAsync();
            (ada, venue) = (library.Ada, library.Venue);
        }

        public async Task DisposeAsync() => await library.DisposeAsync();

        [Fact]
        public async Task Editing_a_note_updates_its_hits_and_deleting_removes_them()
        {
            var put = await ada.PutAsJsonAsync(venue.IdPath(), new AnnotationBuilder().Note("Ceremony lawn").Tag("place").Color("blue").Build());
            put.EnsureSuccessStatusCode();

            Assert.Empty(Ids(await SearchAsync(ada, "conference")));
            Assert.Equal(new[] { Id(venue) }, Ids(await SearchAsync(ada, "lawn")));

            (await ada.DeleteAsync(venue.IdPath())).EnsureSuccessStatusCode();
            Assert.Empty(Ids(await SearchAsync(ada, "lawn")));
            Assert.Empty(Ids(await SearchAsync(ada, "tag:place")));
        }

        // The porter tokenizer stems a prefix as well: alone, play* would be searched as plai*
        // and tay* as tai*, missing "player" and "Taylor", which the index holds unchanged.
        [Fact]
        public async Task A_prefix_finds_every_word_it_begins_even_where_stemming_would_change_it()
        {
            var meeting = await new AnnotationBuilder().Quote("White House").Note("The player and the mayor met Taylor").CreateAsync(ada);

            foreach (var q in new[] { "play*", "may*", "tay*", "TAY*", "conference OR tay*", "white -tay*" })
            {
                Assert.Equal(q.StartsWith("white", StringComparison.Ordinal) ? [] : new[] { Id(meeting) }, Ids(await SearchAsync(ada, q)).Except([Id(venue)]));
            }
            var hit = (await SearchAsync(ada, "play*")).GetProperty("annotations")[0];
            Assert.Contains("<mark>player</mark>", hit.GetProperty("noteHtml").GetString());
            // The seed's "Bayon" is indexed as it is, and bay* is stemmed to bai*.
            Assert.Equal(1, (await SearchAsync(app.CreateClient(), "bay*")).GetProperty("articleTotal").GetInt32());
        }

        [Fact]
        public async Task The_words_behind_prefixes_follow_edits_and_deletes()
        {
            var note = await new AnnotationBuilder().Quote("White House").Note("A playwright's view").CreateAsync(ada);
            Assert.Equal(1, await WordCountAsync("playwright"));

            (await ada.PutAsJsonAsync(note.IdPath(), new AnnotationBuilder().Note("A stagehand's view").Build())).EnsureSuccessStatusCode();
            Assert.Equal(0, await WordCountAsync("playwright"));
            Assert.Equal(1, await WordCountAsync("stagehand"));
            Assert.Equal(new[] { Id(note) }, Ids(await SearchAsync(ada, "stageh*")));
            Assert.Empty(Ids(await SearchAsync(ada, "playw*")));

            (await ada.DeleteAsync(note.IdPath())).EnsureSuccessStatusCode();
            Assert.Equal(0, await WordCountAsync("stagehand"));
            Assert.Empty(Ids(await SearchAsync(ada, "stageh*")));
        }

        /// <summary>How many rows hold the whole word: FTS5's vocabulary, or PostgreSQL's unstemmed word column.</summary>
        private async Task<long> WordCountAsync(string word)
        {
            await using var connection = await app.OpenDatabaseAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = app.Provider == NewsReader.Web.Data.DatabaseProvider.Postgres
                ? """
                  SELECT (SELECT count(*) FROM "Annotations" WHERE "SearchWords" @@ plainto_tsquery('newsreader_words', @word))
                       + (SELECT count(*) FROM "ArticleRevisions" WHERE "SearchWords" @@ plainto_tsquery('newsreader_words', @word))
                  """
                : "SELECT coalesce(sum(doc), 0) FROM search_words_vocab WHERE term = @word";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "word";
            parameter.Value = word;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }

        [Fact]
        public async Task A_reingested_revision_keeps_article_search_in_step()
        {
            var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
            await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace("Rose Garden", "Zephyrine Pavilion"));

            await app.IngestAsync();

            Assert.Single((await SearchAsync(ada, "zephyrine")).GetProperty("articles").EnumerateArray());
            Assert.Empty((await SearchAsync(ada, "\"rose garden\" -conference")).GetProperty("articles").EnumerateArray());
            Assert.Equal(1, (await SearchAsync(ada, "kishida")).GetProperty("articleTotal").GetInt32());
            // The annotation on the vanished words is orphaned by the revision and says so.
            Assert.Equal(new[] { Id(venue) }, Ids(await SearchAsync(ada, "is:orphan")));
        }

        // SQLite search keeps its statements compiled on connections it keeps open
        // (SqliteSearchConnections): one statement serves every reader, each run with its own
        // values bound, and reads what is committed when it runs.
        [Fact]
        public async Task Kept_statements_see_each_change_at_once_and_only_for_readers_allowed_to_see_it()
        {
            var bob = library.Bob;
            var note = await new AnnotationBuilder().Quote("White House").Note("quillwort survey").CreateAsync(ada);
            // Twice each, so that the second runs are on kept statements.
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(new[] { Id(note) }, Ids(await SearchAsync(ada, "quillwort")));
                Assert.Empty(Ids(await SearchAsync(bob, "quillwort")));
            }

            (await ada.PutAsJsonAsync(note.IdPath(), new AnnotationBuilder().Note("quillwort survey").Public().Build())).EnsureSuccessStatusCode();
            Assert.Equal(new[] { Id(note) }, Ids(await SearchAsync(bob, "quillwort")));

            (await ada.PutAsJsonAsync(note.IdPath(), new AnnotationBuilder().Note("bracken survey").Public().Build())).EnsureSuccessStatusCode();
            Assert.Empty(Ids(await SearchAsync(bob, "quillwort")));
            Assert.Equal(new[] { Id(note) }, Ids(await SearchAsync(bob, "bracken")));

            (await ada.PutAsJsonAsync(note.IdPath(), new AnnotationBuilder().Note("bracken survey").Private().Build())).EnsureSuccessStatusCode();
            Assert.Empty(Ids(await SearchAsync(bob, "bracken")));
            Assert.Equal(new[] { Id(note) }, Ids(await SearchAsync(ada, "bracken")));
        }

        [Fact]
        public async Task Paging_keeps_the_total()
        {
            for (var i = 0; i < 5; i++)
            {
                await new AnnotationBuilder().Quote("Kishida").Note($"paging note {i}").CreateAsync(ada);
            }

            var first = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=paging&limit=2&offset=0");
            var last = await ada.GetFromJsonAsync<JsonElement>("/api/search?q=paging&limit=2&offset=4");

            Assert.Equal(5, first.GetProperty("annotationTotal").GetInt32());
            Assert.Equal(2, first.GetProperty("annotations").GetArrayLength());
            Assert.Single(last.GetProperty("annotations").EnumerateArray());
            Assert.Empty(Ids(first).Intersect(Ids(last)));
        }

        [Fact]
        public async Task The_search_page_pages_twenty_at_a_time()
        {
            for (var i = 0; i < 22; i++)
            {
                await new AnnotationBuilder().Quote("Kishida").Note($"pagination marker {i}").CreateAsync(ada);
            }

            var first = await HtmlDocument.GetAsync(ada, "/search?q=pagination");
            var second = await HtmlDocument.GetAsync(ada, first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);

            Assert.Equal(20, first.QuerySelectorAll(".annotation-hit").Length);
            Assert.Equal(2, second.QuerySelectorAll(".annotation-hit").Length);
            Assert.Contains("Page 2 of 2", second.QuerySelector(".pager")!.TextContent);
            Assert.Contains("22 annotations", second.QuerySelector(".result-count")!.TextContent);
        }

        [Fact]
        public async Task The_search_page_marks_matches_and_escapes_everything_else()
        {
            await new AnnotationBuilder().Quote("Rose Garden").Note("<script>alert(1)</script> conference <b>bold</b>").CreateAsync(ada);

            var page = await HtmlDocument.GetAsync(ada, "/search?q=conference");

            Assert.Empty(page.QuerySelectorAll("main script, .hit-note b"));
            Assert.Contains(page.QuerySelectorAll(".hit-note"), n => n.TextContent.Contains("<script>alert(1)</script>"));
            Assert.All(page.QuerySelectorAll(".hit-note mark"), m => Assert.Equal("conference", m.TextContent, ignoreCase: true));
            Assert.Contains("2 annotations", page.QuerySelector(".result-count")!.TextContent);
            Assert.Equal($"/articles/{AnnotationBuilder.SeedSlug}#annotation-{Id(venue)}",
                page.QuerySelectorAll(".annotation-hit a.hit-link").Select(a => a.GetAttribute("href")).Single(h => h!.EndsWith(Id(venue).ToString())));
            Assert.NotNull(page.QuerySelector("details.search-help"));
        }
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(q)}");

    private static Guid[] Ids(JsonElement results) =>
        results.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToArray();

    private static Guid Id(JsonElement annotation) => Guid.Parse(annotation.IdPath().Split('/').Last());
}

public sealed class SearchBudgetTests
{
    [Fact]
    public async Task A_search_past_its_time_budget_is_stopped_with_a_message_and_the_next_one_runs()
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        var clock = new SteppingClock();
        app.Replacements.Add(services => services.AddSingleton<TimeProvider>(clock));
        // Only the stepping clock runs out: a busy machine must not stop the second search.
        app.Settings[NewsReader.Web.Search.SearchService.TimeoutSecondsKey] = "120";
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"];
        var random = new Random(7);
        var paragraphs = Enumerable.Range(0, 2000).Select(_ => string.Join(' ', Enumerable.Range(0, 30).Select(_ => words[random.Next(words.Length)])) + ".");
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "long.txt"), "A very long article\n\n" + string.Join("\n\n", paragraphs));
        var client = app.CreateClient();

        clock.Stepping = true;
        var slow = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("a* b* g* d* e* z* t* alpha beta gamma"));
        var page = await HtmlDocument.GetAsync(client, "/search?q=" + Uri.EscapeDataString("a* b* g* d* e* z* t* alpha beta gamma"));
        clock.Stepping = false;
        var next = await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("a* b* g* d* e* z* t* alpha beta gamma"));

        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        var results = await slow.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(results.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("took too long"));
        Assert.Contains("took too long", page.Body!.TextContent);
        Assert.DoesNotContain(next.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("took too long"));
        var hit = Assert.Single(next.GetProperty("articles").EnumerateArray());
        Assert.Contains("<mark>", hit.GetProperty("snippetHtml").GetString());
    }

    [Fact]
    public async Task Five_megabytes_of_one_repeated_word_are_searched_within_the_budget_or_stopped_by_it()
    {
        await using var app = new NewsReaderAppFactory(withSeed: false);
        var clock = new SteppingClock();
        app.Replacements.Add(services => services.AddSingleton<TimeProvider>(clock));
        app.Settings[NewsReader.Web.Search.SearchService.TimeoutSecondsKey] = "20";
        // FTS5's highlight() took six minutes over this text, in one call nothing could interrupt.
        await File.WriteAllTextAsync(Path.Combine(app.SeedsFolder, "words.txt"), "Words\n\n" + string.Concat(Enumerable.Repeat("word ", 1_000_000)));
        var client = app.CreateClient();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var answered = await client.GetFromJsonAsync<JsonElement>("/api/search?q=word");
        var took = watch.Elapsed;
        clock.Stepping = true;
        var stopped = await client.GetFromJsonAsync<JsonElement>("/api/search?q=word");
        clock.Stepping = false;

        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        var hit = Assert.Single(answered.GetProperty("articles").EnumerateArray());
        Assert.Contains("<mark>word</mark>", hit.GetProperty("snippetHtml").GetString());
        Assert.Contains(stopped.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("took too long"));
    }

    /// <summary>A clock on which every reading is an hour after the one before, while stepping.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long ticks = TimeProvider.System.GetTimestamp();

        public bool Stepping { get; set; }

        public override long GetTimestamp() =>
            Stepping ? Interlocked.Add(ref ticks, TimestampFrequency * 3600) : TimeProvider.System.GetTimestamp();
    }
}
