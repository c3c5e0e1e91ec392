using System.Text;

namespace NewsReader.Web.Tests.Library.Ingestion;

/// <summary>Small source files in the shapes of real ones, written for these tests.</summary>
public static class SourceSamples
{
    public const string WireStory = """
        Harbour strike ends after three weeks

        ROTTERDAM, Netherlands (Reuters) - Dock workers at Europe's largest port voted on Tuesday to end a three-week strike that had left hundreds of containers stranded on the quays.

        The union said members had accepted a pay offer of 4.5 percent over two years, after talks that ran through the night.

        Shipping lines had diverted vessels to Antwerp and Hamburg during the stoppage, and port officials said it would take at least ten days to clear the backlog.
        """;

    public const string MarkdownPost = """
        ---
        title: "Night trains return to the Alps"
        author: Clara Vogt
        published: 2026-03-14T07:30:00Z
        source: The Alpine Courier
        url: https://courier.example/travel/night-trains-alps?utm_source=feed
        tags: [rail, travel]
        language: en
        ---

        After a decade without them, sleeper services are running again between Zurich and Vienna.

        ## What changed

        Operators say demand rose sharply once flights were taxed by distance:

        - cabins sold out for the winter season
        - two extra carriages were added in February

        > "People want to wake up in the mountains," said one conductor.
        """;

    public const string ArticlePage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Library reopens after flood repairs | The Riverside Gazette</title>
          <link rel="canonical" href="https://gazette.example/news/library-reopens">
          <meta property="og:site_name" content="The Riverside Gazette">
          <meta name="author" content="Tom Okafor">
          <meta property="article:published_time" content="2026-02-02T09:15:00+00:00">
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
          <main>
            <article>
              <h1>Library reopens after flood repairs</h1>
              <p>The central library opened its doors again on Monday, eighteen months after floodwater ruined its ground floor and most of its children's collection.</p>
              <p>Volunteers spent the autumn cataloguing donated books, and the council says more than twelve thousand titles are now back on the shelves for readers of every age.</p>
              <h2>A new reading room</h2>
              <p>The repaired building has a reading room on the first floor, raised above the level the river reached, with space for forty readers and a local history archive.</p>
              <p>Staff said the first visitors queued before eight in the morning, many of them children returning books borrowed before the flood closed the building.</p>
            </article>
          </main>
          <footer>Copyright The Riverside Gazette. <a href="/privacy">Privacy</a></footer>
        </body>
        </html>
        """;

    /// <summary>An RSS 2.0 feed whose items carry their full text in content:encoded.</summary>
    public static string Rss(params (string Guid, string Title, string Body)[] items) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Valley Post</title>
            <link>https://valley.example/</link>
            <description>News from the valley</description>
            <language>en</language>
            {string.Concat(items.Select(i => $"""
            <item>
              <title>{i.Title}</title>
              <link>https://valley.example/{i.Guid}</link>
              <guid isPermaLink="false">{i.Guid}</guid>
              <dc:creator>Valley Post staff</dc:creator>
              <pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
              <description>{i.Title}</description>
              <content:encoded><![CDATA[<p>{i.Body}</p><p>More follows from the valley desk, where reporters are gathering further detail on the story for later editions.</p>]]></content:encoded>
            </item>
            """))}
          </channel>
        </rss>
        """;

    public const string AtomFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Field Notes</title>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <updated>2026-01-10T18:30:02Z</updated>
          <entry>
            <title>Swifts arrive early this spring</title>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <link href="https://fieldnotes.example/swifts-early"/>
            <updated>2026-01-10T18:30:02Z</updated>
            <author><name>Ana Lindqvist</name></author>
            <content type="html">&lt;p&gt;Birdwatchers along the coast counted the first swifts nine days earlier than the average of the last thirty years.&lt;/p&gt;&lt;p&gt;Ornithologists link the change to warmer winds over the Bay of Biscay in late April.&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    /// <summary>Text with curly quotes, an en dash and an accent, in Windows-1252 bytes.</summary>
    public static byte[] Windows1252Story()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(
            "Café owners protest new rules\n\nThe owners of the “Café du Port” say the rules – which take effect in May – will cost them their terraces.\n\nThe council says it will listen.");
    }
}
