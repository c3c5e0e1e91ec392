using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Logging;

public sealed class HostLoggingTests
{
    [Fact]
    public async Task Two_hosts_in_one_process_each_keep_their_own_log_events()
    {
        await using var first = new NewsReaderAppFactory();
        await using var second = new NewsReaderAppFactory();
        await File.WriteAllBytesAsync(Path.Combine(first.SeedsFolder, "only-in-host-a.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(second.SeedsFolder, "only-in-host-b.txt"), []);
        var firstClient = first.CreateClient();
        var secondClient = second.CreateClient();

        await firstClient.GetAsync("/healthz");
        await secondClient.GetAsync("/healthz");
        // A host that stops must not silence the other one.
        await first.DisposeAsync();
        await second.IngestAsync();
        await secondClient.GetAsync("/healthz");

        var ingester = typeof(ArticleIngester).FullName!;
        Assert.Single(first.Logs.Warnings(ingester), w => w.Message.Contains("only-in-host-a.txt"));
        Assert.DoesNotContain(first.Logs.Entries, e => e.Message.Contains("only-in-host-b"));
        Assert.Equal(2, second.Logs.Warnings(ingester).Count(w => w.Message.Contains("only-in-host-b.txt")));
        Assert.DoesNotContain(second.Logs.Entries, e => e.Message.Contains("only-in-host-a"));
        Assert.Equal(2, second.Logs.Entries.Count(e => e.Message.Contains("HTTP \"GET\" \"/healthz\" responded 200") && e.Category.StartsWith("Serilog.AspNetCore", StringComparison.Ordinal)));
        Assert.Single(first.Logs.Entries, e => e.Message.Contains("HTTP \"GET\" \"/healthz\" responded 200"));
    }
}
