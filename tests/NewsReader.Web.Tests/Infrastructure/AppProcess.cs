using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// The app as its own process (`dotnet NewsReader.Web.dll`, as `dotnet run` starts it) on a
/// free 127.0.0.1 port, over a database and seeds folder of the test's: for what only a real
/// process shows, such as `kill -9`, SIGTERM and the command-line verbs.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <summary>What the process printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts the app on <paramref name="folder"/>'s data/newsreader.db and seeds/, and waits until `/healthz` answers.</summary>
    public static async Task<AppProcess> StartAsync(string folder, params string[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = Start(folder,
        [
            $"--urls={address}",
            $"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "data", "newsreader.db")}",
            $"--NewsReader:SeedsPath={Path.Combine(folder, "seeds")}",
            "--NewsReader:RateLimit:AuthPermitLimit=100000",
            .. settings,
        ]);
        var app = new AppProcess(Process.Start(start)!, address);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilAsync("/healthz", TimeSpan.FromMinutes(1));
        return app;
    }

    /// <summary>
    /// Runs a verb (`ingest`, `backup`, `restore`, `migrate-to-postgres`) to its end: its exit
    /// code and everything it printed. With a folder, the verb runs there on its data/newsreader.db
    /// unless the arguments name another database.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(string? folder, params string[] args)
    {
        using var process = Process.Start(Start(folder, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Left running, it would outlive the test run.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not exit within 2 minutes.");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Polls <paramref name="path"/> until it answers 200.</summary>
    public async Task WaitUntilAsync(string path, TimeSpan timeout)
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{path} did not answer 200 within {timeout}:\n{Output}");
    }

    /// <summary>Waits until the process has printed <paramref name="text"/> (a log line it writes when something happened).</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not print \"{text}\" within {timeout}:\n{Output}");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>`kill -9`: the process ends at once, with no chance to finish anything.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager or `docker stop` sends it: the host shuts down gracefully.</summary>
    public void Terminate() => _ = SendSignal(process.Id, 15);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static ProcessStartInfo Start(string? folder, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder ?? "",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The app's appsettings.json (log levels and the rest) is copied beside the tests.
        start.ArgumentList.Add($"--contentRoot={AppContext.BaseDirectory}");
        if (folder is not null && !args.Any(a => a.StartsWith("--ConnectionStrings", StringComparison.Ordinal)))
        {
            start.ArgumentList.Add($"--ConnectionStrings:NewsReader=Data Source={Path.Combine(folder, "data", "newsreader.db")}");
        }
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
