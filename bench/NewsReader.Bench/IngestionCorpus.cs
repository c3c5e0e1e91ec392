using System.Globalization;
using System.Text;

/// <summary>
/// Writes a mixed library of source files for the ingestion benchmark: wire stories in plain
/// text (half of them), Markdown posts with front matter, HTML article pages and RSS feeds of
/// five items, in nested folders, each with its own words so none is a duplicate.
/// </summary>
internal static class IngestionCorpus
{
    private const int FeedItems = 5;

    /// <summary>Writes <paramref name="count"/> files and says how many of each kind.</summary>
    public static string Write(string folder, int count, Random random)
    {
        var kinds = new int[4];
        for (var i = 0; i < count; i++)
        {
            var kind = (i % 10) switch { < 5 => 0, < 7 => 1, < 9 => 2, _ => 3 };
            kinds[kind]++;
            var sub = Directory.CreateDirectory(Path.Combine(folder, $"batch-{i / 250:D3}")).FullName;
            var (name, content) = kind switch
            {
                0 => ($"wire-{i:D5}.txt", WireStory(i, random)),
                1 => ($"post-{i:D5}.md", MarkdownPost(i, random)),
                2 => ($"page-{i:D5}.html", HtmlPage(i, random)),
                _ => ($"feed-{i:D5}.xml", Feed(i, random)),
            };
            File.WriteAllText(Path.Combine(sub, name), content, new UTF8Encoding(false));
        }
        return $"{kinds[0]} plain text, {kinds[1]} Markdown, {kinds[2]} HTML, {kinds[3]} RSS of {FeedItems} items";
    }

    private static string WireStory(int n, Random random) =>
        $"{Headline(n, random)}\n\nLONDON (Reuters) - {string.Join("\n\n", Paragraphs(random, 8))}\n";

    private static string MarkdownPost(int n, Random random) =>
        $"""
        ---
        title: "{Headline(n, random)}"
        author: Bench Writer {n}
        published: 2026-03-{1 + n % 28:D2}T08:00:00Z
        source: Bench Courier
        url: https://courier.example/{n}
        tags: [bench, news]
        ---

        {string.Join("\n\n", Paragraphs(random, 4))}

        ## {Headline(n + 1, random)}

        {string.Join("\n\n", Paragraphs(random, 4))}
        """;

    private static string HtmlPage(int n, Random random) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Headline(n, random)} | Bench Gazette</title>
        <link rel="canonical" href="https://gazette.example/story/{n}">
        <meta property="og:site_name" content="Bench Gazette"><meta name="author" content="Reporter {n}">
        <meta property="article:published_time" content="2026-02-{1 + n % 28:D2}T09:00:00Z"></head>
        <body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <main><article><h1>{Headline(n, random)}</h1>
        {string.Concat(Paragraphs(random, 8).Select(p => $"<p>{p}</p>\n"))}
        </article></main><footer><a href="/privacy">Privacy</a></footer></body></html>
        """;

    private static string Feed(int n, Random random)
    {
        var items = Enumerable.Range(0, FeedItems).Select(i => $"""
            <item><title>{Headline(n * 10 + i, random)}</title><link>https://valley.example/{n}/{i}</link>
            <guid isPermaLink="false">bench-{n}-{i}</guid><pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
            <content:encoded><![CDATA[{string.Concat(Paragraphs(random, 4).Select(p => $"<p>{p}</p>"))}]]></content:encoded></item>
            """);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
            <title>Bench Valley Post {n}</title><link>https://valley.example/</link><description>Bench feed</description>
            {string.Join("\n", items)}
            </channel></rss>
            """;
    }

    private static string Headline(int n, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"Story {n}: {Capitalised(Words(random, 6))}");

    private static IEnumerable<string> Paragraphs(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => string.Join(' ', Enumerable.Range(0, 3).Select(_ => Capitalised(Words(random, 14)) + ".")));

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)]));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
