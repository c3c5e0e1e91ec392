using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// <c>reader [--steps] [seed]</c>: server render time of the reader page, black-box. Writes two
/// synthetic ~20,000-word plain-text articles into a temporary seeds folder, starts the Release
/// build of the web app on 127.0.0.1 with a temporary database, registers and logs in through
/// <c>/api/auth</c>, puts 1,000 annotations on article A through <c>/api/annotations</c> (none on
/// B), then times <c>GET /articles/{slug}</c> for both with the bearer token (20 warm-up and 200
/// timed requests each, alternating). With <c>--steps</c> it also times page A after 250, 500 and
/// 750 annotations, to show how render time grows with the annotation count.
/// The last line is JSON.
/// </summary>
internal static class ReaderCommand
{
    private const int TargetWords = 20_000;
    private const int Annotations = 1_000;
    private const int WarmUp = 20;
    private const int Timed = 200;
    private const int StepTimed = 40;
    private const int ContextLength = 32;
    private const string TitleA = "Reader benchmark article with annotations";
    private const string TitleB = "Reader benchmark article without annotations";

    private static readonly string[] Colors = ["yellow", "green", "blue", "pink", "purple"];

    public static int Run(string[] args)
    {
        bool steps = args.Contains("--steps");
        var rest = args.Where(a => a != "--steps").ToArray();
        int seed = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 20_240_601;
        try
        {
            return RunAsync(seed, steps).GetAwaiter().GetResult();
        }
        catch (BenchFailure failure)
        {
            Console.Error.WriteLine($"reader: {failure.Message}");
            return 1;
        }
    }

    internal sealed class BenchFailure(string message) : Exception(message);

