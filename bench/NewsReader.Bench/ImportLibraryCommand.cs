using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// `import-library [--links 5000] [--highlights 2000] [--host-delay 0]`: moving a library in, end
/// to end. Starts the local site (<see cref="ImportLibraryData"/>) and the app as its own process
/// on a fresh SQLite file, registers a reader, and imports a Pocket CSV of every page and then a
/// Readwise CSV of the highlights through `POST /api/import/library`, following each job to its
/// end. The app's resident memory is read from /proc every 100 ms: "idle" is after start-up and
/// sign-in, before the first upload; peak is the largest sample (VmHWM, the kernel's own peak,
/// is given too). The site and the exports live in this process, so they are not counted.
/// `--host-delay` is `NewsReader:Import:HostDelayMilliseconds`: one local host would otherwise
/// cost a second a link (the polite default, 1,000 ms). The last line is JSON.
/// </summary>
public static class ImportLibraryCommand
{
    public static int Run(string[] args)
    {
        var links = int.Parse(Option(args, "--links") ?? "5000", CultureInfo.InvariantCulture);
        var highlights = int.Parse(Option(args, "--highlights") ?? "2000", CultureInfo.InvariantCulture);
        var hostDelay = int.Parse(Option(args, "--host-delay") ?? "0", CultureInfo.InvariantCulture);
        return RunAsync(new ImportLibraryData(links, highlights), hostDelay).GetAwaiter().GetResult();
    }

    private sealed record Job(Guid Id, string State, int Total, int Processed, int Articles, int Highlights, int Anchored, int Orphaned, List<JsonElement> Failed);

    private static async Task<int> RunAsync(ImportLibraryData data, int hostDelay)
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-import-bench-").FullName;
        var (site, siteUrl, served) = await ImportLibraryData.StartSiteAsync();
        var port = FreePort();
        using var app = Process.Start(AppStart(folder, port, hostDelay))!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            await WaitReadyAsync(http, app);
            await SignInAsync(http);
            var pocket = data.PocketCsv(siteUrl);
            var readwise = data.ReadwiseCsv(siteUrl);
            await Task.Delay(2000);
            var idle = Memory(app.Id).Rss;
            long peak = idle;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Memory(app.Id).Rss);
                    await Task.Delay(100);
                }
            });
            var cpuBefore = Cpu(app.Id);
            var clock = Stopwatch.StartNew();
            var links = await ImportAsync(http, pocket);
            var linksSeconds = clock.Elapsed.TotalSeconds;
            var cpuLinks = Cpu(app.Id) - cpuBefore;
            var marks = await ImportAsync(http, readwise);
            var totalSeconds = clock.Elapsed.TotalSeconds;
            var cpuTotal = Cpu(app.Id) - cpuBefore;
            await sampling.CancelAsync();
            await sampler;
            var (rss, hwm) = Memory(app.Id);
            peak = Math.Max(peak, rss);
            var expectedAbsent = Enumerable.Range(0, data.Highlights).Count(h => data.HighlightOf(h).Kind == 3);
            var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];

            Console.WriteLine($"links job: {links.State}, {links.Articles:N0} articles of {data.Links:N0} in {linksSeconds:N1} s ({data.Links / linksSeconds:N1}/s), app CPU {cpuLinks.TotalSeconds:N1} s, {links.Failed.Count} failed; the site served {served():N0} pages");
            Console.WriteLine($"highlights job: {marks.State}, {marks.Highlights:N0} highlights, {marks.Anchored:N0} anchored, {marks.Orphaned:N0} orphaned ({expectedAbsent:N0} quote sentences no page holds), {marks.Failed.Count} failed, in {totalSeconds - linksSeconds:N1} s, app CPU {(cpuTotal - cpuLinks).TotalSeconds:N1} s");
            Console.WriteLine($"memory: idle {Mb(idle)} MB, peak sampled {Mb(peak)} MB ({Mb(peak - idle)} MB above idle), VmHWM {Mb(hwm)} MB; host delay {hostDelay} ms (polite default 1000 ms); load average {string.Join(' ', load)}");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                links = data.Links, highlightsInExport = data.Highlights, hostDelayMs = hostDelay,
                articles = links.Articles, linksFailed = links.Failed.Count, linksSeconds = Math.Round(linksSeconds, 1),
                highlights = marks.Highlights, anchored = marks.Anchored, orphaned = marks.Orphaned, highlightsFailed = marks.Failed.Count,
                anchoredShare = marks.Highlights == 0 ? 0 : Math.Round((double)marks.Anchored / marks.Highlights, 4),
                anchoredShareOfQuotable = Math.Round((double)marks.Anchored / Math.Max(1, data.Highlights - expectedAbsent), 4),
                totalSeconds = Math.Round(totalSeconds, 1), appCpuSeconds = Math.Round(cpuTotal.TotalSeconds, 1),
                idleMb = Mb(idle), peakMb = Mb(peak), peakAboveIdleMb = Mb(peak - idle), vmHwmMb = Mb(hwm),
                loadAverage = string.Join(' ', load),
            }));
            return links.State == "done" && marks.State == "done" ? 0 : 1;
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
            }
            await site.StopAsync();
            await site.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ProcessStartInfo AppStart(string folder, int port, int hostDelay)
    {
        Directory.CreateDirectory(Path.Combine(folder, "seeds"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = false, WorkingDirectory = folder };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"),
            $"--contentRoot={AppContext.BaseDirectory}",
            $"--urls=http://127.0.0.1:{port}",
            $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "newsreader.db")}",
            $"--NewsReader:SeedsPath={Path.Combine(folder, "seeds")}",
            "--NewsReader:Fetch:AllowPrivateNetworks=true",
            $"--NewsReader:Import:HostDelayMilliseconds={hostDelay}",
            "--NewsReader:Import:PollSeconds=1",
            "--Serilog:MinimumLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        return start;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process app)
    {
        for (var tries = 0; tries < 1200; tries++)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {app.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync("/healthz/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The app was not ready within two minutes.");
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var account = new { email = "mover@example.org", password = "Bench-import-1!" };
        (await http.PostAsJsonAsync("/api/auth/register", account)).EnsureSuccessStatusCode();
        var login = await http.PostAsJsonAsync("/api/auth/login", account);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Uploads the export and follows its job to the end, a progress line every ten seconds.</summary>
    private static async Task<Job> ImportAsync(HttpClient http, byte[] export)
    {
        var response = await http.PostAsync("/api/import/library", new ByteArrayContent(export));
        response.EnsureSuccessStatusCode();
        var location = response.Headers.Location!;
        var said = Stopwatch.StartNew();
        while (true)
        {
            var job = (await http.GetFromJsonAsync<Job>(location, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
            if (job.State is "done" or "failed" or "cancelled")
            {
                return job;
            }
            if (said.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.Error.WriteLine($"  {job.Processed:N0} of {job.Total:N0}");
                said.Restart();
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM), in bytes.</summary>
    private static (long Rss, long Hwm) Memory(int pid)
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>User plus system CPU time of the process so far (clock ticks of 10 ms, fields 14 and 15 of stat(5)).</summary>
    private static TimeSpan Cpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10);
    }

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
