using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsReader.Web.Tests.Infrastructure;

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
        using var db = ModelOnlyContext.Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes the {provider} migrations lack: add a migration for each provider (see docs/architecture.md).");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = ModelOnlyContext.Create(DatabaseProvider.Sqlite);
        using var postgres = ModelOnlyContext.Create(DatabaseProvider.Postgres);
        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.ToList();
        var postgresMigrations = postgres.GetService<IMigrationsAssembly>().Migrations.Values.ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(postgresMigrations);
        Assert.All(sqliteMigrations, m => Assert.Equal(ProviderMigrationsAssembly.SqliteNamespace, m.Namespace));
        Assert.All(postgresMigrations, m => Assert.Equal(ProviderMigrationsAssembly.PostgresNamespace, m.Namespace));
        Assert.Equal(ProviderMigrationsAssembly.PostgresNamespace, postgres.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().Namespace);
    }
}