    private static async Task<int> RunAsync(int seed, bool steps)
    {
        var root = FindRepoRoot();
        var webDir = Path.Combine(root, "src", "NewsReader.Web");
        var dll = Path.Combine(webDir, "bin", "Release", "net10.0", "NewsReader.Web.dll");
        if (!File.Exists(dll))
        {
            throw new BenchFailure($"{dll} is missing: run `dotnet build -c Release src/NewsReader.Web` in {root} first.");
        }

        var temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"newsreader-reader-bench-{Guid.NewGuid():N}")).FullName;
        Process? web = null;
        ConsoleCancelEventHandler onCancel = (_, _) => Kill(web);
        Console.CancelKeyPress += onCancel;
        try
        {
            var seeds = Directory.CreateDirectory(Path.Combine(temp, "seeds")).FullName;
            File.WriteAllText(Path.Combine(seeds, "bench-a.txt"), SyntheticArticle(TitleA, new Random(seed)));
            File.WriteAllText(Path.Combine(seeds, "bench-b.txt"), SyntheticArticle(TitleB, new Random(seed + 1)));

            int port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            string[] webArgs =
            [
                dll, "--urls", baseUrl,
                $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(temp, "bench.db")}",
                $"--NewsReader:SeedsPath={seeds}",
                "--environment", "Production",
            ];
            Console.WriteLine($"web: (cd {webDir} && dotnet {string.Join(' ', webArgs.Select(Quote))})");
            var log = new Queue<string>();
            web = StartWeb(webDir, webArgs, log);

            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = new Uri(baseUrl),
                Timeout = TimeSpan.FromSeconds(60),
            };
            await WaitForHealthAsync(http, web, log);

            // Account and bearer token.
            var credentials = new { email = "bench@example.org", password = "Bench-Reader-2026!" };
            await ExpectAsync(await http.PostAsJsonAsync("/api/auth/register", credentials), HttpStatusCode.OK, "register");
            var login = await ExpectAsync(await http.PostAsJsonAsync("/api/auth/login", credentials), HttpStatusCode.OK, "login");
            var token = JsonNode.Parse(login)!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // The two articles.
            var list = JsonNode.Parse(await ExpectAsync(await http.GetAsync("/api/articles"), HttpStatusCode.OK, "article list"))!.AsArray();
            string SlugOf(string title) => list.FirstOrDefault(a => a!["title"]!.GetValue<string>() == title)?["slug"]!.GetValue<string>()
                ?? throw new BenchFailure($"no article titled '{title}' in /api/articles: was the seeds folder ingested?");
            var slugA = SlugOf(TitleA);
            var slugB = SlugOf(TitleB);
            var detailA = JsonNode.Parse(await ExpectAsync(await http.GetAsync($"/api/articles/{slugA}"), HttpStatusCode.OK, "article A"))!;
            var detailB = JsonNode.Parse(await ExpectAsync(await http.GetAsync($"/api/articles/{slugB}"), HttpStatusCode.OK, "article B"))!;
            var text = detailA["text"]!.GetValue<string>();
            if (text.Any(c => c > 127))
            {
                throw new BenchFailure("article A's canonical text is not ASCII, so string indexes are not code points.");
            }
            var blocks = detailA["blocks"]!.AsArray().Select(b => (Start: b!["start"]!.GetValue<int>(), End: b["end"]!.GetValue<int>())).ToList();
            int wordsA = detailA["wordCount"]!.GetValue<int>();
            int wordsB = detailB["wordCount"]!.GetValue<int>();
            Console.WriteLine($"articles: A {slugA} ({wordsA:N0} words, {text.Length:N0} chars, {blocks.Count} blocks), B {slugB} ({wordsB:N0} words)");

            // 1,000 annotations on A, in a fixed random order over the whole text.
            var drafts = PlanAnnotations(text, blocks, new Random(seed + 2));
            var stepTimings = new List<(int Count, double P50, double P95, double Mean)>();
            var createWatch = Stopwatch.StartNew();
            for (int i = 0; i < drafts.Count; i++)
            {
                var body = AnnotationJson(baseUrl, slugA, text, drafts[i], i);
                using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/ld+json");
                await ExpectAsync(await http.PostAsync("/api/annotations", content), HttpStatusCode.Created, $"annotation {i}");
                int made = i + 1;
                if (steps && made % 250 == 0 && made < drafts.Count)
                {
                    createWatch.Stop();
                    if (made == 250)
                    {
                        // The zero point, once the app is warm: page B has the same size and no annotations.
                        stepTimings.Add(Summarize(0, await TimePageAsync(http, $"/articles/{slugB}", WarmUp, StepTimed)));
                    }
                    stepTimings.Add(Summarize(made, await TimePageAsync(http, $"/articles/{slugA}", WarmUp, StepTimed)));
                    createWatch.Start();
                }
            }
            createWatch.Stop();
            Console.WriteLine($"created {drafts.Count} annotations in {createWatch.Elapsed.TotalSeconds:F1} s ({createWatch.Elapsed.TotalMilliseconds / drafts.Count:F1} ms each)"
                + $"; {Overlapping(drafts)} of them overlap another");

            // Sizes and sanity checks.
            var pageA = await GetPageAsync(http, $"/articles/{slugA}");
            var pageB = await GetPageAsync(http, $"/articles/{slugB}");
            var htmlA = Encoding.UTF8.GetString(pageA);
            int marks = CountOf(htmlA, "<mark ");
            int marksB = CountOf(Encoding.UTF8.GetString(pageB), "<mark ");
            if (!htmlA.Contains($"Annotations <span class=\"count\">({Annotations})</span>", StringComparison.Ordinal))
            {
                throw new BenchFailure($"page A does not list {Annotations} annotations; are they visible to the owner?");
            }

            // The measurement: warm-up, then timed requests alternating between the two pages.
            var (timesA, timesB) = await TimePairAsync(http, $"/articles/{slugA}", $"/articles/{slugB}");
            var a = Summarize(Annotations, timesA);
            var b = Summarize(0, timesB);

            if (steps)
            {
                stepTimings.Add(a);
                Console.WriteLine($"page A by annotation count ({StepTimed} timed requests per step; 0 is page B; 1000 is the main run):");
                foreach (var s in stepTimings.OrderBy(s => s.Count))
                {
                    Console.WriteLine($"  {s.Count,5} annotations: p50 {s.P50,8:F2} ms  p95 {s.P95,8:F2} ms  mean {s.Mean,8:F2} ms");
                }
            }
            Console.WriteLine($"with {Annotations} annotations: p50 {a.P50:F2} ms, p95 {a.P95:F2} ms, mean {a.Mean:F2} ms, {pageA.Length:N0} bytes, {marks} <mark> elements");
            Console.WriteLine($"without:                  p50 {b.P50:F2} ms, p95 {b.P95:F2} ms, mean {b.Mean:F2} ms, {pageB.Length:N0} bytes, {marksB} <mark> elements");
            Console.WriteLine($"ratio p50 {a.P50 / b.P50:F1}x ({Timed} timed requests each after {WarmUp} warm-up, alternating, loopback wall time, body read)");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                words = wordsA,
                annotations = Annotations,
                withP50Ms = Math.Round(a.P50, 2),
                withP95Ms = Math.Round(a.P95, 2),
                withMeanMs = Math.Round(a.Mean, 2),
                withoutP50Ms = Math.Round(b.P50, 2),
                withoutP95Ms = Math.Round(b.P95, 2),
                withoutMeanMs = Math.Round(b.Mean, 2),
                ratioP50 = Math.Round(a.P50 / b.P50, 2),
                withBytes = pageA.Length,
                withoutBytes = pageB.Length,
                marks,
                appRssMb = AppMemory.ResidentMb(web.Id),
            }));
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            Kill(web);
            web?.Dispose();
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"reader: could not delete {temp}: {ex.Message}");
            }
        }
    }

    // ---- the article ----

    /// <summary>
    /// A title line, then paragraphs of 40 to 120 words (sentences of 6 to 20 words) with a
    /// short sub-heading line every 6 to 12 paragraphs, until about 20,000 words.
    /// </summary>
    private static string SyntheticArticle(string title, Random random)
    {
        var builder = new StringBuilder();
        builder.Append(title).Append("\n\n");
        int words = 0, sinceHeading = 0, headingEvery = random.Next(6, 13);
        while (words < TargetWords)
        {
            if (sinceHeading >= headingEvery && words > 0)
            {
                int size = random.Next(2, 6);
                var heading = Enumerable.Range(0, size).Select(_ => Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)]).ToList();
                heading[0] = char.ToUpperInvariant(heading[0][0]) + heading[0][1..];
                builder.Append(string.Join(' ', heading)).Append("\n\n");
                words += size;
                sinceHeading = 0;
                headingEvery = random.Next(6, 13);
                continue;
            }
            int length = Math.Min(random.Next(40, 121), Math.Max(40, TargetWords - words));
            int sentence = 0, sentenceLength = random.Next(6, 21);
            var line = 0;
            for (int w = 0; w < length; w++)
            {
                string word = Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)];
                if (random.Next(12) == 0)
                {
                    word += random.Next(1, 2000).ToString(CultureInfo.InvariantCulture);
                }
                if (sentence == 0)
                {
                    word = char.ToUpperInvariant(word[0]) + word[1..];
                }
                sentence++;
                bool last = w == length - 1;
                if (last || sentence == sentenceLength)
                {
                    word += ".";
                    sentence = 0;
                    sentenceLength = random.Next(6, 21);
                }
                builder.Append(word);
                // Wrapped lines inside a paragraph, as hand-written files have.
                line += word.Length + 1;
                builder.Append(last ? "\n\n" : line > 72 ? "\n" : " ");
                if (line > 72)
                {
                    line = 0;
                }
            }
            words += length;
            sinceHeading++;
        }
        return builder.ToString();
    }

    // ---- the annotations ----

    private sealed record Draft(int Start, int End);

    /// <summary>
    /// 1,000 quotes inside one block each, one per 1/1,000 of the words so they spread over the
    /// whole text: mostly 2 to 10 words, one in five 2 to 30 words (as long as the slot allows),
    /// and every tenth starting inside the previous quote and running past it (or to the end of
    /// its block), so about 10% overlap another.
    /// </summary>
    private static List<Draft> PlanAnnotations(string text, IReadOnlyList<(int Start, int End)> blocks, Random random)
    {
        // Words of the text as (start, end, block) in order; blocks hold single spaces only.
        var words = new List<(int Start, int End, int Block)>();
        for (int b = 0; b < blocks.Count; b++)
        {
            int i = blocks[b].Start;
            while (i < blocks[b].End)
            {
                while (i < blocks[b].End && text[i] == ' ') i++;
                int start = i;
                while (i < blocks[b].End && text[i] != ' ') i++;
                if (i > start) words.Add((start, i, b));
            }
        }

        var drafts = new List<Draft>(Annotations);
        int previousFirst = 0, previousLast = 0;
        for (int n = 0; n < Annotations; n++)
        {
            int count = random.Next(5) == 0 ? random.Next(2, 31) : random.Next(2, 11);
            int first;
            if (n % 10 == 9)
            {
                first = previousLast > previousFirst ? random.Next(previousFirst + 1, previousLast + 1) : previousFirst;
                count = Math.Max(count, previousLast - first + 2);
            }
            else
            {
                int slotStart = (int)((long)n * words.Count / Annotations);
                int slotLength = (int)((long)(n + 1) * words.Count / Annotations) - slotStart;
                count = Math.Min(count, slotLength);
                first = slotStart + random.Next(0, slotLength - count + 1);
            }
            int last = first;
            while (last + 1 < words.Count && last - first + 1 < count && words[last + 1].Block == words[first].Block) last++;
            if (last == first)
            {
                // A quote is at least two words: take the one before when the block ends here.
                if (first > 0 && words[first - 1].Block == words[first].Block) first--;
                else if (first + 1 < words.Count && words[first + 1].Block == words[first].Block) last++;
            }
            drafts.Add(new Draft(words[first].Start, words[last].End));
            previousFirst = first;
            previousLast = last;
        }
        return drafts;
    }

    /// <summary>How many of the quotes share at least one character with another.</summary>
    private static int Overlapping(IReadOnlyList<Draft> drafts)
    {
        var sorted = drafts.OrderBy(d => d.Start).ThenBy(d => d.End).ToList();
        var overlapping = new bool[sorted.Count];
        int reach = -1, reachIndex = -1;
        for (int i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Start < reach)
            {
                overlapping[i] = true;
                overlapping[reachIndex] = true;
            }
            if (sorted[i].End > reach)
            {
                reach = sorted[i].End;
                reachIndex = i;
            }
        }
        return overlapping.Count(o => o);
    }

    private static JsonObject AnnotationJson(string baseUrl, string slug, string text, Draft draft, int n)
    {
        var body = new JsonArray();
        if (n % 4 == 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextualBody",
                ["format"] = "text/markdown",
                ["purpose"] = "commenting",
                ["value"] = $"Note {n}: **check** this against the _minutes_ of the meeting.\n\n- source: [council site](https://example.org/minutes/{n})\n- follow up `item-{n % 17}`",
            });
        }
        if (n % 3 == 0)
        {
            body.Add(new JsonObject { ["type"] = "TextualBody", ["purpose"] = "tagging", ["value"] = "bench" });
            body.Add(new JsonObject { ["type"] = "TextualBody", ["purpose"] = "tagging", ["value"] = $"topic-{n % 7}" });
        }
        int prefixStart = Math.Max(0, draft.Start - ContextLength);
        int suffixEnd = Math.Min(text.Length, draft.End + ContextLength);
        var json = new JsonObject
        {
            ["@context"] = "http://www.w3.org/ns/anno.jsonld",
            ["type"] = "Annotation",
            ["target"] = new JsonObject
            {
                ["source"] = $"{baseUrl}/articles/{slug}",
                ["styleClass"] = Colors[n % Colors.Length],
                ["selector"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "TextQuoteSelector",
                        ["exact"] = text[draft.Start..draft.End],
                        ["prefix"] = text[prefixStart..draft.Start],
                        ["suffix"] = text[draft.End..suffixEnd],
                    },
                    new JsonObject { ["type"] = "TextPositionSelector", ["start"] = draft.Start, ["end"] = draft.End },
                },
            },
            // Mostly private: the page must render the owner's private annotations too.
            ["visibility"] = n % 5 == 0 ? "public" : "private",
        };
        if (body.Count > 0)
        {
            json["body"] = body;
        }
        return json;
    }

    // ---- timing ----

    private static async Task<(List<double> A, List<double> B)> TimePairAsync(HttpClient http, string pathA, string pathB)
    {
        var a = new List<double>(Timed);
        var b = new List<double>(Timed);
        for (int i = 0; i < WarmUp; i++)
        {
            await TimeOneAsync(http, pathA);
            await TimeOneAsync(http, pathB);
        }
        for (int i = 0; i < Timed; i++)
        {
            a.Add(await TimeOneAsync(http, pathA));
            b.Add(await TimeOneAsync(http, pathB));
        }
        return (a, b);
    }

    private static async Task<List<double>> TimePageAsync(HttpClient http, string path, int warmUp, int timed)
    {
        for (int i = 0; i < warmUp; i++)
        {
            await TimeOneAsync(http, path);
        }
        var times = new List<double>(timed);
        for (int i = 0; i < timed; i++)
        {
            times.Add(await TimeOneAsync(http, path));
        }
        return times;
    }

    /// <summary>Wall time of one GET on loopback, from sending to the last byte of the body read.</summary>
    private static async Task<double> TimeOneAsync(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK || bytes.Length == 0)
        {
            throw new BenchFailure($"GET {path} answered {(int)response.StatusCode} with {bytes.Length} bytes, not 200 with a page.");
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<byte[]> GetPageAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchFailure($"GET {path} answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? $" -> {to}" : "")}, not 200.");
        }
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static (int Count, double P50, double P95, double Mean) Summarize(int count, List<double> times)
    {
        return (count, Synthetic.Percentile(times, 0.50), Synthetic.Percentile(times, 0.95), times.Average());
    }

    // ---- the web app ----

    internal static Process StartWeb(string webDir, string[] webArgs, Queue<string> log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in webArgs)
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        // Keep the last lines for a failure message; request logs are drained, not shown.
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null) return;
            lock (log)
            {
                log.Enqueue(e.Data);
                while (log.Count > 40) log.Dequeue();
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitForHealthAsync(HttpClient http, Process web, Queue<string> log)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (web.HasExited)
            {
                throw new BenchFailure($"the web app exited with code {web.ExitCode} before /healthz answered:\n{Tail(log)}");
            }
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"web app healthy after {watch.Elapsed.TotalSeconds:F1} s");
                    return;
                }
                if ((int)response.StatusCode is >= 300 and < 400)
                {
                    throw new BenchFailure($"/healthz answered {(int)response.StatusCode} -> {response.Headers.Location}: a redirect, not 200 (HTTPS redirection?).");
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new BenchFailure($"/healthz did not answer 200 within 90 s:\n{Tail(log)}");
    }

    private static string Tail(Queue<string> log)
    {
        lock (log)
        {
            return string.Join('\n', log);
        }
    }

    internal static void Kill(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
    }

    internal static async Task<string> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new BenchFailure($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
            }
            return body;
        }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    internal static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new BenchFailure("NewsReader.sln not found above the current directory or the bench binary: run from the repository.");
    }

    private static int CountOf(string text, string needle)
    {
        int count = 0;
        for (int i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    internal static string Quote(string arg) => arg.Contains(' ') ? $"\"{arg}\"" : arg;
}
