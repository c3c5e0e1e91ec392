using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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
        // Pooled: a request leases a context whose internal services are already built, instead
        // of building options and services anew each time (a tenth of a write's CPU). The context
        // keeps no state of its own between leases; EF Core resets the change tracker on return.
        services.AddDbContextPool<NewsReaderDb>((sp, options) => Configure(options, sp.GetRequiredService<IConfiguration>(),
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
            // The lock lives in the database, so the database must exist first.
            await EnsurePostgresDatabaseAsync(db.Database.GetConnectionString()!, cancellationToken);
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

    /// <summary>
    /// Before anything uses the store: on PostgreSQL, creates the configured database when the
    /// server does not have it yet (as `createdb` would). Null when the store can be migrated;
    /// otherwise the exit code, after one log line that says what to do, and no stack trace.
    /// </summary>
    public static async Task<int?> EnsureNewsReaderDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (DatabaseProviders.Of(configuration) != DatabaseProvider.Postgres)
        {
            return null;
        }
        try
        {
            await EnsurePostgresDatabaseAsync(PostgresConnectionString(configuration));
            return null;
        }
        catch (Exception ex) when (ex is DatabaseUnavailableException or InvalidOperationException)
        {
            app.Logger.LogCritical("{Problem:l}", ex.Message);
            return 1;
        }
    }

    /// <summary>
    /// Creates the database <paramref name="connectionString"/> names when the server does not
    /// have it, from the server's `postgres` (or `template1`) database; instances that start
    /// together may both try, and one finds it made. Throws <see cref="DatabaseUnavailableException"/>
    /// with one line to act on when the server cannot be reached or the user may not create it.
    /// </summary>
    public static async Task EnsurePostgresDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var server = $"{target.Host}:{target.Port}";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: created below.
        }
        catch (NpgsqlException ex)
        {
            throw new DatabaseUnavailableException(
                $"PostgreSQL: cannot connect to database \"{target.Database}\" on {server} as {target.Username} ({Reason(ex)}); " +
                $"check ConnectionStrings:{ConnectionStringName} and that the server is running.", ex);
        }
        var name = target.Database!;
        try
        {
            await using var maintenance = await OpenMaintenanceDatabaseAsync(target, cancellationToken);
            // A name cannot be a parameter: quoted as an identifier, its own quotes doubled.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", maintenance);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it a moment ago.
        }
        catch (NpgsqlException ex)
        {
            var owner = target.Username is { Length: > 0 } user ? $" -O {ShellWord(user)}" : "";
            throw new DatabaseUnavailableException(
                $"PostgreSQL: {server} has no database \"{name}\" and {target.Username ?? "this user"} could not create it ({Reason(ex)}). " +
                $"Create it as a user who may, then start again: createdb -h {target.Host} -p {target.Port}{owner} {ShellWord(name)}", ex);
        }
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceDatabaseAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            return await OpenAsync("postgres");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // A server without the `postgres` database: createdb falls back to template1 too.
            return await OpenAsync("template1");
        }

        async Task<NpgsqlConnection> OpenAsync(string database)
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = database, Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private static string Reason(NpgsqlException ex) => ex is PostgresException postgres ? postgres.MessageText : ex.Message;

    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

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

/// <summary>The configured PostgreSQL database can be neither reached nor created; the message says what to do.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
