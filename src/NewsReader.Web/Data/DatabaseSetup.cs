using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Data;

/// <summary>
/// Registers the store, SQLite or PostgreSQL as `NewsReader:Database` says, and brings its
/// schema up to date at start-up.
/// </summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "NewsReader";

    public static IServiceCollection AddNewsReaderDb(this IServiceCollection services)
    {
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<MigrationStatus>();
        services.AddDbContext<NewsReaderDb>((sp, options) => Configure(options, sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<SqlitePragmas>()));
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    /// <summary>The provider, its connection and the migration set that goes with it.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, IConfiguration configuration, IHostEnvironment environment, SqlitePragmas? pragmas = null)
    {
        if (DatabaseProviders.Of(configuration) == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(PostgresConnectionString(configuration));
        }
        else
        {
            options.UseSqlite(ConnectionString(configuration, environment)).AddInterceptors(pragmas ?? new SqlitePragmas());
        }
        return options.UseProviderMigrations();
    }

    /// <summary>
    /// The active provider's migration set only (<see cref="ProviderMigrationsAssembly"/>): every
    /// context built outside <see cref="Configure"/> (the bench, the copy to PostgreSQL) needs it,
    /// or EF Core would see both sets.
    /// </summary>
    public static TBuilder UseProviderMigrations<TBuilder>(this TBuilder options) where TBuilder : DbContextOptionsBuilder
    {
        options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();
        return options;
    }

    /// <summary>`ConnectionStrings:NewsReader`, which PostgreSQL cannot do without.</summary>
    public static string PostgresConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"{DatabaseProviders.Key}=postgres needs ConnectionStrings:{ConnectionStringName} (Host=...;Database=...;Username=...).");

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

    /// <summary>
    /// Applies pending migrations: on PostgreSQL under an advisory lock, so instances that
    /// start together migrate once; on SQLite, then switches the file to write-ahead logging.
    /// </summary>
    public static async Task MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsReaderDb>();
        if (DatabaseProviders.Of(db.Database) == DatabaseProvider.Postgres)
        {
            await using (await DatabaseLock.AcquireAsync(db, DatabaseLock.Migrations, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            services.GetService<MigrationStatus>()?.Done();
            return;
        }
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
        services.GetService<MigrationStatus>()?.Done();
    }

    private sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => services.MigrateAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Whether this instance has brought the schema up to date, for `/healthz/ready`.</summary>
public sealed class MigrationStatus
{
    private volatile bool done;

    public bool IsDone => done;

    public void Done() => done = true;
}
