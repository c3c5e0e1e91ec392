using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library.Ingestion;

/// <summary>
/// Seeds that are not regular files: a link to /dev/zero once ran the app out of memory and a
/// FIFO blocked start-up for ever. Both are now skipped with a reason while the rest go in.
/// </summary>
public sealed class SpecialFileTests
{
    [Fact]
    public async Task A_fifo_and_a_link_to_dev_zero_in_seeds_are_skipped_and_the_app_becomes_ready()
    {
        await using var app = new NewsReaderAppFactory();
        File.CreateSymbolicLink(Path.Combine(app.SeedsFolder, "zero.txt"), "/dev/zero");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(app.SeedsFolder, "pipe.txt")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var client = app.CreateClient();

        var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        Assert.Equal(1, await db.Articles.CountAsync());
        var skipped = await db.SourceFiles.Where(f => f.SkipReason != null).ToDictionaryAsync(f => Path.GetFileName(f.Path), f => f.SkipReason);
        Assert.Contains("character device", skipped["zero.txt"]);
        Assert.Contains("named pipe", skipped["pipe.txt"]);
    }
}
