using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Exchange;

/// <summary>`POST /api/import`: Hypothesis and W3C files, duplicates, orphans and broken input.</summary>
public sealed class ImportTests(ExchangeFixture fixture) : IClassFixture<ExchangeFixture>
{
    private static readonly string HypothesisFixture =
        Path.Combine(RepoPaths.Root, "tests", "NewsReader.Web.Tests", "Exchange", "Fixtures", "hypothesis-search.json");

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> ImportAsync(HttpClient client, HttpContent content, string path = "/api/import")
    {
        var response = await client.PostAsync(path, content);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpClient> NewUserAsync() => await ApiUsers.RegisterAsync(fixture.App, $"{Guid.NewGuid():N}@example.org");

    private static async Task<int> CountAsync(HttpClient client)
    {
        var csv = await client.GetStringAsync("/api/export?format=csv");
        using var reader = CsvHelper.CsvReader.FromText(csv);
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }
        return rows;
    }

    [Fact]
    public async Task A_Hypothesis_search_result_is_matched_by_source_url_anchored_and_orphans_kept()
    {
        var reader = await NewUserAsync();
        var file = await File.ReadAllTextAsync(HypothesisFixture);

        // The file is the reader's own Hypothesis export, and they say which account is theirs.
        var (response, summary) = await ImportAsync(reader, Json(file), "/api/import?hypothesisAccount=acct:reader@hypothes.is");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://courier.example/travel/night-trains-alps", fixture.PostSourceUrl);
        Assert.Equal(2, summary.GetProperty("imported").GetInt32());
        // The stored position (400-462) was another page's: the quote is found elsewhere, so it moved.
        Assert.Equal(1, summary.GetProperty("moved").GetInt32() + summary.GetProperty("anchored").GetInt32());
        Assert.Equal(1, summary.GetProperty("orphaned").GetInt32());
        Assert.Equal(2, summary.GetProperty("skipped").GetInt32());
        Assert.Equal(0, summary.GetProperty("duplicates").GetInt32());
        var errors = summary.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("index").GetInt32()));
        Assert.Contains("TextQuoteSelector", errors[0].GetProperty("reason").GetString());
        Assert.Contains("elsewhere.example", errors[1].GetProperty("reason").GetString());

        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/annotations?article={fixture.PostSlug}");
        var items = list.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        var placed = items.Single(i => i.GetProperty("anchorStatus").GetString() != "orphaned");
        Assert.Equal("once flights were taxed by distance", placed.GetProperty("target").GetProperty("selector")[0].GetProperty("exact").GetString());
        var bodies = placed.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("Demand driven by **flight taxes**.", bodies[0].GetProperty("value").GetString());
        Assert.Equal(["rail", "climate policy"], bodies.Skip(1).Select(b => b.GetProperty("value").GetString()));
        Assert.Equal("public", placed.GetProperty("visibility").GetString());
        Assert.Equal("2024-04-11T08:15:02Z", placed.GetProperty("created").GetString());
        Assert.Equal("2024-04-12T10:00:00Z", placed.GetProperty("modified").GetString());
        var orphan = items.Single(i => i.GetProperty("anchorStatus").GetString() == "orphaned");
        Assert.Equal("private", orphan.GetProperty("visibility").GetString());

        var (_, again) = await ImportAsync(reader, Json(file));
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, await CountAsync(reader));
    }

    [Fact]
    public async Task A_single_W3C_annotation_without_an_id_is_a_duplicate_by_its_target_and_body()
    {
        var reader = await NewUserAsync();
        var annotation = new AnnotationBuilder().Quote("Rose Garden").Note("imported").Tag("x").Color("green").Build().ToJsonString();

        var (_, first) = await ImportAsync(reader, new StringContent(annotation, Encoding.UTF8, "application/ld+json"));
        var (_, second) = await ImportAsync(reader, new StringContent(annotation, Encoding.UTF8, "application/ld+json"));

        Assert.Equal(1, first.GetProperty("anchored").GetInt32());
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(1, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, await CountAsync(reader));
    }

    [Fact]
    public async Task Reimporting_my_own_export_adds_nothing()
    {
        var export = await fixture.Ada.GetStringAsync("/api/export?format=jsonld");

        var (_, summary) = await ImportAsync(fixture.Ada, Json(export));

        Assert.Equal(0, summary.GetProperty("imported").GetInt32());
        Assert.Equal(3, summary.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task A_collection_with_linked_in_pages_is_followed_page_by_page()
    {
        var reader = await NewUserAsync();
        JsonObject Page(string id, string? next, string quote)
        {
            var page = new JsonObject
            {
                ["id"] = id, ["type"] = "AnnotationPage",
                ["items"] = new JsonArray(new AnnotationBuilder().Quote(quote).Build()),
            };
            if (next is not null) page["next"] = next;
            return page;
        }
        var graph = new JsonArray(
            new JsonObject { ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["id"] = "urn:c", ["type"] = "AnnotationCollection", ["total"] = 2, ["first"] = "urn:p1", ["last"] = "urn:p2" },
            Page("urn:p1", "urn:p2", "Rose Garden"),
            Page("urn:p2", null, "White House"));

        var (response, summary) = await ImportAsync(reader, Json(graph.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, summary.GetProperty("anchored").GetInt32());
    }

    [Theory]
    [InlineData("this is not json", "Not JSON")]
    [InlineData("{\"type\": \"Bookmark\"}", "Not an annotation file")]
    [InlineData("42", "Not an annotation file")]
    [InlineData("{\"type\": \"AnnotationCollection\", \"total\": 3}", "Not an annotation file")]
    public async Task A_file_that_is_no_annotation_file_is_a_400_problem(string body, string title)
    {
        var (response, problem) = await ImportAsync(fixture.Ada, Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Rows_without_target_or_quote_are_listed_as_errors_and_the_rest_imported()
    {
        var reader = await NewUserAsync();
        var good = new AnnotationBuilder().Quote("closer relationships").Build();
        var items = new JsonArray(
            new JsonObject { ["type"] = "Annotation", ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = "no target" } },
            good,
            new JsonObject { ["type"] = "Annotation", ["target"] = new JsonObject { ["source"] = "http://localhost/articles/" + AnnotationBuilder.SeedSlug } },
            "not an object");
        var page = new JsonObject { ["@context"] = "http://www.w3.org/ns/anno.jsonld", ["type"] = "AnnotationPage", ["items"] = items };

        var (response, summary) = await ImportAsync(reader, Json(page.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, summary.GetProperty("imported").GetInt32());
        Assert.Equal(3, summary.GetProperty("skipped").GetInt32());
        Assert.Equal([0, 2, 3], summary.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task A_20_MB_body_is_refused_whole_with_413()
    {
        var reader = await NewUserAsync();
        var note = new string('x', 20 * 1024 * 1024);
        var body = new AnnotationBuilder().Quote("Rose Garden").Note(note).Build().ToJsonString();

        var (response, problem) = await ImportAsync(reader, Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("16 MB", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(reader));
    }

    [Fact]
    public async Task A_streamed_body_of_unknown_length_is_cut_at_the_limit()
    {
        var reader = await NewUserAsync();
        var content = new StreamContent(new RepeatingStream("[" + new string(' ', 1000), 17 * 1024 * 1024));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await reader.PostAsync("/api/import", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_hundred_thousand_rows_are_refused_and_nothing_is_half_imported()
    {
        var reader = await NewUserAsync();
        // Ten real rows first, then tiny ones: under the size limit, over the row limit.
        var json = new StringBuilder("{\"total\":100000,\"rows\":[");
        for (var i = 0; i < 100_000; i++)
        {
            json.Append(i == 0 ? "" : ",");
            json.Append(i < 10
                ? $"{{\"uri\":\"http://localhost/articles/{AnnotationBuilder.SeedSlug}\",\"text\":\"{i}\",\"target\":[{{\"selector\":[{{\"type\":\"TextQuoteSelector\",\"exact\":\"Rose Garden\"}}]}}]}}"
                : $"{{\"uri\":\"u{i}\"}}");
        }
        json.Append("]}");

        var (response, problem) = await ImportAsync(reader, Json(json.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("50,000", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(reader));
    }

    [Fact]
    public async Task Import_needs_an_account()
    {
        var response = await fixture.App.CreateClient().PostAsync("/api/import", Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e30")]
    [InlineData("99999999999")]
    [InlineData("-1e30")]
    public async Task A_total_that_is_no_int_is_read_as_a_number(string total)
    {
        var reader = await NewUserAsync();

        var (response, problem) = await ImportAsync(reader, Json($"{{\"type\": \"AnnotationCollection\", \"total\": {total}}}"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {problem}");
        Assert.Equal(0, await CountAsync(reader));
    }

    public static TheoryData<string> LoneSurrogates => new()
    {
        """{"type":"Annotation","body":{"type":"TextualBody","value":"note \ud800"},"target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"type":"Annotation","target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose \udc00Garden"}}}""",
        """{"type":"Annotation","target":{"source":"http://localhost/articles/SLUG\ud800","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"type":"Annotation","id":"urn:\ud800","target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"type":"Annotation\ud800","target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"type":"Annotation","created":"2024\ud800","target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","prefix":"\udfff","exact":"Rose Garden"}}}""",
        """{"type":"Annotation","body":[{"type":"TextualBody","purpose":"tagging","value":"\ud83d"}],"target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"type":"Annotation","x\ud800":1,"target":{"source":"http://localhost/articles/SLUG","selector":{"type":"TextQuoteSelector","exact":"Rose Garden"}}}""",
        """{"total":1,"rows":[{"uri":"http://localhost/articles/SLUG","text":"\ud800","tags":["\udc00"],"target":[{"selector":[{"type":"TextQuoteSelector","exact":"Rose Garden"}]}]}]}""",
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates))]
    public async Task A_lone_surrogate_anywhere_is_a_400_and_nothing_is_imported(string file)
    {
        var reader = await NewUserAsync();

        var (response, problem) = await ImportAsync(reader, Json(file.Replace("SLUG", AnnotationBuilder.SeedSlug)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Not valid Unicode", problem.GetProperty("title").GetString());
        Assert.Equal(0, await CountAsync(reader));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/octet-stream")]
    [InlineData(null)]
    public async Task Any_content_type_is_taken(string? mediaType)
    {
        var reader = await NewUserAsync();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new AnnotationBuilder().Quote("Rose Garden").Build().ToJsonString()));
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        var (response, summary) = await ImportAsync(reader, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, summary.GetProperty("imported").GetInt32());
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public async Task A_byte_order_mark_is_taken(string encoding)
    {
        var reader = await NewUserAsync();
        var chosen = Encoding.GetEncoding(encoding);
        var bytes = chosen.GetPreamble().Concat(chosen.GetBytes(new AnnotationBuilder().Quote("Rose Garden").Build().ToJsonString())).ToArray();

        var (response, summary) = await ImportAsync(reader, new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, summary.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task Dates_in_the_future_are_clamped_to_now()
    {
        var reader = await NewUserAsync();
        var annotation = new AnnotationBuilder().Quote("Rose Garden").Build();
        annotation["created"] = "9999-12-31T00:00:00Z";
        annotation["modified"] = "9999-12-31T23:59:59Z";

        var (response, _) = await ImportAsync(reader, Json(annotation.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await reader.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        var items = list.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("created").GetDateTime() <= DateTime.UtcNow.AddMinutes(1)));
        Assert.All(items, i => Assert.True(i.GetProperty("modified").GetDateTime() <= DateTime.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Notes_nested_too_deep_for_markdown_are_imported_as_text()
    {
        var reader = await NewUserAsync();
        var items = new JsonArray(
            new AnnotationBuilder().Quote("Rose Garden").Note(string.Concat(Enumerable.Repeat("> ", 200))).Build(),
            new AnnotationBuilder().Quote("White House").Note(new string('[', 3000)).Build());

        var (response, summary) = await ImportAsync(reader, Json(new JsonObject { ["type"] = "AnnotationPage", ["items"] = items }.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, summary.GetProperty("imported").GetInt32());
    }

    /// <summary>A body that repeats a text up to a length, without a Content-Length.</summary>
    private sealed class RepeatingStream(string text, long length) : Stream
    {
        private readonly byte[] chunk = Encoding.UTF8.GetBytes(text);
        private long position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(Math.Min(count, chunk.Length), length - position);
            Array.Copy(chunk, 0, buffer, offset, Math.Max(n, 0));
            position += Math.Max(n, 0);
            return Math.Max(n, 0);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
