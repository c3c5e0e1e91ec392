using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// `nesting --url &lt;base&gt; --pid P [--rounds 3]`: the deep-nesting attack of issue 24 against a
/// running app, every kind at once, <c>--rounds</c> times over: a feed with an item of 32,000
/// nested elements (224 KB) and one of 200,000 (1.4 MB), a page of 100,000 nested divs (1.1 MB),
/// all served by a <see cref="LocalSite"/> (run the app with
/// `--NewsReader:Fetch:AllowPrivateNetworks=true`), an import of 4 MB of nested JSON arrays and
/// of objects, a feed that was ordinary when subscribed and is 200,000 levels deep when refreshed,
/// and notes as deep as a note may be long (block quotes, brackets, lists). Meanwhile
/// the app's resident memory is read every 20 ms from /proc, and another reader asks for the
/// article list every 200 ms. The last line is JSON: the statuses per attack, the app's resident
/// memory before, its peak (sampled, and the kernel's high-water mark VmHWM since start) and the
/// slowest answer to the other reader.
/// </summary>
public static class NestingCommand
{
    public static int Run(string[] args)
    {
        var baseUrl = new Uri((Option(args, "--url") ?? "http://127.0.0.1:5048").TrimEnd('/') + "/");
        var pid = int.Parse(Option(args, "--pid") ?? throw new ArgumentException("--pid <the app's process id> is needed to read its memory"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        return RunAsync(baseUrl, pid, rounds).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Uri baseUrl, int pid, int rounds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        await using var site = await LocalSite.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var attacker = LoadCommand.Client(handler, baseUrl, await LoadCommand.TokenAsync(handler, baseUrl, $"nesting-{run}@example.org"));
        var bystander = new HttpClient(handler, false) { BaseAddress = baseUrl };
        var articles = await bystander.GetFromJsonAsync<JsonElement>("api/articles");
        var slug = (articles.ValueKind == JsonValueKind.Array ? articles : articles.GetProperty("articles")).EnumerateArray().First().GetProperty("slug").GetString()!;
        var text = (await bystander.GetFromJsonAsync<JsonElement>($"api/articles/{slug}")).GetProperty("text").GetString()!;

        var feed32k = site.Serve("/deep-32k.xml", "application/rss+xml", () => DeepFeed(32_000));
        var feed200k = site.Serve("/deep-200k.xml", "application/rss+xml", () => DeepFeed(200_000));
        // Ordinary when subscribed, 200,000 levels deep on every poll after: the poller's path.
        var turnsDeepServed = 0;
        var turnsDeep = site.Serve("/turns-deep.xml", "application/rss+xml", () => Interlocked.Increment(ref turnsDeepServed) == 1 ? DeepFeed(1) : DeepFeed(200_000));
        using var subscribed = await attacker.PostAsJsonAsync("api/feeds", new { url = turnsDeep });
        var turnsDeepId = (await subscribed.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var page = site.Serve("/deep.html", "text/html", () => "<!doctype html><html><head><title>Deep</title></head><body>" + Repeat("<div>", 100_000) + "deep" + Repeat("</div>", 100_000) + "</body></html>");
        var attacks = new (string Name, Func<int, Task<HttpResponseMessage>> Send)[]
        {
            ("feed32k", round => attacker.PostAsJsonAsync("api/feeds", new { url = $"{feed32k}?round={round}" })),
            ("feed200k", round => attacker.PostAsJsonAsync("api/feeds", new { url = $"{feed200k}?round={round}" })),
            ("feedTurnsDeep", _ => attacker.PostAsync($"api/feeds/{turnsDeepId}/refresh", null)),
            ("page100k", round => attacker.PostAsJsonAsync("api/articles", new { url = $"{page}?round={round}" })),
            ("importArrays", _ => attacker.PostAsync("api/import", new StringContent(Repeat("[", 2_000_000) + Repeat("]", 2_000_000), Encoding.UTF8, "application/json"))),
            ("importObjects", _ => attacker.PostAsync("api/import", new StringContent(Repeat("{\"a\":", 700_000) + "1" + Repeat("}", 700_000), Encoding.UTF8, "application/json"))),
            ("noteQuotes", _ => attacker.PostAsJsonAsync("api/annotations", Note(baseUrl, slug, text, Repeat("> ", 5_000)))),
            ("noteBrackets", _ => attacker.PostAsJsonAsync("api/annotations", Note(baseUrl, slug, text, Repeat("[", 10_000)))),
            ("noteLists", _ => attacker.PostAsJsonAsync("api/annotations", Note(baseUrl, slug, text, NestedList(9_900)))),
        };

        var before = Memory(pid, "VmRSS");
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Memory(pid, "VmRSS"));
                await Task.Delay(20, CancellationToken.None);
            }
        }, CancellationToken.None);
        var slowestOther = 0.0;
        var other = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                using (await bystander.GetAsync("api/articles", CancellationToken.None))
                {
                    slowestOther = Math.Max(slowestOther, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);

        var statuses = attacks.ToDictionary(a => a.Name, _ => new List<int>());
        var watch = Stopwatch.StartNew();
        for (var round = 1; round <= rounds; round++)
        {
            await Task.WhenAll(attacks.Select(async attack =>
            {
                using var response = await attack.Send(round);
                lock (statuses)
                {
                    statuses[attack.Name].Add((int)response.StatusCode);
                }
            }));
            Console.WriteLine($"round {round}: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value[^1]}"))}; resident {peak / 1024} MB at most so far");
        }
        var elapsed = watch.Elapsed;
        // The feeds stay due: give the poller a few seconds to try them again while memory is watched.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(sampler, other);

        var result = new JsonObject
        {
            ["rounds"] = rounds,
            ["seconds"] = Math.Round(elapsed.TotalSeconds, 1),
            ["statuses"] = new JsonObject(statuses.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)string.Join(",", s.Value.Distinct().Order())))),
            ["errors5xx"] = statuses.Values.Sum(s => s.Count(code => code >= 500)),
            ["residentBeforeMb"] = before / 1024,
            ["residentPeakMb"] = peak / 1024,
            ["highWaterMarkMb"] = Memory(pid, "VmHWM") / 1024,
            ["slowestOtherReaderMs"] = Math.Round(slowestOther, 1),
        };
        Console.WriteLine(result.ToJsonString());
        return result["errors5xx"]!.GetValue<int>() == 0 ? 0 : 1;
    }

    /// <summary>An RSS feed whose one item holds <paramref name="depth"/> nested elements.</summary>
    private static string DeepFeed(int depth) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><link>http://127.0.0.1/</link><description>d</description>"
        + "<item><title>Deep item</title><guid>deep</guid><description>plain</description>"
        + Repeat("<x>", depth) + "deep" + Repeat("</x>", depth)
        + "</item><item><title>Plain item</title><guid>plain</guid><description>An ordinary item beside it.</description></item></channel></rss>";

    /// <summary>A Markdown list each of whose items opens a list one level deeper, as long as a note may be.</summary>
    private static string NestedList(int length)
    {
        var note = new StringBuilder();
        for (var depth = 0; note.Length < length - 2 * depth - 4; depth++)
        {
            note.Append(' ', 2 * depth).Append("- a\n");
        }
        return note.ToString();
    }

    private static JsonObject Note(Uri baseUrl, string slug, string text, string note) => new()
    {
        ["type"] = "Annotation",
        ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = note, ["format"] = "text/markdown" },
        ["target"] = new JsonObject
        {
            ["source"] = new Uri(baseUrl, $"articles/{slug}").ToString(),
            ["selector"] = new JsonArray(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = text[..Math.Min(30, text.Length)] }),
        },
    };

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    /// <summary>A figure of /proc/PID/status in kB (VmRSS, the resident memory; VmHWM, its peak since the process started).</summary>
    private static long Memory(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(line => line.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(line => long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).First();

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
