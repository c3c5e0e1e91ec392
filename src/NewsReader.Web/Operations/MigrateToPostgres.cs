using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace NewsReader.Web.Operations;

/// <summary>
/// `migrate-to-postgres --to "&lt;connection string&gt;"`: copies the configured SQLite library
/// into an empty PostgreSQL database, table by table, then compares the row counts of every
/// table. Tables and columns come from the one model, so a table added later is copied too;
/// values are converted from SQLite's storage (text dates and GUIDs, integer booleans) to the
/// model's types. The generated search columns fill themselves. Sign-in cookies and bearer
/// tokens are not carried over (on PostgreSQL the key ring is shared by every instance under
/// one application name), so readers sign in once more; personal API tokens, stored hashed,
/// keep working.
/// </summary>
public static class MigrateToPostgres
{
    public const string Verb = "migrate-to-postgres";

    // Rows per round trip.
    private const int BatchSize = 500;

    /// <summary>Runs the verb and returns its exit code.</summary>
    public static async Task<int> RunVerbAsync(WebApplication app, string[] args)
    {
        var to = args.SkipWhile(a => a != "--to").Skip(1).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(to))
        {
            Console.Error.WriteLine($"usage: dotnet run --project src/NewsReader.Web -- {Verb} --to \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (DatabaseProviders.Of(configuration) != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine($"{Verb}: the configured database must be the SQLite one to copy ({DatabaseProviders.Key}=sqlite).");
            return 2;
        }
        try
        {
            return await CopyAsync(app.Services, to, Console.Out);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
        {
            // The message only: a connection string must not reach the console with a stack trace.
            Console.Error.WriteLine($"{Verb}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Brings the configured SQLite database up to date, then copies it and verifies.</summary>
    public static async Task<int> CopyAsync(IServiceProvider services, string target, TextWriter output, CancellationToken cancellationToken = default)
    {
        await services.MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        return await CopyAsync(scope.ServiceProvider.GetRequiredService<NewsReaderDb>(), target, output, cancellationToken);
    }

    /// <summary>Copies a migrated SQLite database and verifies; 0 when every table's count matches, 1 otherwise.</summary>
    public static async Task<int> CopyAsync(NewsReaderDb source, string target, TextWriter output, CancellationToken cancellationToken = default)
    {
        var targetOptions = new DbContextOptionsBuilder<NewsReaderDb>()
            .UseNpgsql(target)
            .UseProviderMigrations()
            .Options;
        await using var postgres = new NewsReaderDb(targetOptions);
        await using (await DatabaseLock.AcquireAsync(postgres, DatabaseLock.Migrations, cancellationToken))
        {
            await postgres.Database.MigrateAsync(cancellationToken);
        }
        if (await postgres.Articles.AnyAsync(cancellationToken) || await postgres.Users.AnyAsync(cancellationToken))
        {
            output.WriteLine($"{Verb}: the target database already holds articles or accounts; give an empty one.");
            return 1;
        }

        var tables = TablesInOrder(postgres.Model);
        var sqlite = source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The kept counts fill themselves from the copied rows (CountingTriggers), and are compared below like every table.
            foreach (var table in tables.Where(t => !CountingTriggers.KeptTables.Contains(t.Name)))
            {
                var copied = await CopyTableAsync(sqlite, connection, transaction, table, cancellationToken);
                output.WriteLine($"copied {table.Name}: {copied} rows");
            }
            await transaction.CommitAsync(cancellationToken);
        }

        var mismatches = 0;
        foreach (var table in tables)
        {
            var (from, to) = (await CountAsync(sqlite, table.Name, cancellationToken), await CountAsync(connection, table.Name, cancellationToken));
            if (from != to)
            {
                mismatches++;
                output.WriteLine($"MISMATCH {table.Name}: {from} in SQLite, {to} in PostgreSQL");
            }
            else
            {
                output.WriteLine($"verified {table.Name}: {to} rows");
            }
        }
        output.WriteLine(mismatches == 0 ? $"{Verb}: every table copied and counted" : $"{Verb}: {mismatches} tables differ");
        return mismatches == 0 ? 0 : 1;
    }

    private sealed record Table(string Name, IReadOnlyList<Column> Columns);

    private sealed record Column(string Name, Type Type, bool Identity);

    /// <summary>Every table of the model, each after the tables its foreign keys point to.</summary>
    private static List<Table> TablesInOrder(IModel model)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null).ToList();
        var byTable = entities.GroupBy(e => e.GetTableName()!).ToDictionary(g => g.Key, g => g.ToList());
        var ordered = new List<string>();
        var visiting = new HashSet<string>();
        void visit(string table)
        {
            if (ordered.Contains(table) || !visiting.Add(table))
            {
                return;
            }
            foreach (var key in byTable[table].SelectMany(e => e.GetForeignKeys()))
            {
                var principal = key.PrincipalEntityType.GetTableName();
                if (principal is not null && principal != table && byTable.ContainsKey(principal))
                {
                    visit(principal);
                }
            }
            ordered.Add(table);
        }
        foreach (var table in byTable.Keys.Order(StringComparer.Ordinal))
        {
            visit(table);
        }
        return ordered.Select(name =>
        {
            var identifier = StoreObjectIdentifier.Table(name);
            var columns = byTable[name].SelectMany(e => e.GetProperties())
                .Select(p => (Name: p.GetColumnName(identifier), Property: p))
                .Where(c => c.Name is not null)
                .DistinctBy(c => c.Name)
                .Select(c => new Column(c.Name!, ProviderType(c.Property), c.Property.ValueGenerated == ValueGenerated.OnAdd && c.Property.IsPrimaryKey()
                    && (ProviderType(c.Property) == typeof(int) || ProviderType(c.Property) == typeof(long))))
                .ToList();
            return new Table(name, columns);
        }).ToList();
    }

    private static Type ProviderType(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static async Task<long> CopyTableAsync(DbConnection sqlite, NpgsqlConnection postgres, NpgsqlTransaction transaction, Table table, CancellationToken ct)
    {
        // Names come from the model, never from input; quoted for both engines.
        var names = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await using var select = sqlite.CreateCommand();
        select.CommandText = $"SELECT {names} FROM {Quote(table.Name)}";
        await using var reader = await select.ExecuteReaderAsync(ct);
        var insert = $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        var batch = new NpgsqlBatch(postgres, transaction);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            var command = new NpgsqlBatchCommand(insert);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = Convert(reader.GetValue(i), table.Columns[i].Type) });
            }
            batch.BatchCommands.Add(command);
            rows++;
            if (batch.BatchCommands.Count == BatchSize)
            {
                await batch.ExecuteNonQueryAsync(ct);
                await batch.DisposeAsync();
                batch = new NpgsqlBatch(postgres, transaction);
            }
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        await batch.DisposeAsync();
        foreach (var identity in table.Columns.Where(c => c.Identity))
        {
            // The next id generated follows the highest one copied.
            await using var move = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), coalesce((SELECT max({Quote(identity.Name)}) FROM {Quote(table.Name)}), 0) + 1, false)",
                postgres, transaction);
            move.Parameters.AddWithValue("table", Quote(table.Name));
            move.Parameters.AddWithValue("column", identity.Name);
            await move.ExecuteScalarAsync(ct);
        }
        return rows;
    }

    /// <summary>A value as SQLite stores it, as the model's type for PostgreSQL.</summary>
    private static object Convert(object value, Type type)
    {
        if (value is DBNull)
        {
            return DBNull.Value;
        }
        return type switch
        {
            _ when type == typeof(Guid) => value is string text ? Guid.Parse(text) : new Guid((byte[])value),
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(
                DateTime.Parse((string)value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture).ToUniversalTime(),
            _ when type == typeof(bool) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            _ when type == typeof(int) => System.Convert.ToInt32(value, CultureInfo.InvariantCulture),
            _ when type == typeof(short) => System.Convert.ToInt16(value, CultureInfo.InvariantCulture),
            _ when type == typeof(long) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
            _ when type == typeof(double) => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ when type == typeof(decimal) => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            _ when type == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ => value,
        };
    }

    private static async Task<long> CountAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {Quote(table)}";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
