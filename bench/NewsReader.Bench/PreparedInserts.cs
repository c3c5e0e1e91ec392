using System.Globalization;
using Microsoft.Data.Sqlite;

/// <summary>
/// Prepared, parameterised statements for the data generators that write straight into a
/// migrated SQLite file (search, library): prepared once, bound and run per row.
/// </summary>
internal static class PreparedInserts
{
    /// <summary>A date as EF Core's SQLite provider stores it.</summary>
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    /// <summary>Binds the values in the parameters' order (null as NULL) and runs the statement.</summary>
    public static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }
}
