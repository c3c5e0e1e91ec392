using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database: a SQLite file in a temporary folder, or a fresh PostgreSQL
/// database when the run says so (<see cref="TestDatabase"/>), with its own seeds folder that a
/// test can fill before the first request. The app ingests its seeds in the background once it
/// listens; the factory hands out the app only when that is done (what `/healthz/ready` says),
/// unless a test turns <see cref="WaitForSeeds"/> off to watch it happen.
/// </summary>
public class NewsReaderAppFactory : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("newsreader-test-").FullName;

    public string SeedsFolder => Path.Combine(Folder, "seeds");

    public string DatabasePath => Path.Combine(Folder, "data", "newsreader.db");

    /// <summary>The run's provider (<see cref="TestDatabase"/>) unless the test asked for one.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string the app uses, for a second app on the same data.</summary>
    public string ConnectionString { get; }

    /// <summary>An open connection to the app's database, for a test that looks under the hood.</summary>
    public Task<System.Data.Common.DbConnection> OpenDatabaseAsync() => TestDatabase.OpenAsync(Provider, ConnectionString);

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra settings a test wants, applied over the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Services a test replaces, registered after the app's own.</summary>
    public List<Action<IServiceCollection>> Replacements { get; } = [];

    // Each host would watch its appsettings files for changes with an inotify instance; the
    // tests never change them, and the machine's per-user limit (128) is shared by every test
    // run on it, so many hosts at once failed to start.
    // The same limit is met by the file watchers of asp-append-version (one per host's web
    // root), so those poll instead: another engineer's test run on the machine shares it too.
    static NewsReaderAppFactory()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>Whether starting the app waits for its seed ingestion to finish.</summary>
    public bool WaitForSeeds { get; set; } = true;

    public NewsReaderAppFactory(bool withSeed = true, DatabaseProvider? provider = null)
    {
        Provider = provider ?? TestDatabase.Provider;
        ConnectionString = Provider == DatabaseProvider.Postgres ? TestDatabase.CreatePostgres() : $"Data Source={DatabasePath}";
        Directory.CreateDirectory(SeedsFolder);
        if (withSeed)
        {
            File.Copy(RepoPaths.Seed, Path.Combine(SeedsFolder, RepoPaths.SeedFile));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseProviders.Key, Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("ConnectionStrings:NewsReader", ConnectionString);
        builder.UseSetting(IngestionSetup.SeedsPathKey, SeedsFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            // Identity's 100,000 PBKDF2 rounds cost tens of milliseconds of CPU per register and
            // log-in; the suite does thousands of them on both providers, on two shared cores.
            // The hashing itself is Identity's and not under test, so the tests use fewer rounds.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
            Replacements.ForEach(replace => replace(services));
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitForSeeds && !host.Services.GetRequiredService<SeedIngestionStatus>().Finished.Wait(TimeSpan.FromMinutes(5)))
        {
            throw new TimeoutException("The app's seed ingestion did not finish within 5 minutes.");
        }
        return host;
    }

    /// <summary>Runs ingestion again over the seeds folder, as the CLI verb would.</summary>
    public async Task<IngestionReport> IngestAsync(string? path = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleIngester>().IngestAsync(path ?? SeedsFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Provider == DatabaseProvider.Postgres)
        {
            TestDatabase.DropPostgres(ConnectionString);
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind; it must not fail a test.
        }
        GC.SuppressFinalize(this);
    }
}
