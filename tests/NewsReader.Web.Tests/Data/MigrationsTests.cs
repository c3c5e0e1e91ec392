using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace NewsReader.Web.Tests.Data;

/// <summary>
/// One model, a migration set per provider: each set must reach the model as that provider
/// builds it, so a model change without a migration for both fails here. No server needed:
/// the comparison is between the model and the set's snapshot.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Each_providers_migrations_match_the_model(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes the {provider} migrations lack: add a migration for each provider (see docs/architecture.md).");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite);
        using var postgres = Context(DatabaseProvider.Postgres);
        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.ToList();
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Values.ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.All(sqliteMigrations, m => Assert.Equal(ProviderMigrationsAssembly.SqliteNamespace, m.Namespace));
        Assert.All(postgresMigrations, m => Assert.Equal(ProviderMigrationsAssembly.PostgresNamespace, m.Namespace));
        Assert.Equal(ProviderMigrationsAssembly.PostgresNamespace, postgres.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().Namespace);
    }

    private static NewsReaderDb Context(DatabaseProvider provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.Key] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:NewsReader"] = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:",
        }).Build();
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<NewsReaderDb>(), configuration, new Environment());
        return new NewsReaderDb((DbContextOptions<NewsReaderDb>)options.Options);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "NewsReader.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
