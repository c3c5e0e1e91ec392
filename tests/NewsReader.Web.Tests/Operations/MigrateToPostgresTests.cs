using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Operations;

/// <summary>`migrate-to-postgres --to`: a SQLite library, copied whole into an empty PostgreSQL database.</summary>
public sealed class MigrateToPostgresTests
{
    [PostgresFact]
    public async Task Every_table_is_copied_and_counted_and_the_app_runs_on_the_copy()
    {
        await using var library = new NewsReaderAppFactory(provider: DatabaseProvider.Sqlite);
        var ada = await ApiUsers.RegisterAsync(library, "ada@example.org");
        var note = await new AnnotationBuilder().Quote("Rose Garden").Note("Quokkas on the **lawn**").Tag("fauna").CreateAsync(ada);
        string apiToken;
        await using (var scope = library.Services.CreateAsyncScope())
        {
            var owner = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("ada@example.org");
            var (made, _) = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(owner!.Id, "script", null, readOnly: false);
            apiToken = made!.Secret;
        }
        var target = TestDatabase.CreatePostgres();
        try
        {
            var (exitCode, output) = await RunAsync(MigrateToPostgres.Verb, "--to", target, $"--ConnectionStrings:NewsReader={library.ConnectionString}");

            Assert.True(exitCode == 0, output);
            Assert.Contains("verified Annotations: 1 rows", output);
            Assert.Contains("verified Articles: 1 rows", output);
            Assert.Contains("verified AspNetUsers: 1 rows", output);
            Assert.Contains("every table copied and counted", output);
            Assert.DoesNotContain("MISMATCH", output);

            // The copy serves: search finds the note through the generated columns, with the API token made on SQLite.
            await using var copy = new NewsReaderAppFactory(withSeed: false, provider: DatabaseProvider.Postgres);
            copy.Settings["ConnectionStrings:NewsReader"] = target;
            var client = copy.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", apiToken);
            var found = await client.GetFromJsonAsync<JsonElement>("/api/search?q=quokka tag:fauna");
            Assert.Equal(note.IdPath().Split('/').Last(), found.GetProperty("annotations")[0].GetProperty("id").GetString());
            // New rows get ids after the copied ones.
            await new AnnotationBuilder().Quote("White House").Note("After the move").CreateAsync(client);

            var (again, refusal) = await RunAsync(MigrateToPostgres.Verb, "--to", target, $"--ConnectionStrings:NewsReader={library.ConnectionString}");
            Assert.Equal(1, again);
            Assert.Contains("already holds", refusal);
        }
        finally
        {
            TestDatabase.DropPostgres(target);
        }
    }

    [Fact]
    public async Task Without_a_target_the_verb_prints_its_usage()
    {
        var (exitCode, output) = await RunAsync(MigrateToPostgres.Verb, "--ConnectionStrings:NewsReader=Data Source=:memory:");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage:", output);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => AppProcess.RunVerbAsync(null, args);
}
