using System.Net;
using NewsReader.Web.Data;
using NewsReader.Web.Tests.Infrastructure;
using Npgsql;

namespace NewsReader.Web.Tests.Data;

/// <summary>
/// A PostgreSQL connection string that names a database the server does not have yet: the app
/// creates it, as `createdb` would; when its user may not, it stops with one line saying what
/// to run, not a stack trace.
/// </summary>
public sealed class PostgresDatabaseCreationTests
{
    [PostgresFact]
    public async Task A_database_the_server_does_not_have_yet_is_created_and_migrated_at_start_up()
    {
        var missing = Database("newsreader_missing_" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var app = new NewsReaderAppFactory(withSeed: false))
            {
                app.Settings["ConnectionStrings:NewsReader"] = missing.ConnectionString;

                Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/healthz/ready")).StatusCode);
            }
            await using var connection = await TestDatabase.OpenAsync(DatabaseProvider.Postgres, missing.ConnectionString);
            await using var migrations = connection.CreateCommand();
            migrations.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            Assert.True((long)(await migrations.ExecuteScalarAsync())! > 0);
        }
        finally
        {
            TestDatabase.DropPostgres(missing.ConnectionString);
        }
    }

    [PostgresFact]
    public async Task A_database_its_user_may_not_create_stops_the_app_with_one_line_saying_what_to_run()
    {
        var role = "newsreader_nocreate_" + Guid.NewGuid().ToString("N");
        var password = Guid.NewGuid().ToString("N");
        // Ours (GUIDs), never input, so they can be written into the statement.
        await ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN NOCREATEDB PASSWORD '{password}'");
        try
        {
            var missing = Database("newsreader_missing_" + Guid.NewGuid().ToString("N"));
            missing.Username = role;
            missing.Password = password;

            var (exitCode, output) = await AppProcess.RunVerbAsync(null,
                "--NewsReader:Database=postgres", $"--ConnectionStrings:NewsReader={missing.ConnectionString}", "--urls=http://127.0.0.1:0");

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            var line = Assert.Single(output.Split('\n'), l => l.Contains("createdb", StringComparison.Ordinal));
            Assert.Contains($"no database \"{missing.Database}\"", line);
            Assert.Contains($"createdb -h {missing.Host} -p {missing.Port} -O {role} {missing.Database}", line);
            Assert.DoesNotContain("   at ", output);
            Assert.DoesNotContain("Exception", output);
            Assert.DoesNotContain(password, output);
        }
        finally
        {
            await ExecuteAsync($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private static NpgsqlConnectionStringBuilder Database(string name) =>
        new(TestDatabase.ServerConnectionString) { Database = name };

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
