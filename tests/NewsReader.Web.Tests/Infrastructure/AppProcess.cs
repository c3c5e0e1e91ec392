using System.Diagnostics;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>`dotnet NewsReader.Web.dll &lt;verb&gt; ...`, as `dotnet run -- &lt;verb&gt;` runs it: its exit code and everything it printed.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string? workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsReader.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
