using System.Net;
using System.Text.RegularExpressions;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>An annotation's marks as a reader's page of the seed article draws them.</summary>
public static partial class ReaderPageMarks
{
    /// <summary>The colour of each mark of the annotation on the reader's page.</summary>
    public static async Task<List<string>> ColoursAsync(HttpClient reader, string id) =>
        Marks(await PageAsync(reader), id).Select(m => m.Groups["colour"].Value).Distinct().ToList();

    /// <summary>The text inside the annotation's marks on the reader's page.</summary>
    public static async Task<string> TextAsync(HttpClient reader, string id) =>
        string.Concat(Marks(await PageAsync(reader), id).Select(m => m.Groups["text"].Value));

    private static async Task<string> PageAsync(HttpClient reader)
    {
        var response = await reader.GetAsync($"/articles/{AnnotationBuilder.SeedSlug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<Match> Marks(string page, string id) =>
        MarkPattern().Matches(page).Where(m => m.Groups["id"].Value == id);

    [GeneratedRegex("""<mark class="hl hl-(?<colour>[a-z]+)" data-annotation-id="(?<id>[0-9a-f-]+)"[^>]*>(?<text>[^<]*)""")]
    private static partial Regex MarkPattern();
}
