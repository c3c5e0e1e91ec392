using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace NewsReader.Web.Data;

/// <summary>
/// One model, one migration set per provider, both compiled into this assembly: SQLite's in
/// Data/Migrations, PostgreSQL's in Data/PostgresMigrations. EF Core finds migrations by their
/// [DbContext] attribute, which both sets share, so this keeps only the active provider's
/// namespace (migrations and snapshot alike). `dotnet ef migrations add` goes through the
/// same service, so each set's snapshot is compared with the model built for its provider.
/// </summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext) : IMigrationsAssembly
{
    public const string SqliteNamespace = "NewsReader.Web.Data.Migrations";
    public const string PostgresNamespace = "NewsReader.Web.Data.PostgresMigrations";

    private readonly Type contextType = currentContext.Context.GetType();
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotRead;

    public Assembly Assembly { get; } = typeof(ProviderMigrationsAssembly).Assembly;

    private string Namespace => DatabaseProviders.Of(currentContext.Context.Database) == DatabaseProvider.Postgres ? PostgresNamespace : SqliteNamespace;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= Assembly.DefinedTypes
        .Where(t => t.Namespace == Namespace && t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract
            && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotRead)
            {
                snapshot = Assembly.DefinedTypes
                    .Where(t => t.Namespace == Namespace && t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract
                        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
                    .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
                    .FirstOrDefault();
                snapshotRead = true;
            }
            return snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id[(id.IndexOf('_') + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
