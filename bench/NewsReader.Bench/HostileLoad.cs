using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// `load --hostile`: beside load's writers, one more reader imports a 16 MB annotation file
/// (`POST /api/import`, a new file each round) and another follows a 5 MB feed that a
/// <see cref="LocalSite"/> serves with new items on every fetch (`POST /api/feeds/{id}/refresh`,
/// round after round), both until the writers are done; the round running then is waited for.
/// `--beside import` or `--beside feed` runs only one of the two.
/// The app must be allowed to fetch from loopback (`--NewsReader:Fetch:AllowPrivateNetworks=true`).
/// Adds to load's JSON the rounds, their seconds, their statuses and their 5xx.
/// </summary>
internal sealed class HostileLoad
{
    /// <summary>Just under the import's 16 MiB limit.</summary>
    public const int ImportBytes = 16_000_000;

    /// <summary>Just under the fetcher's 5 MiB limit.</summary>
    public const int FeedBytes = 5_000_000;

    private readonly CancellationTokenSource stop = new();
    private readonly List<(string Kind, int Status, double Seconds)> rounds = [];
    private Task? importing;
    private Task? following;
    private LocalSite? site;

    /// <summary>Registers the two readers, starts the site and both loops; they run until <see cref="StopAsync"/>.</summary>
    public static async Task<HostileLoad> StartAsync(HttpMessageHandler handler, Uri baseUrl)
    {
        var load = new HostileLoad();
        var run = Guid.NewGuid().ToString("N")[..8];
        var importer = LoadCommand.Client(handler, baseUrl, await LoadCommand.TokenAsync(handler, baseUrl, $"importer-{run}@example.org"));
        var follower = LoadCommand.Client(handler, baseUrl, await LoadCommand.TokenAsync(handler, baseUrl, $"follower-{run}@example.org"));
        // A paced 16 MB import on a loaded machine takes minutes: longer than HttpClient's 100 s.
        importer.Timeout = follower.Timeout = TimeSpan.FromMinutes(10);
        load.site = await LocalSite.StartAsync();
        // An article of its own, saved from the site: the writers' page would otherwise carry every imported row.
        var page = load.site.Serve("/article.html", "text/html", () => Page(run));
        var (slug, text) = await SavedArticleAsync(importer, page);
        var feedRound = 0;
        var feedUrl = load.site.Serve("/feed.xml", "application/rss+xml", () => Feed(run, Interlocked.Increment(ref feedRound)));
        // `--beside import` or `--beside feed` runs one of the two, to tell their costs apart.
        var args = Environment.GetCommandLineArgs();
        var beside = Array.IndexOf(args, "--beside") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : "import,feed";
        Console.WriteLine($"beside the writers ({beside}): a {ImportBytes / 1_000_000} MB import into '{slug}' and a {FeedBytes / 1_000_000} MB feed at {feedUrl}, round after round");
        load.importing = beside.Contains("import", StringComparison.Ordinal) ? load.ImportLoopAsync(importer, baseUrl, slug, text, run) : Task.CompletedTask;
        load.following = beside.Contains("feed", StringComparison.Ordinal) ? load.FeedLoopAsync(follower, feedUrl) : Task.CompletedTask;
        return load;
    }

