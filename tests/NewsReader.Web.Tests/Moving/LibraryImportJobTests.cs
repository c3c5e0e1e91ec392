using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Fetching;
using NewsReader.Web.Tests.Infrastructure;
using Job = NewsReader.Web.Tests.Moving.LibraryImportTests.Job;

namespace NewsReader.Web.Tests.Moving;

/// <summary>
/// An import job's life: stopped by a restart and carried on by the next host on the same
/// database, cancelled in the middle of a fetch, and held back by the host's politeness delay.
/// Each test has its own app and a local site whose pages the test holds open, so what is "in
/// the middle" is decided by the site, never by a timer.
/// </summary>
public sealed class LibraryImportJobTests
{
    private static NewsReaderAppFactory App(int hostDelayMilliseconds = 0, string? connectionString = null)
    {
        var app = new NewsReaderAppFactory(withSeed: false);
        app.Settings[FetchOptions.AllowPrivateNetworksKey] = "true";
        app.Settings["NewsReader:Import:HostDelayMilliseconds"] = hostDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["NewsReader:Import:PollSeconds"] = "1";
        if (connectionString is not null)
        {
            app.Settings["ConnectionStrings:NewsReader"] = connectionString;
        }
        return app;
    }

    /// <summary>A site with pages /story-0 … /story-{count-1}; the first request for /story-{held} hangs until its caller gives up.</summary>
    private static async Task<(FixtureWebServer Site, Task Reached)> SiteAsync(int count, int held)
    {
        var site = await FixtureWebServer.StartAsync();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = 0;
        for (var i = 0; i < count; i++)
        {
            var path = $"/story-{i}";
            var body = WebFixtures.TextStory($"Story number {i}");
            if (i != held)
            {
                site.Serve(path, "text/plain; charset=utf-8", body);
                continue;
            }
            site.Handle(path, async context =>
            {
                if (Interlocked.Increment(ref requests) == 1)
                {
                    reached.TrySetResult();
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(body);
            });
        }
        return (site, reached.Task);
    }

    private static byte[] PocketCsv(params string[] urls) => Encoding.UTF8.GetBytes(
        "title,url,time_added,tags,status\n" + string.Concat(urls.Select((url, i) => $"Story {i},{url},{1700000000 + i},moved|batch,unread\n")));

    private static async Task<string> StartImportAsync(HttpClient reader, byte[] export)
    {
        var response = await reader.PostAsync("/api/import/library", new ByteArrayContent(export));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>How many articles, library rows and tags the reader has, counted in the database.</summary>
    private static async Task<(int Articles, int Entries, int Tags)> StoredAsync(NewsReaderAppFactory app, string email, string siteUrl)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return (await db.Articles.CountAsync(a => a.SourceUrl!.StartsWith(siteUrl)),
            await db.LibraryEntries.CountAsync(e => e.UserId == userId),
            await db.LibraryTags.CountAsync(t => t.UserId == userId));
    }

    [Fact]
    public async Task A_job_stopped_by_a_restart_carries_on_in_the_next_host_and_stores_nothing_twice()
    {
        const int count = 8, held = 4;
        var (site, reached) = await SiteAsync(count, held);
        await using var _ = site;
        await using var second = App();
        var email = $"restart-{Guid.NewGuid():N}@example.org";
        string location;
        // The first host runs on the second's database, so the data outlives it.
        await using (var first = App(connectionString: second.ConnectionString))
        {
            var reader = await ApiUsers.RegisterAsync(first, email);
            location = await StartImportAsync(reader, PocketCsv(Enumerable.Range(0, count).Select(i => site.Url($"/story-{i}")).ToArray()));
            await reached.WaitAsync(TimeSpan.FromMinutes(2));
            var halfway = (await reader.GetFromJsonAsync<Job>(location))!;
            Assert.Equal(("running", held), (halfway.State, halfway.Processed));
        }

        var job = await LibraryImportTests.WaitAsync(await ApiUsers.LogInAsync(second.CreateClient(), email), location);

        Assert.Equal(("done", count, count, count), (job.State, job.Processed, job.Articles, job.Total));
        Assert.Empty(job.Failed);
        Assert.All(Enumerable.Range(0, count), i => Assert.Equal(i == held ? 2 : 1, site.CountOf($"/story-{i}")));
        Assert.Equal((count, count, 2 * count), await StoredAsync(second, email, site.BaseUrl));
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_the_fetch_in_hand_and_adds_nothing_more()
    {
        const int count = 8, held = 3;
        var (site, reached) = await SiteAsync(count, held);
        await using var _ = site;
        site.Serve("/after", "text/plain; charset=utf-8", WebFixtures.TextStory("After the cancel"));
        await using var app = App();
        var email = $"cancel-{Guid.NewGuid():N}@example.org";
        var reader = await ApiUsers.RegisterAsync(app, email);
        var location = await StartImportAsync(reader, PocketCsv(Enumerable.Range(0, count).Select(i => site.Url($"/story-{i}")).ToArray()));
        await reached.WaitAsync(TimeSpan.FromMinutes(2));

        var cancel = await reader.PostAsync(location + "/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<Job>())!.State);
        // The runner takes one job at a time: once a later job is done, the cancelled one has let go.
        var after = await LibraryImportTests.WaitAsync(reader, await StartImportAsync(reader, PocketCsv(site.Url("/after"))));

        Assert.Equal(("done", 1), (after.State, after.Articles));
        var job = (await reader.GetFromJsonAsync<Job>(location))!;
        Assert.Equal(("cancelled", held, held), (job.State, job.Processed, job.Articles));
        Assert.All(Enumerable.Range(held + 1, count - held - 1), i => Assert.Equal(0, site.CountOf($"/story-{i}")));
        Assert.Equal(1, site.CountOf($"/story-{held}"));
        var stored = await StoredAsync(app, email, site.BaseUrl);
        Assert.Equal((held + 1, held + 1), (stored.Articles, stored.Entries));
        // A finished job cannot be cancelled again, and says so by staying as it was.
        Assert.Equal("done", (await (await reader.PostAsync($"/api/import/jobs/{after.Id}/cancel", null)).Content.ReadFromJsonAsync<Job>())!.State);
    }

    [Fact]
    public async Task A_second_link_to_the_same_host_waits_its_turn_while_another_host_does_not()
    {
        await using var polite = await FixtureWebServer.StartAsync();
        await using var other = await FixtureWebServer.StartAsync();
        // A site that knows no page: its link fails with a 404 and the job goes on.
        await using var gone = await FixtureWebServer.StartAsync();
        foreach (var path in new[] { "/first", "/second" })
        {
            polite.Serve(path, "text/plain; charset=utf-8", WebFixtures.TextStory("Polite " + path.Trim('/')));
        }
        other.Serve("/elsewhere", "text/plain; charset=utf-8", WebFixtures.TextStory("Elsewhere"));
        // Ten minutes between two fetches from one host: the second link to it is not fetched within this test.
        await using var app = App(hostDelayMilliseconds: 600_000);
        var reader = await ApiUsers.RegisterAsync(app, $"polite-{Guid.NewGuid():N}@example.org");
        var location = await StartImportAsync(reader, PocketCsv(polite.Url("/first"), gone.Url("/missing-here"), polite.Url("/second")));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await reader.GetFromJsonAsync<Job>(location))!.Processed < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var cancelled = await reader.PostAsync(location + "/cancel", null);
        var elsewhere = await LibraryImportTests.WaitAsync(reader, await StartImportAsync(reader, PocketCsv(other.Url("/elsewhere"))));

        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<Job>())!.State);
        Assert.Equal(("done", 1), (elsewhere.State, elsewhere.Articles));
        var job = (await reader.GetFromJsonAsync<Job>(location))!;
        Assert.Equal((1, 2), (job.Articles, job.Processed));
        Assert.Contains(job.Failed, f => f.Entry.EndsWith("/missing-here", StringComparison.Ordinal) && f.Reason.Length > 0);
        Assert.Equal(1, polite.CountOf("/first"));
        Assert.Equal(0, polite.CountOf("/second"));
    }
}
