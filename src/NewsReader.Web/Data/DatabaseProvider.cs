namespace NewsReader.Web.Data;

/// <summary>The two engines NewsReader runs on; one model, one migration set each.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: one command, no server (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, which several app instances can share.</summary>
    Postgres,
}

/// <summary>Reads `NewsReader:Database`.</summary>
public static class DatabaseProviders
{
    public const string Key = "NewsReader:Database";

    /// <summary>`sqlite` (or unset) or `postgres`; anything else stops start-up with a clear message.</summary>
    public static DatabaseProvider Of(IConfiguration configuration) => configuration[Key]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" => DatabaseProvider.Postgres,
        var other => throw new InvalidOperationException($"{Key} is '{other}'; use 'sqlite' (the default) or 'postgres'."),
    };

    /// <summary>Which engine a context was configured with.</summary>
    public static DatabaseProvider Of(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database) =>
        database.ProviderName == PostgresProviderName ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public const string PostgresProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
}
