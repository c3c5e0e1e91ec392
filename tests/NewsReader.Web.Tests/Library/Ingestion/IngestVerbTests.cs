using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library.Ingestion;

/// <summary>`dotnet NewsReader.Web.dll ingest &lt;path&gt;`, as `dotnet run -- ingest` runs it: no web server, a report, a WAL database.</summary>
public sealed class IngestVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("newsreader-verb-").FullName;

    [Fact]
    public async Task The_ingest_verb_loads_a_folder_and_its_subfolders_names_each_skip_and_exits()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "in", "2024", "april")).FullName;
        File.Copy(RepoPaths.Seed, Path.Combine(seeds, RepoPaths.SeedFile));
        await File.WriteAllBytesAsync(Path.Combine(seeds, "empty.txt"), []);
        var database = Path.Combine(folder, "verb.db");

        var (exitCode, output) = await RunAsync("ingest", seeds, $"--ConnectionStrings:NewsReader=Data Source={database}");

        Assert.Equal(0, exitCode);
        Assert.Contains("Ingesting 2 files", output);
        Assert.Single(output.Split('\n'), line => line.Contains("empty.txt") && line.Contains("empty file"));
        Assert.Contains("1 added, 0 revised, 0 unchanged, 0 duplicate, 1 skipped", output);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; ";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "SELECT count(*) FROM Articles";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);

        // Files are keyed relative to the folder given; a parent folder names the same files
        // when it is told the root they were keyed by.
        var (again, secondOutput) = await RunAsync("ingest", Path.Combine(folder, "in"), "--key-root", seeds, $"--ConnectionStrings:NewsReader=Data Source={database}");
        Assert.Equal(0, again);
        Assert.Contains("0 added, 0 revised, 1 unchanged", secondOutput);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_verb_and_the_app_ingest_one_file_once()
    {
        // The app ingests its seeds folder at start-up; the verb then reads the same folder into the same database.
        await using var app = new NewsReaderAppFactory();
        var client = app.CreateClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/articles")).GetArrayLength();
        var seed = Path.Combine(app.SeedsFolder, RepoPaths.SeedFile);

        // The verb on the app's own database, whichever provider the run uses.
        string[] database = app.Provider == DatabaseProvider.Postgres
            ? ["--NewsReader:Database=postgres", $"--ConnectionStrings:NewsReader={app.ConnectionString}"]
            : [$"--ConnectionStrings:NewsReader={app.ConnectionString}"];
        var (exitCode, output) = await RunAsync(["ingest", app.SeedsFolder, .. database]);
        Assert.Equal(0, exitCode);
        Assert.Contains("0 added, 0 revised, 1 unchanged", output);

        // Changed, the file is a revision of the one article: "revised", never "added".
        await File.AppendAllTextAsync(seed, "\n\nA paragraph added later by the wire.\n");
        (exitCode, output) = await RunAsync(["ingest", app.SeedsFolder, .. database]);
        Assert.Equal(0, exitCode);
        Assert.Contains("0 added, 1 revised", output);
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/articles")).EnumerateArray().ToList();
        Assert.Equal(before, after.Count);
        Assert.Equal(2, Assert.Single(after, a => a.GetProperty("slug").GetString() == AnnotationBuilder.SeedSlug).GetProperty("revision").GetInt32());
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_verb_exits_non_zero_when_nothing_could_be_read()
    {
        var seeds = Directory.CreateDirectory(Path.Combine(folder, "bad")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(seeds, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(seeds, "image.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var (exitCode, output) = await RunAsync("ingest", seeds);

        Assert.Equal(1, exitCode);
        Assert.Contains("0 added, 0 revised, 0 unchanged, 0 duplicate, 2 skipped", output);
    }

    [Fact]
    public async Task The_verb_without_a_path_prints_its_usage_and_a_missing_path_says_so()
    {
        var (exitCode, output) = await RunAsync("ingest");
        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output);

        var (missing, message) = await RunAsync("ingest", Path.Combine(folder, "nowhere"));
        Assert.Equal(1, missing);
        Assert.Contains("no file or folder", message);
    }

    [Fact]
    public async Task An_empty_path_and_a_device_are_refused_with_a_message_not_a_stack_trace()
    {
        var (empty, emptyOutput) = await RunAsync("ingest", "");
        Assert.Equal(2, empty);
        Assert.Contains("the path is empty", emptyOutput);
        Assert.DoesNotContain("   at ", emptyOutput);

        var (zero, zeroOutput) = await RunAsync("ingest", "/dev/zero");
        Assert.Equal(1, zero);
        Assert.Contains("character device", zeroOutput);
        Assert.Contains("1 skipped", zeroOutput);
        Assert.DoesNotContain("   at ", zeroOutput);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) => AppProcess.RunVerbAsync(folder, args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test.
        }
    }
}
