using Microsoft.Data.Sqlite;

namespace NewsReader.Web.Operations;

/// <summary>What a check of a database file found: whether it can be restored, and how recent it is.</summary>
public sealed record BackupFacts(string File, IReadOnlyList<string> Problems, IReadOnlyList<string> Migrations, string? LatestChange,
    long Articles, long Annotations, long Accounts)
{
    public bool Usable => Problems.Count == 0;

    public override string ToString() =>
        $"{Articles:N0} articles, {Annotations:N0} annotations, {Accounts:N0} accounts; latest change {LatestChange ?? "none"}";
}

/// <summary>
/// Backs the SQLite library up and restores it with SQLite's online backup API: the copy is one
/// consistent snapshot taken while the app goes on serving (in WAL mode writers are not held up,
/// and another process may hold the database open), and a restore writes into the live file
/// under SQLite's own locks, so a running app sees either the old library or the restored one.
/// </summary>
public static class DatabaseBackup
{
    // Where each table keeps the time of its latest change: the newest of them is the
    // library's "latest change", which decides whether a backup is older than the database.
    private static readonly (string Table, string Column)[] ChangeTimes =
    [
        ("Annotations", "Modified"), ("Annotations", "Created"), ("DeletedAnnotations", "DeletedAt"),
        ("ArticleRevisions", "IngestedAt"), ("Articles", "CreatedAt"), ("AspNetUsers", "CreatedAt"),
        ("ReadingStates", "UpdatedAt"), ("Feeds", "CreatedAt"), ("SourceFiles", "ReadAt"),
    ];

    private static readonly string[] FullTextTables = ["annotations_fts", "articles_fts", "search_words"];

