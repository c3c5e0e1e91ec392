using AngleSharp;
using AngleSharp.Dom;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>Parses a response body into a DOM, as a browser would see it.</summary>
public static class HtmlDocument
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await ParseAsync(response);
    }
}