    /// <summary>Lets the running rounds finish, starts no more, and gives the figures for load's JSON.</summary>
    public async Task<JsonObject> StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(importing!, following!);
        await site!.DisposeAsync();
        var figures = new JsonObject();
        foreach (var kind in new[] { "import", "feed" })
        {
            var mine = rounds.Where(r => r.Kind == kind).ToList();
            figures[$"{kind}Rounds"] = mine.Count;
            figures[$"{kind}Seconds"] = new JsonArray(mine.Select(r => (JsonNode)Math.Round(r.Seconds, 1)).ToArray());
            figures[$"{kind}Statuses"] = string.Join(",", mine.Select(r => r.Status).Distinct().Order());
        }
        figures["besideErrors5xx"] = rounds.Count(r => r.Status >= 500);
        return figures;
    }

    private async Task ImportLoopAsync(HttpClient importer, Uri baseUrl, string slug, string text, string run)
    {
        for (var round = 1; !stop.IsCancellationRequested; round++)
        {
            var file = ImportFile(new Uri(baseUrl, $"articles/{slug}").ToString(), text, $"{run}-{round}");
            using var content = new ByteArrayContent(file);
            content.Headers.ContentType = new("application/ld+json");
            await TimedAsync("import", () => importer.PostAsync("api/import", content), response =>
                response.IsSuccessStatusCode ? $"{Imported(response)} rows" : response.StatusCode.ToString());
        }
    }

    private async Task FeedLoopAsync(HttpClient follower, string feedUrl)
    {
        int? feedId = null;
        await TimedAsync("feed", () => follower.PostAsJsonAsync("api/feeds", new { url = feedUrl }), response =>
        {
            if (response.IsSuccessStatusCode)
            {
                feedId = response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("id").GetInt32();
            }
            return "subscribed";
        });
        while (feedId is { } id && !stop.IsCancellationRequested)
        {
            await TimedAsync("feed", () => follower.PostAsync($"api/feeds/{id}/refresh", null), response => "refreshed");
            // A 409 (the poller has it) or a refusal comes back at once: pause rather than spin.
            await Task.Delay(200, CancellationToken.None);
        }
    }

    private async Task TimedAsync(string kind, Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, string> describe)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await send();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        lock (rounds)
        {
            rounds.Add((kind, (int)response.StatusCode, seconds));
        }
        Console.WriteLine($"  {kind}: {(int)response.StatusCode} in {seconds:0.0} s ({describe(response)})");
    }

    private static int Imported(HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<JsonElement>().GetAwaiter().GetResult().GetProperty("imported").GetInt32();

    /// <summary>
    /// An AnnotationCollection of commented highlights on the article, each quoting a stretch of
    /// its text at its place with a note of about 700 characters, as many as fit in <see cref="ImportBytes"/>.
    /// </summary>
    public static byte[] ImportFile(string source, string text, string tag)
    {
        var random = new Random(tag.GetHashCode(StringComparison.Ordinal));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "http://www.w3.org/ns/anno.jsonld");
            json.WriteString("type", "AnnotationCollection");
            json.WriteStartObject("first");
            json.WriteString("type", "AnnotationPage");
            json.WriteStartArray("items");
            for (var i = 0; buffer.Length + json.BytesPending < ImportBytes - 4_000; i++)
            {
                var start = random.Next(0, Math.Max(1, text.Length - 80));
                var exact = text.Substring(start, Math.Min(40 + random.Next(40), text.Length - start));
                json.WriteStartObject();
                json.WriteString("type", "Annotation");
                json.WriteStartObject("body");
                json.WriteString("type", "TextualBody");
                json.WriteString("value", $"import {tag} {i}: {Words(random, 110)}");
                json.WriteString("format", "text/markdown");
                json.WriteEndObject();
                json.WriteStartObject("target");
                json.WriteString("source", source);
                json.WriteStartArray("selector");
                json.WriteStartObject();
                json.WriteString("type", "TextQuoteSelector");
                json.WriteString("exact", exact);
                json.WriteEndObject();
                json.WriteStartObject();
                json.WriteString("type", "TextPositionSelector");
                json.WriteNumber("start", start);
                json.WriteNumber("end", start + exact.Length);
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                if (i % 256 == 0)
                {
                    json.Flush();
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>An RSS 2.0 feed of long items, new ones each round, as many as fit in <see cref="FeedBytes"/>.</summary>
    public static string Feed(string run, int round)
    {
        var random = new Random(round);
        var feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>")
            .Append(CultureInfo.InvariantCulture, $"<title>Hostile load {run}</title><link>http://127.0.0.1/</link><description>5 MB a poll</description>\n");
        for (var i = 0; feed.Length < FeedBytes - 20_000; i++)
        {
            var paragraphs = string.Concat(Enumerable.Range(0, 12).Select(_ => $"<p>{Words(random, 150)}.</p>"));
            feed.Append(CultureInfo.InvariantCulture,
                $"<item><title>Round {round} story {i}</title><link>http://127.0.0.1/{run}/{round}/{i}</link><guid>{run}-{round}-{i}</guid>")
                .Append(CultureInfo.InvariantCulture, $"<pubDate>{DateTime.UtcNow.AddMinutes(-i):R}</pubDate><content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>\n");
        }
        return feed.Append("</channel></rss>").ToString();
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)]));

    /// <summary>A 3,000-word news page for the importer to save and annotate.</summary>
    private static string Page(string run)
    {
        var random = new Random(run.GetHashCode(StringComparison.Ordinal));
        var paragraphs = string.Concat(Enumerable.Range(0, 30).Select(_ => $"<p>{Words(random, 100)}.</p>"));
        return $"<!doctype html><html><head><title>Import target {run}</title></head><body><article><h1>Import target {run}</h1>{paragraphs}</article></body></html>";
    }

    private static async Task<(string Slug, string Text)> SavedArticleAsync(HttpClient http, string url)
    {
        using var saved = await http.PostAsJsonAsync("api/articles", new { url });
        var slug = (await saved.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString()!;
        var article = await http.GetFromJsonAsync<JsonElement>($"api/articles/{slug}");
        return (slug, article.GetProperty("text").GetString()!);
    }
}
