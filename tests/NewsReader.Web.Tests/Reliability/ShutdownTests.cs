using System.Net.Sockets;
using System.Text;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reliability;

/// <summary>
/// SIGTERM (what `systemctl stop` and `docker stop` send): a request in flight is answered and
/// its write kept, the seed ingestion stops between articles, and the process exits cleanly.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class ShutdownTests : AppFolderTests
{
    [Fact]
    public async Task On_SIGTERM_the_request_in_flight_finishes_and_ingestion_stops_between_articles()
    {
        const int files = 3000;
        var seeds = Seeds;
        File.Copy(RepoPaths.Seed, Path.Combine(Directory.CreateDirectory(seeds).FullName, RepoPaths.SeedFile));
        // A first run stores the article to annotate and the reader's account (its token
        // outlives a restart); the second finds a big Folder to ingest and is stopped mid-way.
        System.Net.Http.Headers.AuthenticationHeaderValue token;
        await using (var first = await AppProcess.StartAsync(Folder))
        {
            await first.WaitUntilAsync("/healthz/ready", TimeSpan.FromMinutes(1));
            token = (await ApiUsers.RegisterAsync(first.CreateClient(), "late@example.org")).DefaultRequestHeaders.Authorization!;
        }
        LibraryChecks.WriteArticles(seeds, files);

        await using var app = await AppProcess.StartAsync(Folder);
        while (await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Articles;") < 2)
        {
            await Task.Delay(10);
        }

        // A note whose body is still on its way when the signal comes. Written on a socket of
        // our own: HttpClient holds a request's first bytes back until its body is complete.
        // With "Expect: 100-continue" the server says when the endpoint starts reading the body,
        // so the request is known to be in flight, however slow the machine.
        var body = Encoding.UTF8.GetBytes(new AnnotationBuilder().Note("written while the app stops").Build().ToJsonString());
        using var socket = new TcpClient();
        await socket.ConnectAsync(app.Address.Host, app.Address.Port);
        var stream = socket.GetStream();
        using var response = new StreamReader(stream, Encoding.ASCII);
        var head = $"POST /api/annotations HTTP/1.1\r\nHost: {app.Address.Authority}\r\nAuthorization: {token}\r\n"
            + $"Content-Type: application/ld+json\r\nContent-Length: {body.Length}\r\nExpect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
        Assert.Equal("HTTP/1.1 100 Continue", await response.ReadLineAsync());
        Assert.Equal("", await response.ReadLineAsync());
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        await stream.FlushAsync();

        var before = await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Articles;");
        Assert.True(before < files, $"the ingestion must still be under way when the signal comes; {before} of {files + 1} articles were in");
        app.Terminate();
        await app.WaitForOutputAsync("Application is shutting down", TimeSpan.FromSeconds(30));
        // The server wakes its connections (Kestrel's CancelPendingRead) right after that line and
        // says nothing of it: a moment for it to reach the body read still waiting. Shorter on a
        // busy machine, the test still passes; it only checks less.
        await Task.Delay(500);
        Assert.False(app.HasExited, "the app exited with a request still in flight:\n" + app.Output);
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
        await stream.FlushAsync();
        Assert.Equal("HTTP/1.1 201 Created", await response.ReadLineAsync());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.WaitForExitAsync(timeout.Token);
        Assert.True(app.ExitCode == 0, app.Output);
        await LibraryChecks.AssertIntactAsync(Database);
        Assert.Equal(1, await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Annotations WHERE Note = 'written while the app stops';"));
        // Stopped part-way, not run to the end first: the rest comes on the next start.
        Assert.InRange(await LibraryChecks.ScalarAsync<long>(Database, "SELECT count(*) FROM Articles;"), before, files);
    }
}
