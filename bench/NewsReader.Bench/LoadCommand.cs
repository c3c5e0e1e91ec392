using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// `load --url &lt;base&gt;[,&lt;base&gt;...] [--clients 32] [--writes 10000] [--readers N] [--reads-per-second R] [--pid P]`: many writers against a
/// running app, or against several instances of it on one PostgreSQL database (comma-separated
/// bases: writers and readers are spread over them, and the read-back goes through the last, so
/// every write made on another instance must be seen there).
/// Registers one account per client (run the app with a raised
/// NewsReader:RateLimit:AuthPermitLimit), then each client creates, edits and deletes
/// annotations through the API while a few readers open pages and search (each as fast as it is
/// answered, or together at R a second with <c>--reads-per-second</c>). Afterwards every
/// acknowledged write is read back through the API; `lost` counts those missing or stale.
/// The last line is JSON: writes, acknowledged, lost, errors5xx, perSecond, p50Ms, p95Ms, p99Ms,
/// and the readers' readsPerSecond, readP50Ms and readP95Ms;
/// with <c>--pid</c> the app's CPU time per request (writes plus the readers' requests), the reads and the app's memory at the end;
/// with <c>--hostile</c> a big import and a big feed beside the writers (<see cref="HostileLoad"/>).
/// </summary>
public static class LoadCommand
{
    public static int Run(string[] args)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5048";
        var clients = int.Parse(Option(args, "--clients") ?? "32", CultureInfo.InvariantCulture);
        var writes = int.Parse(Option(args, "--writes") ?? "10000", CultureInfo.InvariantCulture);
        readerCount = Option(args, "--readers") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : null;
        readsPerSecond = Option(args, "--reads-per-second") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : null;
        appPid = Option(args, "--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null;
        hostile = args.Contains("--hostile");
        var bases = url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u.TrimEnd('/') + "/")).ToArray();
        return RunAsync(bases, clients, writes).GetAwaiter().GetResult();
    }

    private sealed record Expected(string Path, string Note);

    // With --pid (the app's process on this machine), the app's CPU time over the timed run is
    // reported per request: on a shared machine that says more than wall-clock figures.
    private static int? appPid;

    // --readers N: how many page readers run beside the writers (default one per 8 clients; 0
    // measures the writes alone).
    private static int? readerCount;

    // --reads-per-second R: the readers together ask R times a second, whatever the app's speed,
    // so the writes are measured beside a fixed read load. Without it each reader asks again as
    // soon as it is answered, and the writes' figure then depends on how fast the reads are.
    private static double? readsPerSecond;

    // --hostile: a 16 MB import and a 5 MB feed beside the writers (HostileLoad).
    private static bool hostile;

    /// <summary>User plus system CPU time of the app so far, from /proc (clock ticks of 10 ms).</summary>
    private static TimeSpan? AppCpu()
    {
        if (appPid is not { } pid)
        {
            return null;
        }
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat(5), counted after the command name (which ends at the ')').
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static async Task<int> RunAsync(Uri[] bases, int clients, int writes)
    {
        var baseUrl = bases[0];
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var (slug, text) = await ArticleAsync(new HttpClient(handler, false) { BaseAddress = baseUrl });
        var run = Guid.NewGuid().ToString("N")[..8];
        var tokens = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => TokenAsync(handler, baseUrl, $"load-{run}-{i}@example.org")));
        Console.WriteLine($"{clients} clients registered; {writes} writes against {string.Join(", ", bases.Select(b => b.ToString()))} on '{slug}'");

        var latencies = new ConcurrentBag<double>();
        var acknowledged = new ConcurrentDictionary<string, Expected>();
        var deleted = new ConcurrentDictionary<string, bool>();
        var remaining = writes;
        var errors5xx = 0;
        var otherErrors = 0;
        using var stopReaders = new CancellationTokenSource();
        var readerTotal = readerCount ?? Math.Max(1, clients / 8);
        TimeSpan? readInterval = readsPerSecond is { } perSecond ? TimeSpan.FromSeconds(readerTotal / perSecond) : null;
        var readLatencies = new ConcurrentBag<double>();
        var readers = Enumerable.Range(0, readerTotal).Select(i => ReadAsync(handler, bases[i % bases.Length], slug, readInterval, readLatencies, stopReaders.Token)).ToList();
        var beside = hostile ? await HostileLoad.StartAsync(handler, baseUrl) : null;
        var cpuBefore = AppCpu();
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(tokens.Select(async (token, client) =>
        {
            // Tokens come from the first instance; any instance accepts them (one key ring).
            var clientBase = bases[client % bases.Length];
            using var http = Client(handler, clientBase, token);
            var random = new Random(client);
            var mine = new List<string>();
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var kind = mine.Count == 0 ? 0 : random.Next(10);
                var note = $"load {run} {client} {Guid.NewGuid():N}";
                var started = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                string? path = null;
                if (kind < 6)
                {
                    response = await http.PostAsJsonAsync("api/annotations", Annotation(clientBase, slug, text, random, note));
                }
                else if (kind < 9)
                {
                    path = mine[random.Next(mine.Count)];
                    response = await http.PutAsJsonAsync(path, Annotation(clientBase, slug, text, random, note));
                }
                else
                {
                    path = mine[random.Next(mine.Count)];
                    response = await http.DeleteAsync(path);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref errors5xx);
                }
                else if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref otherErrors);
                }
                else if (kind < 6)
                {
                    var created = new Uri(response.Headers.Location!.ToString()).AbsolutePath.TrimStart('/');
                    mine.Add(created);
                    acknowledged[created] = new Expected(created, note);
                }
                else if (kind < 9)
                {
                    acknowledged[path!] = new Expected(path!, note);
                }
                else
                {
                    mine.Remove(path!);
                    acknowledged.TryRemove(path!, out _);
                    deleted[path!] = true;
                }
                response.Dispose();
            }
        }));
        var elapsed = watch.Elapsed;
        await stopReaders.CancelAsync();
        var reads = (await Task.WhenAll(readers)).Sum();
        var cpu = AppCpu() - cpuBefore;
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore;
        var besideFigures = beside is null ? null : await beside.StopAsync();

        var lost = await CountLostAsync(handler, bases[^1], tokens, acknowledged.Values);
        var sorted = latencies.Order().ToArray();
        var acked = sorted.Length - errors5xx - otherErrors;
        Console.WriteLine($"{writes} writes in {elapsed.TotalSeconds:0.0} s with {clients} clients ({reads} page reads and searches beside them); {otherErrors} refused (4xx)");
        var result = new JsonObject
        {
            ["writes"] = writes,
            ["acknowledged"] = acked,
            ["lost"] = lost,
            ["errors5xx"] = errors5xx,
            ["perSecond"] = Math.Round(acked / elapsed.TotalSeconds, 1),
            ["p50Ms"] = Math.Round(Percentile(sorted, 0.50), 1),
            ["p95Ms"] = Math.Round(Percentile(sorted, 0.95), 1),
            ["p99Ms"] = Math.Round(Percentile(sorted, 0.99), 1),
        };
        if (readerTotal > 0)
        {
            var readsSorted = readLatencies.Order().ToArray();
            result["readsPerSecond"] = Math.Round(reads / elapsed.TotalSeconds, 1);
            result["readP50Ms"] = Math.Round(Percentile(readsSorted, 0.50), 1);
            result["readP95Ms"] = Math.Round(Percentile(readsSorted, 0.95), 1);
        }
        var requests = sorted.Length + reads;
        if (cpu is { } used)
        {
            result["appCpuMsPerRequest"] = Math.Round(used.TotalMilliseconds / requests, 2);
            result["reads"] = reads;
            result["appRssMb"] = AppMemory.ResidentMb(appPid!.Value);
            // This generator's own CPU over the same run: on a machine it shares with the app, it is CPU the app did not get.
            result["benchCpuMsPerRequest"] = Math.Round(benchCpu.TotalMilliseconds / requests, 2);
        }
        foreach (var (name, value) in besideFigures ?? new JsonObject())
        {
            result[name] = value?.DeepClone();
        }
        Console.WriteLine(result.ToJsonString());
        return lost == 0 && errors5xx == 0 && besideFigures?["besideErrors5xx"]?.GetValue<int>() is null or 0 ? 0 : 1;
    }

    /// <summary>Acknowledged annotations missing, or without their last acknowledged note, read back by their owners.</summary>
    private static async Task<int> CountLostAsync(HttpMessageHandler handler, Uri baseUrl, string[] tokens, IEnumerable<Expected> expected)
    {
        var lost = 0;
        // The owner is unknown here; any of the tokens may read a private annotation only if it is theirs, so try the public read first.
        var clients = tokens.Select(t => Client(handler, baseUrl, t)).ToArray();
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, ct) =>
        {
            var owner = clients[int.Parse(item.Note.Split(' ')[2], CultureInfo.InvariantCulture)];
            using var response = await owner.GetAsync(item.Path, ct);
            if (!response.IsSuccessStatusCode || !(await response.Content.ReadAsStringAsync(ct)).Contains(item.Note, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref lost);
            }
        });
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return lost;
    }

    private static async Task<int> ReadAsync(HttpMessageHandler handler, Uri baseUrl, string slug, TimeSpan? interval, ConcurrentBag<double> latencies, CancellationToken stop)
    {
        using var http = new HttpClient(handler, false) { BaseAddress = baseUrl };
        var reads = 0;
        string[] queries = ["president", "minister", "talks", "japan"];
        var next = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (interval is { } every)
                {
                    // Paced from a schedule, not from the last answer: a slow answer is not made up for by asking less.
                    next += (long)(every.TotalSeconds * Stopwatch.Frequency);
                    if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next) is { Ticks: > 0 } wait)
                    {
                        await Task.Delay(wait, stop);
                    }
                }
                var started = Stopwatch.GetTimestamp();
                using var page = await http.GetAsync(reads % 2 == 0 ? $"articles/{slug}" : $"api/search?q={queries[reads % queries.Length]}", stop);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                reads++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return reads;
    }

    private static JsonObject Annotation(Uri baseUrl, string slug, string text, Random random, string note)
    {
        var start = random.Next(0, Math.Max(1, Math.Min(text.Length, 3000) - 40));
        var exact = text.Substring(start, Math.Min(30, text.Length - start));
        return new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = note, ["format"] = "text/markdown", ["purpose"] = "commenting" }),
            ["target"] = new JsonObject
            {
                ["source"] = new Uri(baseUrl, $"articles/{slug}").ToString(),
                ["selector"] = new JsonArray(
                    new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = exact },
                    new JsonObject { ["type"] = "TextPositionSelector", ["start"] = start, ["end"] = start + exact.Length }),
            },
        };
    }

    private static async Task<(string Slug, string Text)> ArticleAsync(HttpClient http)
    {
        var list = await http.GetFromJsonAsync<JsonElement>("api/articles");
        var first = (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("articles")).EnumerateArray().First();
        var slug = first.GetProperty("slug").GetString()!;
        var article = await http.GetFromJsonAsync<JsonElement>($"api/articles/{slug}");
        return (slug, article.GetProperty("text").GetString()!);
    }

    internal static async Task<string> TokenAsync(HttpMessageHandler handler, Uri baseUrl, string email)
    {
        using var http = new HttpClient(handler, false) { BaseAddress = baseUrl };
        const string password = "load-Password-1";
        (await http.PostAsJsonAsync("api/auth/register", new { email, password })).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    internal static HttpClient Client(HttpMessageHandler handler, Uri baseUrl, string token)
    {
        var http = new HttpClient(handler, false) { BaseAddress = baseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
