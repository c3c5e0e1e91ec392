using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// Which engine the integration tests run on: SQLite unless NEWSREADER_TEST_DATABASE=postgres,
/// which test.sh sets for its second pass, with NEWSREADER_TEST_POSTGRES naming the private
/// server it started. Each app gets a database of its own, created here and dropped after.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "NEWSREADER_TEST_DATABASE";
    public const string ServerVariable = "NEWSREADER_TEST_POSTGRES";
    public const string ServerBinariesVariable = "NEWSREADER_TEST_POSTGRES_BIN";

    /// <summary>
    /// Runs a PostgreSQL program of the test server's version (pg_dump, pg_restore), else the one
    /// on the path, and fails the test with what it printed unless it exits 0.
    /// </summary>
    public static async Task RunProgramAsync(string name, params string[] arguments)
    {
        var program = Environment.GetEnvironmentVariable(ServerBinariesVariable) is { Length: > 0 } bin ? Path.Combine(bin, name) : name;
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{name} exited {process.ExitCode}: {await errors}");
    }

    /// <summary>An Npgsql connection string as the libpq one PostgreSQL's own programs take.</summary>
    public static string Libpq(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}"
            + (string.IsNullOrEmpty(builder.Password) ? "" : $" password={builder.Password}");
    }

    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The test server's maintenance database, from which test databases are made.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{ProviderVariable}=postgres needs {ServerVariable} (test.sh starts a server and sets it).");

    /// <summary>
    /// A new PostgreSQL database with every migration applied; returns its connection string.
    /// Each is a copy of one template migrated once per test run, which is much faster than
    /// migrating each (the app's start-up migration then finds nothing to do).
    /// </summary>
    public static string CreatePostgres()
    {
        // The names are ours (GUIDs), never input, so they can be written into the statement.
        var name = "newsreader_test_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"", connection);
        command.ExecuteNonQuery();
        return WithDatabase(name);
    }

    private static readonly Lazy<string> Template = new(MigratedTemplate);

    private static string MigratedTemplate()
    {
        var name = "newsreader_template_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.Key] = "postgres",
            ["ConnectionStrings:NewsReader"] = WithDatabase(name),
        }).Build();
        // PostgreSQL needs no host environment (only a SQLite path is resolved against one).
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<NewsReaderDb>(), configuration, environment: null!);
        using (var db = new NewsReaderDb((DbContextOptions<NewsReaderDb>)options.Options))
        {
            db.Database.Migrate();
        }
        // A template must have no connection open while it is copied.
        using (var pooled = new NpgsqlConnection(WithDatabase(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgres(WithDatabase(name));
        return name;
    }

    private static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;

    /// <summary>Drops a database made by <see cref="CreatePostgres"/>, closing whatever still uses it.</summary>
    public static void DropPostgres(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>An open connection to an app's database, for a test that looks under the hood.</summary>
    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A test about several instances on one PostgreSQL server: it runs in test.sh's PostgreSQL pass.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"Runs in the PostgreSQL pass ({TestDatabase.ProviderVariable}=postgres, as test.sh sets it).";
        }
    }
}
