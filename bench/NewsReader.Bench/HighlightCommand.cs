using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// <c>highlight [--runs N] [--phone] [--restart]</c>: how long a highlight takes to show, in a real browser.
/// Starts the Release build of the web app on 127.0.0.1 with a temporary database and the
/// repository's <c>seeds/</c>, signs up in headless Debian chromium (/usr/bin/chromium, through
/// Playwright), opens the seed article and, N times (default 40, after 5 warm-up runs), selects
/// a fresh passage with the selection API, waits for the toolbar, clicks its first swatch and
/// measures in the page from the click to the first frame painted after the new annotation's
/// marks are in the document (a MutationObserver, then requestAnimationFrame). It reports the
/// median, p95 and mean, and where the time goes: the POST to /api/annotations and the GET of
/// the re-rendered fragments (Resource Timing), the rest being parse, swap and paint, and the
/// first highlight since the app started (the first warm-up run) on its own. <c>--restart</c>
/// restarts the app after signing up, so that first highlight is an existing reader's first after
/// a start (as after a deploy) rather than a brand-new install's. The last line is JSON. It measures; it never fails on a slow figure.
/// </summary>
internal static class HighlightCommand
{
    private const int WarmUp = 5;
    private const string Slug = "us-president-biden-and-japanese-prime-minister-kishita-nada-promised-to-start";

    // Selects words [word, word + 3) of paragraph (n mod paragraphs), waits for the toolbar, clicks the
    // first swatch and times until the new marks are painted. Returns [total, post, fragments].
    private const string OneHighlight = """
        async (n) => {
          const body = document.querySelector('.reader-body');
          const paragraphs = [...body.querySelectorAll('p')].filter(p => p.textContent.split(' ').length > 12);
          const p = paragraphs[n % paragraphs.length];
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          const nodes = [];
          for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t);
          const node = nodes.reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a));
          const words = [...node.textContent.matchAll(/\S+/g)];
          const first = (Math.floor(n / paragraphs.length) * 4) % Math.max(1, words.length - 3);
          const range = document.createRange();
          range.setStart(node, words[first].index);
          const last = words[Math.min(words.length - 1, first + 2)];
          range.setEnd(node, last.index + last[0].length);
          const selection = getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          const toolbar = document.querySelector('.selection-toolbar');
          while (toolbar.hidden) await new Promise(r => setTimeout(r, 10));
          const before = new Set([...body.querySelectorAll('mark[id^="annotation-"]')].map(m => m.id));
          performance.clearResourceTimings();
          const shown = new Promise(resolve => {
            const observer = new MutationObserver(() => {
              if ([...document.querySelectorAll('.reader-body mark[id^="annotation-"]')].some(m => !before.has(m.id))) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now()));
              }
            });
            observer.observe(document.querySelector('main'), { childList: true, subtree: true });
          });
          const start = performance.now();
          toolbar.querySelector('.swatch').click();
          const end = await shown;
          const timing = (match) => performance.getEntriesByType('resource').filter(e => match(e.name)).map(e => e.duration).pop() ?? 0;
          return [end - start, timing(u => u.endsWith('/api/annotations')), timing(u => u.includes('handler=Fragments'))];
        }
        """;