    /// <summary>
    /// Copies the database at <paramref name="liveConnectionString"/> to <paramref name="file"/>:
    /// first to a temporary file beside it, which is checked, then moved into place, so a
    /// failed or interrupted backup never leaves a half-written file under the name asked for.
    /// </summary>
    public static async Task<BackupFacts> BackupAsync(string liveConnectionString, string file, IReadOnlyCollection<string> knownMigrations,
        CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + $".partial-{Environment.ProcessId}";
        try
        {
            await CopyAsync(liveConnectionString, temporary, cancellationToken);
            var facts = await CheckAsync(temporary, knownMigrations, cancellationToken);
            if (!facts.Usable)
            {
                throw new InvalidDataException($"the copy failed its check: {string.Join("; ", facts.Problems)}");
            }
            File.Move(temporary, target, overwrite: true);
            return facts with { File = target };
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Checks a database file without changing it: a SQLite file, <c>PRAGMA integrity_check</c>
    /// ok, the full-text indexes consistent with their tables (checked on a scratch copy, as the
    /// check needs to write), and written by this version of the app or an earlier one.
    /// </summary>
    public static async Task<BackupFacts> CheckAsync(string file, IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(file);
        var problems = new List<string>();
        if (!File.Exists(path))
        {
            return Empty(path, $"no file at {path}");
        }
        if (!IsSqliteFile(path))
        {
            return Empty(path, "not a SQLite database");
        }
        var scratch = Path.Combine(Path.GetTempPath(), $"newsreader-check-{Guid.NewGuid():N}.db");
        try
        {
            // A copy to check on: the file itself is opened read-only, and only once.
            await CopyAsync(ReadOnly(path), scratch, cancellationToken);
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = scratch, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            var integrity = await ScalarAsync<string>(connection, "PRAGMA integrity_check;", cancellationToken);
            if (integrity != "ok")
            {
                problems.Add($"integrity check: {integrity}");
            }
            foreach (var table in FullTextTables.Where(t => TableExists(connection, t)))
            {
                try
                {
                    await ExecuteAsync(connection, $"INSERT INTO {table}({table}) VALUES('integrity-check');", cancellationToken);
                }
                catch (SqliteException ex)
                {
                    problems.Add($"full-text index {table}: {ex.SqliteErrorCode switch { 267 => "does not match its table", _ => ex.Message }}");
                }
            }
            var facts = await FactsAsync(connection, path, cancellationToken);
            if (facts.Migrations.Count == 0)
            {
                problems.Add("not a NewsReader database (no migration history)");
            }
            var unknown = facts.Migrations.Where(m => !knownMigrations.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"written by a newer NewsReader (migrations {string.Join(", ", unknown)}); upgrade the app first");
            }
            return facts with { Problems = problems };
        }
        catch (SqliteException ex)
        {
            return Empty(path, $"unreadable: {ex.Message}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(scratch);
        }
    }

    /// <summary>
    /// Replaces the library at <paramref name="liveConnectionString"/> with the checked backup
    /// <paramref name="file"/>. Refused when the backup fails its check, and when the library has
    /// changes newer than the backup's unless <paramref name="force"/>; when it replaces a
    /// library that has anything in it, a copy of that library is kept beside it first.
    /// </summary>
    public static async Task<RestoreOutcome> RestoreAsync(string liveConnectionString, string file, bool force,
        IReadOnlyCollection<string> knownMigrations, CancellationToken cancellationToken = default)
    {
        var backup = await CheckAsync(file, knownMigrations, cancellationToken);
        if (!backup.Usable)
        {
            return new RestoreOutcome(false, backup, null, null, $"{backup.File} cannot be restored: {string.Join("; ", backup.Problems)}");
        }
        var livePath = new SqliteConnectionStringBuilder(liveConnectionString).DataSource;
        BackupFacts? current = null;
        string? keptAs = null;
        if (File.Exists(livePath) && IsSqliteFile(livePath))
        {
            // Only how recent and how full the library is decides here: read that in place,
            // without the copy and checks a backup gets (a damaged library may be replaced too).
            await using (var connection = new SqliteConnection(ReadOnly(livePath)))
            {
                await connection.OpenAsync(cancellationToken);
                current = await FactsAsync(connection, livePath, cancellationToken);
            }
            if (!force && string.CompareOrdinal(current.LatestChange, backup.LatestChange) > 0)
            {
                return new RestoreOutcome(false, backup, current, null,
                    $"the library has changes newer than the backup (library: {current}; backup: {backup}); restore --force replaces it anyway, keeping a copy");
            }
            if (current.Articles + current.Annotations + current.Accounts > 0)
            {
                keptAs = $"{livePath}.before-restore-{DateTime.UtcNow:yyyyMMddTHHmmssZ}";
                await CopyAsync(liveConnectionString, keptAs, cancellationToken);
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(livePath))!);
        }
        await using (var source = new SqliteConnection(ReadOnly(backup.File)))
        await using (var live = new SqliteConnection(liveConnectionString))
        {
            await source.OpenAsync(cancellationToken);
            await live.OpenAsync(cancellationToken);
            source.BackupDatabase(live);
        }
        SqliteConnection.ClearAllPools();
        return new RestoreOutcome(true, backup, current, keptAs, $"restored {backup}");
    }

    private static async Task CopyAsync(string sourceConnectionString, string targetFile, CancellationToken cancellationToken)
    {
        File.Delete(targetFile);
        await using var source = new SqliteConnection(sourceConnectionString);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);
        // One step: the copy is one snapshot, taken inside a single read transaction.
        source.BackupDatabase(target);
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static bool IsSqliteFile(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && System.Text.Encoding.ASCII.GetString(header) == "SQLite format 3\0";
    }

    private static BackupFacts Empty(string path, string problem) => new(path, [problem], [], null, 0, 0, 0);

    /// <summary>The migration history, latest change and sizes of the library open on <paramref name="connection"/>.</summary>
    private static async Task<BackupFacts> FactsAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        var migrations = TableExists(connection, "__EFMigrationsHistory")
            ? await ListAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;", cancellationToken)
            : [];
        return new BackupFacts(path, [], migrations, await LatestChangeAsync(connection, cancellationToken),
            await CountAsync(connection, "Articles", cancellationToken), await CountAsync(connection, "Annotations", cancellationToken),
            await CountAsync(connection, "AspNetUsers", cancellationToken));
    }

    private static async Task<string?> LatestChangeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        string? latest = null;
        foreach (var (table, column) in ChangeTimes.Where(c => ColumnExists(connection, c.Table, c.Column)))
        {
            var value = await ScalarAsync<string>(connection, $"SELECT MAX(\"{column}\") FROM \"{table}\";", cancellationToken);
            if (string.CompareOrdinal(value, latest) > 0)
            {
                latest = value;
            }
        }
        return latest;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken cancellationToken) =>
        TableExists(connection, table) ? await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM \"{table}\";", cancellationToken) : 0;

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }

    private static bool ColumnExists(SqliteConnection connection, string table, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM pragma_table_info($table) WHERE name = $column;";
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$column", column);
        return command.ExecuteScalar() is not null;
    }

    private static async Task<T?> ScalarAsync<T>(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}

/// <summary>What a restore did: whether it replaced the library, what it checked, where the replaced library was kept.</summary>
public sealed record RestoreOutcome(bool Restored, BackupFacts Backup, BackupFacts? Replaced, string? KeptAs, string Message);
