using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Data;

/// <summary>Registers the SQLite store and brings its schema up to date.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "NewsReader";

    public static IServiceCollection AddNewsReaderDb(this IServiceCollection services)
    {
        services.AddSingleton<SqlitePragmas>();
        services.AddDbContext<NewsReaderDb>((sp, options) => options
            .UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()))
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>
    /// `ConnectionStrings:NewsReader` when set; otherwise data/newsreader.db under the content
    /// root, a folder .gitignore keeps out of the repository.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "newsreader.db")}"
            : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(environment.ContentRootPath, builder.DataSource));
        }
        builder.ForeignKeys = true;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations and switches the file to write-ahead logging.</summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(cancellationToken);
        // WAL lets readers go on while ingestion writes; the mode is stored in the file.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && dataSource != ":memory:")
            {
                scope.ServiceProvider.GetRequiredService<ILogger<NewsReaderDb>>().LogWarning("SQLite stayed in {Mode} journal mode instead of WAL", mode);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
