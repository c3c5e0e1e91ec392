using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp;
using CsvHelper;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Exchange;

/// <summary>`GET /api/export` in every format, each checked by a parser of that format.</summary>
public sealed class ExportTests(ExchangeFixture fixture) : IClassFixture<ExchangeFixture>
{
    private const string Slug = AnnotationBuilder.SeedSlug;

    private static async Task<(HttpResponseMessage Response, string Body)> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/export?" + query);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static void AssertDownload(HttpResponseMessage response, string fileName, string mediaType)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Markdown_has_a_heading_then_each_annotation_as_quote_note_tags_and_link()
    {
        var (response, body) = await ExportAsync(fixture.Ada, $"format=markdown&article={Slug}");

        AssertDownload(response, $"{Slug}-{ExchangeFixture.Today}.md", "text/markdown");
        var document = Markdown.Parse(body);
        var heading = Assert.IsType<HeadingBlock>(document[0]);
        Assert.Equal(1, heading.Level);
        Assert.Contains("U.S. President Biden", string.Concat(heading.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
        var quotes = document.OfType<QuoteBlock>().Select(q => string.Concat(q.Descendants<LiteralInline>().Select(l => l.Content.ToString()))).ToList();
        // Document order: "closer relationships" comes before "White House", which comes before "Rose Garden".
        Assert.Equal(["closer relationships", "White House", "Rose Garden"], quotes);
        var links = document.Descendants<LinkInline>().Select(l => l.Url).ToList();
        Assert.Contains($"http://localhost/articles/{Slug}#annotation-{Id(fixture.Tagged)}", links);
        Assert.Contains("#diplomacy #us-japan · colour: blue", body, StringComparison.Ordinal);
        Assert.Contains("A **note** with [a link](https://example.org)", body);
        Assert.DoesNotContain("bob's", body);
    }

    [Fact]
    public async Task JsonLd_collection_page_and_every_annotation_pass_every_W3C_must()
    {
        var (response, body) = await ExportAsync(fixture.Ada, "format=jsonld&include=public");

        AssertDownload(response, $"newsreader-notebook-{ExchangeFixture.Today}.jsonld", "application/ld+json");
        var collection = await W3cValidator.ValidateAsync(body, W3cValidator.CollectionMusts);
        Assert.True(collection.AllMustsPass, string.Join("\n", collection.Failures));
        var json = JsonNode.Parse(body)!;
        Assert.Equal(4, json["total"]!.GetValue<int>());
        var page = json["first"]!.DeepClone().AsObject();
        page["@context"] = "http://www.w3.org/ns/anno.jsonld";
        var pageResult = await W3cValidator.ValidateAsync(page.ToJsonString(), W3cValidator.PageMusts);
        Assert.True(pageResult.AllMustsPass, string.Join("\n", pageResult.Failures));
        Assert.Equal(4, page["items"]!.AsArray().Count);
        // One node process per document: run them side by side.
        var items = await Task.WhenAll(page["items"]!.AsArray().Select(item =>
        {
            var annotation = item!.DeepClone().AsObject();
            annotation["@context"] = "http://www.w3.org/ns/anno.jsonld";
            return W3cValidator.ValidateAsync(annotation.ToJsonString(), W3cValidator.AnnotationMusts);
        }));
        Assert.All(items, result => Assert.True(result.AllMustsPass, string.Join("\n", result.Failures)));
    }

    [Fact]
    public async Task Csv_is_RFC_4180_with_the_named_columns_one_row_per_annotation()
    {
        var (response, body) = await ExportAsync(fixture.Ada, $"format=csv&article={Slug}");

        AssertDownload(response, $"{Slug}-{ExchangeFixture.Today}.csv", "text/csv");
        using var csv = CsvReader.FromText(body);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }
        Assert.Equal(CsvExport.Columns, csv.Headers.ToArray());
        Assert.Equal(3, rows.Count);
        var tagged = rows[0];
        Assert.Equal(Slug, tagged[1]);
        Assert.Equal("closer relationships", tagged[2]);
        Assert.True(int.Parse(tagged[5]) < int.Parse(tagged[6]));
        Assert.Equal("A **note** with [a link](https://example.org)", tagged[7]);
        Assert.Equal("diplomacy, us japan", tagged[8]);
        Assert.Equal(["blue", "private"], tagged[9..11]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", tagged[11]);
        Assert.Equal("anchored", tagged[13]);
        // A note a spreadsheet would run as a formula is escaped.
        Assert.Equal("'=SUM(A1:A9) looks like a formula", rows[1][7]);
        Assert.Contains("\r\n", body);
    }

    [Fact]
    public async Task Html_is_one_self_contained_page_with_highlights_drawn_in_and_notes_below()
    {
        var (response, body) = await ExportAsync(fixture.Ada, $"format=html&article={Slug}");

        AssertDownload(response, $"{Slug}-{ExchangeFixture.Today}.html", "text/html");
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(body));
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Empty(document.QuerySelectorAll("link, img, iframe, [style*='url(']"));
        Assert.Single(document.QuerySelectorAll("head style"));
        Assert.Contains("@media print", document.QuerySelector("style")!.TextContent);
        var mark = document.GetElementById($"annotation-{Id(fixture.Tagged)}");
        Assert.NotNull(mark);
        Assert.Equal("closer relationships", mark!.TextContent);
        Assert.Contains("hl-blue", mark.ClassName);
        var notes = document.QuerySelectorAll(".notes li");
        Assert.Equal(3, notes.Length);
        Assert.Equal("note", notes[0].QuerySelector("strong")!.TextContent);
        Assert.Contains("#diplomacy", notes[0].TextContent);
        Assert.Contains("Biden", document.QuerySelector("article")!.TextContent);
    }

    [Fact]
    public async Task Others_public_annotations_come_only_when_asked_and_private_ones_never()
    {
        var (_, mine) = await ExportAsync(fixture.Ada, "format=csv");
        var (response, withPublic) = await ExportAsync(fixture.Ada, "format=csv&include=public");

        AssertDownload(response, $"newsreader-notebook-{ExchangeFixture.Today}.csv", "text/csv");
        Assert.DoesNotContain("bob's", mine);
        Assert.Contains("bob's public note", withPublic);
        Assert.DoesNotContain("bob's private note", withPublic);
    }

    [Theory]
    [InlineData("format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("format=csv&include=everything", HttpStatusCode.BadRequest)]
    [InlineData("format=csv&article=no-such-article", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_problem_details(string query, HttpStatusCode status)
    {
        var (response, body) = await ExportAsync(fixture.Ada, query);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Export_needs_an_account()
    {
        var response = await fixture.App.CreateClient().GetAsync("/api/export?format=csv");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string Id(JsonElement annotation) => annotation.GetProperty("id").GetString()!.Split('/')[^1];

    [Fact]
    public async Task Hostile_cells_and_raw_html_are_escaped_in_csv_and_markdown()
    {
        var eve = await ApiUsers.RegisterAsync(fixture.App, "eve-export@example.org");
        var formula = await new AnnotationBuilder().Quote("Rose Garden").Note(" \n=HYPERLINK(\"https://evil.example\")").CreateAsync(eve);
        var html = await new AnnotationBuilder().Quote("White House").Note("<img src=x onerror=alert(1)>").Public().CreateAsync(eve);
        var (_, csvText) = await ExportAsync(eve, "format=csv");
        var (_, markdown) = await ExportAsync(fixture.Ada, "format=markdown&include=public");
        // The fixture is shared: the other tests count public annotations.
        Assert.Equal(HttpStatusCode.NoContent, (await eve.DeleteAsync(html.IdPath())).StatusCode);
        await eve.DeleteAsync(formula.IdPath());

        using var reader = CsvHelper.CsvReader.FromText(csvText);
        var notes = new List<string>();
        while (reader.Read())
        {
            notes.Add(reader[7].ToString());
        }
        Assert.Contains(notes, n => n.StartsWith("' \n=HYPERLINK", StringComparison.Ordinal));
        Assert.Contains("\\<img src=x onerror=alert(1)\\>", markdown);
        Assert.DoesNotContain("<img", markdown.Replace("\\<img", ""));
    }
}
