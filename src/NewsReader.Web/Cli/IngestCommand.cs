using Spectre.Console;

namespace NewsReader.Web.Cli;

/// <summary>
/// The terminal face of `ingest &lt;path&gt;`: a progress bar with running counts on a terminal,
/// plain lines when the output is redirected, each skip named once with its reason, and one
/// summary line at the end.
/// </summary>
public static class IngestCommand
{
    public static async Task<IngestionReport> RunAsync(ArticleIngester ingester, string path, string? keyRoot = null)
    {
        var console = AnsiConsole.Console;
        var interactive = console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        var files = File.Exists(path) ? 1 : SourceFileReader.Enumerate(path).Count;
        IngestionReport report;
        if (interactive)
        {
            report = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Ingesting", maxValue: Math.Max(1, files));
                    var counts = new Counts();
                    return await ingester.IngestAsync(path, keyRoot: keyRoot, progress: new Reporter(outcomes =>
                    {
                        counts.Add(outcomes);
                        task.Increment(1);
                        task.Description = Markup.Escape(counts.ToString());
                        foreach (var skipped in outcomes.Where(o => o.Outcome is IngestionOutcome.Skipped))
                        {
                            console.MarkupLineInterpolated($"[yellow]Skipped[/] {skipped.Path}: {skipped.Reason}");
                        }
                    }));
                });
        }
        else
        {
            Console.WriteLine($"Ingesting {files:N0} file{(files == 1 ? "" : "s")} from {Path.GetFullPath(path)}");
            report = await ingester.IngestAsync(path, keyRoot: keyRoot, progress: new Reporter(outcomes =>
            {
                foreach (var outcome in outcomes.Where(o => o.Outcome is IngestionOutcome.Skipped or IngestionOutcome.Duplicate))
                {
                    Console.WriteLine($"{outcome.Outcome} {outcome.Path}: {outcome.Reason}");
                }
            }));
        }
        Console.WriteLine(report);
        return report;
    }

    /// <summary>Reports synchronously, on the ingesting thread (Progress&lt;T&gt; would post elsewhere).</summary>
    private sealed class Reporter(Action<IReadOnlyList<IngestedFile>> report) : IProgress<IReadOnlyList<IngestedFile>>
    {
        public void Report(IReadOnlyList<IngestedFile> value) => report(value);
    }

    private sealed class Counts
    {
        private readonly int[] counts = new int[Enum.GetValues<IngestionOutcome>().Length];

        public void Add(IEnumerable<IngestedFile> outcomes)
        {
            foreach (var outcome in outcomes)
            {
                counts[(int)outcome.Outcome]++;
            }
        }

        public override string ToString() => IngestionReport.Summary(outcome => counts[(int)outcome]);
    }

    /// <summary>
    /// Runs `ingest &lt;path&gt;` when the command line asks for it: migrates, ingests with
    /// progress, prints each skip and the summary, and returns the exit code (0 unless nothing
    /// could be read).
    /// </summary>
    public static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        // `--key-root <folder>` (or `--key-root=<folder>`) names the folder files are keyed by;
        // configuration overrides (--Key=value) may follow the verb; the rest is the path.
        var rest = args.Skip(1).ToList();
        string? keyRoot = null;
        var at = rest.FindIndex(a => a == "--key-root" || a.StartsWith("--key-root=", StringComparison.Ordinal));
        if (at >= 0)
        {
            if (rest[at].Contains('=', StringComparison.Ordinal))
            {
                keyRoot = rest[at]["--key-root=".Length..];
                rest.RemoveAt(at);
            }
            else if (at + 1 < rest.Count)
            {
                keyRoot = rest[at + 1];
                rest.RemoveRange(at, 2);
            }
            if (string.IsNullOrWhiteSpace(keyRoot) || !Directory.Exists(keyRoot))
            {
                Console.Error.WriteLine($"ingest: --key-root needs a folder that exists");
                return 2;
            }
        }
        var paths = rest.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (paths.Count == 1 && string.IsNullOrWhiteSpace(paths[0]))
        {
            Console.Error.WriteLine("ingest: the path is empty; name a file or folder to ingest");
            return 2;
        }
        if (paths.Count != 1)
        {
            Console.Error.WriteLine("usage: dotnet run --project src/NewsReader.Web -- ingest <file-or-folder> [--key-root <folder>]");
            return 2;
        }
        if (!File.Exists(paths[0]) && !Directory.Exists(paths[0]))
        {
            Console.Error.WriteLine($"ingest: no file or folder at {Path.GetFullPath(paths[0])}");
            return 1;
        }
        await app.Services.MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var report = await IngestCommand.RunAsync(scope.ServiceProvider.GetRequiredService<ArticleIngester>(), paths[0], keyRoot);
        return report.Files.Count > 0 && report.Files.All(f => f.Outcome == IngestionOutcome.Skipped) ? 1 : 0;
    }
}
