using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace NewsReader.Web.Tests.Data;

/// <summary>
/// Every SQLite connection the app opens commits without an fsync per commit (WAL and
/// synchronous=NORMAL) and lets SQLite wait for another writer's lock, within the command
/// timeout, instead of Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task A_connection_the_app_opens_has_synchronous_normal_and_waits_for_a_busy_writer_as_long_as_a_command_may_run()
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();

        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;"));
        Assert.Equal(connection.DefaultTimeout * 1000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.True(connection.DefaultTimeout > 0);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static NewsReaderDb Context()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NewsReader"] = "Data Source=:memory:",
        }).Build();
        var environment = new HostingEnvironment { EnvironmentName = "Testing", ApplicationName = "NewsReader.Web", ContentRootPath = AppContext.BaseDirectory };
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<NewsReaderDb>(), configuration, environment);
        return new NewsReaderDb((DbContextOptions<NewsReaderDb>)options.Options);
    }
}
