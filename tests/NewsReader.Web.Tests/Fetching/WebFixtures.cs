namespace NewsReader.Web.Tests.Fetching;

/// <summary>Pages and feeds written for these tests, in the shapes real sites serve.</summary>
public static class WebFixtures
{
    /// <summary>A plain-text story: the format every extractor reads the same way.</summary>
    public static string TextStory(string title, string marker = "") => $"""
        {title}

        LISBON (Reuters) - The city council approved a plan on Monday to plant four thousand trees along the river front by the end of next year{marker}.

        Engineers said the new shade would lower the temperature of the pavements by several degrees during the summer months.

        Residents who spoke at the meeting asked for benches and drinking fountains to be added along the same walk.
        """;

    /// <summary>A filler paragraph of about sixty words, so a feed item can pass the summary threshold.</summary>
    public const string LongParagraph =
        "The river ferries carried more passengers this spring than in any season since records began, and the operators said the rise came " +
        "from commuters who had given up on the crowded bridge. Timetables will add a boat every quarter hour at the busiest times, and two " +
        "older vessels will be replaced by electric ones before the autumn, according to the transport office.";
}

/// <summary>RSS and Atom feeds and HTML pages built for the feed tests.</summary>
public static class FeedFixtures
{
    /// <summary>A paragraph repeated until the item has well over 150 words: full content.</summary>
    public static string FullBody(string lead) =>
        $"<p>{lead}</p><p>{WebFixtures.LongParagraph}</p><p>{WebFixtures.LongParagraph}</p><p>{WebFixtures.LongParagraph}</p>";

    public sealed record Item(string Guid, string Title, string Link, string? Summary = null, string? FullHtml = null);

    public static string Rss(string title, string siteUrl, params Item[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>{title}</title>
            <link>{siteUrl}</link>
            <description>Test feed</description>
            {string.Concat(items.Select(i => $"""
            <item>
              <title>{i.Title}</title>
              <link>{i.Link}</link>
              <guid isPermaLink="false">{i.Guid}</guid>
              {(i.Summary is null ? "" : $"<description>{i.Summary}</description>")}
              {(i.FullHtml is null ? "" : $"<content:encoded><![CDATA[{i.FullHtml}]]></content:encoded>")}
            </item>
            """))}
          </channel>
        </rss>
        """;

    public static string Atom(string title, params Item[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>{title}</title>
          <id>urn:test:{title.Replace(' ', '-')}</id>
          <updated>2026-11-30T08:00:00Z</updated>
          {string.Concat(items.Select(i => $"""
          <entry>
            <title>{i.Title}</title>
            <id>{i.Guid}</id>
            <link href="{i.Link}"/>
            <updated>2026-11-30T08:00:00Z</updated>
            {(i.FullHtml is null ? "" : $"<content type=\"html\"><![CDATA[{i.FullHtml}]]></content>")}
            {(i.Summary is null ? "" : $"<summary>{i.Summary}</summary>")}
          </entry>
          """))}
        </feed>
        """;

    public static string Page(string title, string paragraph, string? canonical = null) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{title} | Harbour Gazette</title>{(canonical is null ? "" : $"<link rel=\"canonical\" href=\"{canonical}\">")}</head>
        <body>
          <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
          <article>
            <h1>{title}</h1>
            <p>{paragraph}</p>
            <p>{WebFixtures.LongParagraph}</p>
            <p>Officials will publish the full figures at the end of the month, together with the plans for the winter timetable.</p>
          </article>
          <footer>Copyright Harbour Gazette</footer>
        </body>
        </html>
        """;
}
