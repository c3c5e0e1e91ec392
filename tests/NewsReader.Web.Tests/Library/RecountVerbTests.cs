using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Library;

/// <summary>`recount`: a count someone changed by hand is found, said and put right; a right one is left alone.</summary>
public sealed class RecountVerbTests
{
    [Fact]
    public async Task The_recount_verb_puts_right_a_count_changed_by_hand_and_says_how_many_were_off()
    {
        await using var app = new NewsReaderAppFactory(provider: DatabaseProvider.Sqlite);
        string reader;
        int kept;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = new AppUser { UserName = "recount@example.org", Email = "recount@example.org" };
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, TestUsers.Password)).Succeeded);
            reader = user.Id;
            // The seed is the shared collection: the new reader's library holds it from the start.
            kept = (await scope.ServiceProvider.GetRequiredService<LibraryList>().CountsAsync(reader)).Unread;
            Assert.True(kept > 0);
        }
        var settings = $"--ConnectionStrings:NewsReader=Data Source={app.DatabasePath}";
        var (exitCode, output) = await AppProcess.RunVerbAsync(app.Folder, "recount", settings);
        Assert.Equal(0, exitCode);
        Assert.Contains("off before the recount: 0.", output);

        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """UPDATE "LibraryViewCounts" SET "Unread" = 999 WHERE "UserId" = $reader""";
            command.Parameters.AddWithValue("$reader", reader);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        SqliteConnection.ClearAllPools();
        (exitCode, output) = await AppProcess.RunVerbAsync(app.Folder, "recount", settings);
        Assert.Equal(0, exitCode);
        Assert.Contains("off before the recount: 1.", output);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(kept, (await scope.ServiceProvider.GetRequiredService<NewsReaderDb>().LibraryViewCounts.SingleAsync(c => c.UserId == reader)).Unread);
        }
    }
}
