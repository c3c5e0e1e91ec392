using System.Diagnostics;
using Microsoft.Data.Sqlite;

/// <summary>
/// The floor for ingestion: the rows an ingest stored, written again into an empty database of
/// the same schema with prepared, parameterised INSERTs in one transaction, triggers and all.
/// </summary>
internal static class RawInsert
{
    // Parents before children, so foreign keys hold at every insert.
    private static readonly string[] Tables = ["SourceFiles", "Articles", "ArticleRevisions", "RevisionBlock"];

    /// <summary>Copies the rows; returns the seconds the writing took (reading them is not timed).</summary>
    public static double CopyRows(string sourceDatabase, string targetDatabase)
    {
        var rows = new Dictionary<string, (string[] Columns, List<object[]> Values)>();
        using (var source = Open(sourceDatabase))
        {
            foreach (var table in Tables)
            {
                using var select = source.CreateCommand();
                select.CommandText = $"SELECT * FROM {table}";
                using var reader = select.ExecuteReader();
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var values = new List<object[]>();
                while (reader.Read())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    values.Add(row);
                }
                rows[table] = (columns, values);
            }
        }

        using var target = Open(targetDatabase);
        var watch = Stopwatch.StartNew();
        using var transaction = target.BeginTransaction();
        foreach (var table in Tables)
        {
            var (columns, values) = rows[table];
            using var insert = target.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in values)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i];
                }
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, ForeignKeys = true }.ToString());
        connection.Open();
        return connection;
    }
}
