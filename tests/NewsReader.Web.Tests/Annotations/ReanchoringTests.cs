using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>A new revision of an article re-anchors every annotation on it, in the ingestion transaction.</summary>
public sealed class ReanchoringTests : IAsyncLifetime
{
    private readonly NewsReaderAppFactory app = new();
    private HttpClient ada = null!;

    public async Task InitializeAsync() => ada = await ApiUsers.RegisterAsync(app, "ada@example.org");

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Edits_before_inside_and_after_quotes_shift_change_or_orphan_them_and_nothing_is_dropped()
    {
        var untouched = await new AnnotationBuilder().Quote("Japanese astronauts will participate").CreateAsync(ada);
        var shifted = await new AnnotationBuilder().Quote("Rose Garden").CreateAsync(ada);
        var editedInside = await new AnnotationBuilder().Quote("the most important Asian allies and the largest foreign direct investment sources").CreateAsync(ada);
        var deleted = await new AnnotationBuilder().Quote(GoneParagraph).CreateAsync(ada);
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        var source = await File.ReadAllTextAsync(seed);
        var revised = source
            .Replace("Bayon and Kishida held", "In a long-awaited meeting, Bayon and Kishida held")
            .Replace("the largest foreign direct investment sources", "the largest direct investment sources")
            .Replace(GoneParagraph + ".\n\n", "")
            .Replace("NASA.", "NASA, the agency said.");
        Assert.NotEqual(source, revised);
        await File.WriteAllTextAsync(seed, revised);

        await app.IngestAsync();

        var text = (await ada.GetFromJsonAsync<JsonElement>($"/api/articles/{AnnotationBuilder.SeedSlug}")).GetProperty("text").GetString()!;
        var afterShift = await GetAsync(shifted);
        // Shifted by an insertion before it, the words are unchanged: anchored, not moved.
        Assert.Equal("anchored", afterShift.GetProperty("anchorStatus").GetString());
        Assert.Equal("Rose Garden", Slice(text, afterShift));
        Assert.Equal(2, afterShift.GetProperty("revision").GetInt32());

        var afterInside = await GetAsync(editedInside);
        Assert.Equal("changed", afterInside.GetProperty("anchorStatus").GetString());
        Assert.Equal("the most important Asian allies and the largest direct investment sources", Slice(text, afterInside));
        // The old quote is kept for display.
        Assert.Equal("the most important Asian allies and the largest foreign direct investment sources", afterInside.Selector("TextQuoteSelector").GetProperty("exact").GetString());

        var afterUntouched = await GetAsync(untouched);
        Assert.Equal("Japanese astronauts will participate", Slice(text, afterUntouched));

        var orphan = await GetAsync(deleted);
        Assert.Equal("orphaned", orphan.GetProperty("anchorStatus").GetString());
        Assert.DoesNotContain(orphan.GetProperty("target").GetProperty("selector").EnumerateArray(), s => s.GetProperty("type").GetString() == "TextPositionSelector");
        Assert.Equal(GoneParagraph, orphan.Selector("TextQuoteSelector").GetProperty("exact").GetString());

        var collection = await ada.GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");
        Assert.Equal(4, collection.GetProperty("total").GetInt32());

        var page = await HtmlDocument.GetAsync(ada, $"/articles/{AnnotationBuilder.SeedSlug}");
        Assert.Contains("Taiwan thanked the heads of state", page.QuerySelector(".orphans")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll(".reader-body mark[id^=annotation-]").Length);
        // A link to the orphan (from search, say) lands on its entry in the list.
        Assert.NotNull(page.QuerySelector($".orphans li#annotation-{orphan.IdPath().Split('/').Last()}"));
    }

    [Fact]
    public async Task An_orphan_can_be_reattached_to_new_text()
    {
        var annotation = await new AnnotationBuilder().Quote(GoneParagraph).Note("keep me").CreateAsync(ada);
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace(GoneParagraph + ".\n\n", ""));
        await app.IngestAsync();
        Assert.Equal("orphaned", (await GetAsync(annotation)).GetProperty("anchorStatus").GetString());

        var reattached = await ada.PutAsJsonAsync(annotation.IdPath(), new AnnotationBuilder().Quote("Japanese astronauts will participate").Note("keep me").Build());

        var body = await reattached.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("anchored", body.GetProperty("anchorStatus").GetString());
        Assert.Equal("keep me", body.GetProperty("body")[0].GetProperty("value").GetString());
    }

    // Short quotes find a fuzzy home almost anywhere (Hypothesis accepts up to half the quote
    // in errors), so the quote that must orphan is a whole paragraph that disappears.
    private const string GoneParagraph = "Taiwan thanked the heads of state of the United States and Japan for their continued publicity in the publicity and stability of the Taiwan Strait in the publicity and stability of the Taiwan Strait";

    private async Task<JsonElement> GetAsync(JsonElement annotation) => await ada.GetFromJsonAsync<JsonElement>(annotation.IdPath());

    private static string Slice(string text, JsonElement annotation)
    {
        var position = annotation.Selector("TextPositionSelector");
        return text[position.GetProperty("start").GetInt32()..position.GetProperty("end").GetInt32()];
    }
}
