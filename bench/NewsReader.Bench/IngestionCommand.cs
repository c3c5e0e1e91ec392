using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// <c>ingest [--files N]</c>: ingestion throughput. Generates N (default 2,000) mixed source files
/// (<see cref="IngestionCorpus"/>), ingests them with the real <see cref="ArticleIngester"/> into a
/// fresh migrated SQLite file (first run, once cold and once warm into another fresh file),
/// ingests them again (unchanged run), then writes the
/// same rows the first run stored (source files, articles, revisions, blocks) into another fresh
/// database with plain batched SQL in one transaction: the raw insert floor, FTS5 triggers
/// included. The last line is JSON.
/// </summary>
internal static class IngestionCommand
{
    private const int DefaultFiles = 2_000;

    public static int Run(string[] args)
    {
        var files = DefaultFiles;
        var at = Array.IndexOf(args, "--files");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out files) || files < 1))
        {
            Console.Error.WriteLine("usage: ingest [--files N] (N at least 1)");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("newsreader-ingest-bench-").FullName;
        try
        {
            return RunAsync(folder, files).GetAwaiter().GetResult();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string folder, int fileCount)
    {
        double coldPerSecond, coldCpuSeconds;
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "seeds")).FullName;
        var mix = IngestionCorpus.Write(seeds, fileCount, new Random(20_261_201));
        Console.WriteLine($"Generated {fileCount:N0} files ({mix}) in {seeds}");

        ProfileParsing(seeds);

        // The raw floor runs with Microsoft.Data.Sqlite's paths compiled by the runs before it, so
        // the first ingest is measured twice: cold, as a fresh process meets it (the JIT compiling
        // and tiering up the parsers and the writer as they go), then warm into a second empty
        // database, which is the figure set against the floor.
        await using (var coldServices = Services(seeds, Path.Combine(folder, "cold.db")))
        {
            await coldServices.MigrateAsync();
            var cold = await TimeIngestAsync(coldServices, seeds);
            Console.WriteLine($"first ingest cold:{cold.Seconds,7:F2} s  {fileCount / cold.Seconds,8:N0} files/s  {cold.CpuSeconds,6:F2} CPU-s  {cold.WrittenMegabytes,6:F1} MB written  ({cold.Report})");
            coldPerSecond = fileCount / cold.Seconds;
            coldCpuSeconds = cold.CpuSeconds;
        }

        var ingested = Path.Combine(folder, "ingested.db");
        await using var services = Services(seeds, ingested);
        await services.MigrateAsync();

        var first = await TimeIngestAsync(services, seeds);
        Console.WriteLine($"first ingest:     {first.Seconds,7:F2} s  {fileCount / first.Seconds,8:N0} files/s  {first.CpuSeconds,6:F2} CPU-s  {first.WrittenMegabytes,6:F1} MB written  ({first.Report})");
        var unchanged = await TimeIngestAsync(services, seeds);
        Console.WriteLine($"unchanged ingest: {unchanged.Seconds,7:F2} s  {fileCount / unchanged.Seconds,8:N0} files/s  ({unchanged.Report})");
        // A feed file is one outcome per item on the first run and one "unchanged" on the second.
        var storedFiles = first.Report.Files.Where(f => f.Outcome != IngestionOutcome.Skipped).Select(f => f.Path).Distinct().Count();
        if (unchanged.Report.Count(IngestionOutcome.Unchanged) != storedFiles)
        {
            Console.Error.WriteLine("ingest: the second run was not all unchanged");
            return 1;
        }

        var raw = Path.Combine(folder, "raw.db");
        await using (var rawServices = Services(seeds, raw))
        {
            await rawServices.MigrateAsync();
        }
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var writtenBefore = WrittenBytes();
        var rawSeconds = RawInsert.CopyRows(ingested, raw);
        var rawCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var rawWritten = (WrittenBytes() - writtenBefore) / 1e6;
        Console.WriteLine($"raw insert:       {rawSeconds,7:F2} s  {fileCount / rawSeconds,8:N0} files/s  {rawCpuSeconds,6:F2} CPU-s  {rawWritten,6:F1} MB written  (the first run's rows, batched SQL, one transaction)");

        var firstPerSecond = fileCount / first.Seconds;
        var unchangedPerSecond = fileCount / unchanged.Seconds;
        var rawPerSecond = fileCount / rawSeconds;
        Console.WriteLine($"first/raw {firstPerSecond / rawPerSecond:F2} (aim >= 0.5; cold {coldPerSecond / rawPerSecond:F2}); unchanged/first {unchangedPerSecond / firstPerSecond:F1}x (aim >= 20x)");
        // On a shared machine wall time swings with the load; CPU time (both cores, GC included) much less.
        Console.WriteLine($"CPU-s first/raw {first.CpuSeconds / rawCpuSeconds:F2} (cold {coldCpuSeconds / rawCpuSeconds:F2})");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            files = fileCount,
            firstPerSecond = Math.Round(firstPerSecond, 1),
            firstColdPerSecond = Math.Round(coldPerSecond, 1),
            unchangedPerSecond = Math.Round(unchangedPerSecond, 1),
            rawInsertPerSecond = Math.Round(rawPerSecond, 1),
            firstCpuSeconds = Math.Round(first.CpuSeconds, 2),
            firstColdCpuSeconds = Math.Round(coldCpuSeconds, 2),
            rawCpuSeconds = Math.Round(rawCpuSeconds, 2),
        }));
        return 0;
    }

    /// <summary>
    /// Where the first run's time goes: each format's files extracted on one thread, outside
    /// the ingester, so the figure is the parsing alone.
    /// </summary>
    private static void ProfileParsing(string seeds)
    {
        foreach (var format in Directory.EnumerateFiles(seeds, "*", SearchOption.AllDirectories).GroupBy(Path.GetExtension).OrderBy(g => g.Key))
        {
            var sources = format.Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList();
            ArticleExtractor.Extract(sources[0].Bytes, sources[0].Name);
            var watch = Stopwatch.StartNew();
            foreach (var (name, bytes) in sources)
            {
                ArticleExtractor.Extract(bytes, name);
            }
            Console.WriteLine($"parse {format.Key,-6} {sources.Count,6:N0} files  {watch.Elapsed.TotalMilliseconds / sources.Count,7:F3} ms/file on one thread");
        }
    }

    private static async Task<(double Seconds, double CpuSeconds, double WrittenMegabytes, IngestionReport Report)> TimeIngestAsync(ServiceProvider services, string seeds)
    {
        await using var scope = services.CreateAsyncScope();
        var ingester = scope.ServiceProvider.GetRequiredService<ArticleIngester>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var writtenBefore = WrittenBytes();
        var watch = Stopwatch.StartNew();
        var report = await ingester.IngestAsync(seeds);
        return (watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds, (WrittenBytes() - writtenBefore) / 1e6, report);
    }

    /// <summary>Bytes this process has passed to write() so far (Linux's /proc/self/io; 0 elsewhere): the database, its WAL and journals.</summary>
    private static long WrittenBytes()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io))
        {
            return 0;
        }
        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The services ingestion needs, as the app registers them, without a web host.</summary>
    private static ServiceProvider Services(string seeds, string database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [IngestionSetup.SeedsPathKey] = seeds,
            [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = $"Data Source={database}",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new BenchEnvironment(seeds))
            .AddSingleton(TimeProvider.System)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        // The app's own configuration, connection pragmas included (synchronous=NORMAL in WAL mode).
        services.AddDbContext<NewsReaderDb>(options => DatabaseSetup.Configure(options, configuration, new BenchEnvironment(seeds)));
        services.AddScoped<ArticleIngester>();
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "NewsReader.Bench";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