    public static int Run(string[] args)
    {
        int runs = 40;
        var at = Array.IndexOf(args, "--runs");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1))
        {
            Console.Error.WriteLine("highlight: --runs takes a positive whole number");
            return 2;
        }
        try
        {
            return RunAsync(runs, args.Contains("--phone"), args.Contains("--restart")).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ReaderCommand.BenchFailure or PlaywrightException or TimeoutException)
        {
            Console.Error.WriteLine($"highlight: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(int runs, bool phone, bool restart)
    {
        var root = ReaderCommand.FindRepoRoot();
        var webDir = Path.Combine(root, "src", "NewsReader.Web");
        var dll = Path.Combine(webDir, "bin", "Release", "net10.0", "NewsReader.Web.dll");
        if (!File.Exists(dll))
        {
            throw new ReaderCommand.BenchFailure($"{dll} is missing: run `dotnet build -c Release src/NewsReader.Web` in {root} first.");
        }
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new ReaderCommand.BenchFailure($"{chromium} is missing: apt-get install -y chromium.");
        }
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"newsreader-highlight-bench-{Guid.NewGuid():N}")).FullName;
        Process? web = null;
        try
        {
            var baseUrl = $"http://127.0.0.1:{ReaderCommand.FreePort()}";
            string[] webArgs =
            [
                dll, "--urls", baseUrl,
                $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(temp, "bench.db")}",
                $"--NewsReader:SeedsPath={Path.Combine(root, "seeds")}",
                "--environment", "Production",
            ];
            Console.WriteLine($"web: (cd {webDir} && dotnet {string.Join(' ', webArgs.Select(ReaderCommand.Quote))})");
            var log = new Queue<string>();
            web = ReaderCommand.StartWeb(webDir, webArgs, log);
            using (var http = new HttpClient { BaseAddress = new Uri(baseUrl) })
            {
                await ReaderCommand.WaitForHealthAsync(http, web, log);
            }

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseUrl,
                ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 800 },
                HasTouch = phone,
                IsMobile = phone,
            });
            var page = await context.NewPageAsync();
            await SignUpAsync(page);
            if (restart)
            {
                // As after a deploy: the account exists, the app has just started (and warmed up).
                ReaderCommand.Kill(web);
                web.Dispose();
                web = ReaderCommand.StartWeb(webDir, webArgs, log);
                using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
                await ReaderCommand.WaitForHealthAsync(http, web, log);
                await Task.Delay(TimeSpan.FromSeconds(2)); // the warm-up runs once seeding is done
                await page.GotoAsync("/");
                if (await page.Locator("[data-testid=current-user]").CountAsync() == 0)
                {
                    throw new ReaderCommand.BenchFailure("the session did not survive the restart.");
                }
            }
            await page.GotoAsync($"/articles/{Slug}");

            double[]? first = null; // the first highlight since the app started: what start-up left cold
            var total = new List<double>(runs);
            var post = new List<double>(runs);
            var fragments = new List<double>(runs);
            for (int n = 0; n < WarmUp + runs; n++)
            {
                var times = await page.EvaluateAsync<double[]>(OneHighlight, n);
                first ??= times;
                if (n >= WarmUp)
                {
                    total.Add(times[0]);
                    post.Add(times[1]);
                    fragments.Add(times[2]);
                }
            }
            if (await page.EvaluateAsync<bool>("() => performance.getEntriesByType('navigation').length !== 1 || document.querySelectorAll('.reader-body mark[id^=\"annotation-\"]').length === 0"))
            {
                throw new ReaderCommand.BenchFailure("the page reloaded or shows no highlights: the measurement would be wrong.");
            }
            var marks = await page.EvaluateAsync<int>("() => document.querySelectorAll('.reader-body mark[id^=\"annotation-\"]').length");
            double P(List<double> list, double q) => Synthetic.Percentile(list, q);
            var rest = total.Zip(post, fragments).Select(t => t.First - t.Second - t.Third).ToList();
            Console.WriteLine($"highlight created -> marks painted ({(phone ? "390x844 touch" : "1280x800")}, {runs} runs after {WarmUp} warm-up, {marks} highlights on the page at the end):");
            Console.WriteLine($"  total     median {P(total, 0.5),7:F1} ms  p95 {P(total, 0.95),7:F1} ms  mean {total.Average(),7:F1} ms");
            Console.WriteLine($"  POST      median {P(post, 0.5),7:F1} ms  p95 {P(post, 0.95),7:F1} ms");
            Console.WriteLine($"  fragments median {P(fragments, 0.5),7:F1} ms  p95 {P(fragments, 0.95),7:F1} ms");
            Console.WriteLine($"  the rest  median {P(rest, 0.5),7:F1} ms  (script, parse, swap, paint)");
            Console.WriteLine($"  first highlight since start-up {first![0],7:F1} ms  (POST {first[1]:F1} ms, fragments {first[2]:F1} ms)");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                runs,
                viewport = phone ? "390x844" : "1280x800",
                medianMs = Math.Round(P(total, 0.5), 1),
                p95Ms = Math.Round(P(total, 0.95), 1),
                meanMs = Math.Round(total.Average(), 1),
                postMedianMs = Math.Round(P(post, 0.5), 1),
                fragmentsMedianMs = Math.Round(P(fragments, 0.5), 1),
                firstMs = Math.Round(first[0], 1),
                firstPostMs = Math.Round(first[1], 1),
                firstFragmentsMs = Math.Round(first[2], 1),
            }));
            await context.CloseAsync();
            return 0;
        }
        finally
        {
            ReaderCommand.Kill(web);
            web?.Dispose();
            try
            {
                Directory.Delete(temp, recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"highlight: could not delete {temp}: {ex.Message}");
            }
        }
    }

    private static async Task SignUpAsync(IPage page)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("E-mail").FillAsync("bench-highlight@example.org");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Bench-Highlight-2026!");
        await page.GetByLabel("Repeat the password").FillAsync("Bench-Highlight-2026!");
        // Registration may ask for a display name too.
        var displayName = page.GetByLabel("Display name");
        if (await displayName.CountAsync() > 0)
        {
            await displayName.FillAsync("Bench highlighter");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // Registration signs no one in: the log-in form follows, with the address filled in.
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Bench-Highlight-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        // Attached rather than visible: below 600 px the header folds the account links away.
        await page.WaitForSelectorAsync("[data-testid=current-user]", new() { State = WaitForSelectorState.Attached });
    }
}
