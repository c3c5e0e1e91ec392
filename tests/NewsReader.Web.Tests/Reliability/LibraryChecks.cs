using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Reliability;

/// <summary>What a crash, a shutdown or a restore must leave: a sound file and nothing half-stored.</summary>
public static class LibraryChecks
{
    /// <summary>
    /// <c>PRAGMA integrity_check</c> ok, each full-text index consistent with its table, every
    /// article with a revision, and an article for every file ingestion recorded as read.
    /// </summary>
    public static async Task AssertIntactAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync<string>(connection, "PRAGMA integrity_check;"));
        foreach (var table in new[] { "annotations_fts", "articles_fts", "search_words" })
        {
            // Raises SQLITE_CORRUPT_VTAB when the index and its table disagree.
            await ScalarAsync<long>(connection, $"INSERT INTO {table}({table}) VALUES('integrity-check'); SELECT 0;");
        }
        Assert.Equal(0, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleRevisions r WHERE r.ArticleId = a.Id);"));
        Assert.Equal(0, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM SourceFiles f WHERE f.SkipReason IS NULL AND NOT EXISTS (SELECT 1 FROM Articles a WHERE a.SourceKey = f.Path);"));
    }

    public static async Task<T> ScalarAsync<T>(string databasePath, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await ScalarAsync<T>(connection, sql);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Plain-text articles, each its own title and words, for a bulk ingestion worth interrupting.</summary>
    public static void WriteArticles(string seedsFolder, int count)
    {
        Directory.CreateDirectory(seedsFolder);
        string[] words = ["council", "harbour", "budget", "river", "school", "minister", "strike", "festival", "bridge", "vote", "energy", "court"];
        for (var i = 0; i < count; i++)
        {
            var paragraphs = Enumerable.Range(0, 6).Select(p =>
                string.Join(' ', Enumerable.Range(0, 40).Select(w => words[(i * 7 + p * 5 + w * 3) % words.Length])) + $" (item {i}, part {p}).");
            File.WriteAllText(Path.Combine(seedsFolder, $"story-{i:D5}.txt"),
                $"Report number {i} on the {words[i % words.Length]} of town {i}\n\n{string.Join("\n\n", paragraphs)}\n");
        }
    }
}

/// <summary>
/// Readers creating annotations through the API until stopped, each write recorded only once
/// the server acknowledged it (201), with the moment the acknowledgement came.
/// </summary>
public sealed class WriteLoad
{
    public sealed record Acknowledged(string IdPath, string Note, long At);

    public ConcurrentBag<Acknowledged> Writes { get; } = [];

    public int ServerErrors;

    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>Runs <paramref name="clients"/> writers on <paramref name="app"/> until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(AppProcess app, int clients, CancellationToken stop)
    {
        var readers = await Task.WhenAll(Enumerable.Range(0, clients)
            .Select(i => ApiUsers.RegisterAsync(app.CreateClient(), $"writer-{i}-{Guid.NewGuid():N}@example.org")));
        await Task.WhenAll(readers.Select((client, i) => WriteAsync(client, i, stop)));
    }

    private async Task WriteAsync(HttpClient client, int writer, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var note = $"writer {writer} note {n} {Guid.NewGuid():N}";
            try
            {
                var response = await client.PostAsJsonAsync("/api/annotations", new AnnotationBuilder().Note(note).Build(), stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(stop)).IdPath();
                    Writes.Add(new Acknowledged(id, note, Now));
                }
                else if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref ServerErrors);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // The server went away (killed) or the load was stopped: not acknowledged.
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}
