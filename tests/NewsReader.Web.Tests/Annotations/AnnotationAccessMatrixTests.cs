using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Annotations;

/// <summary>
/// Every caller against every operation on a private and a public annotation, with the exact
/// status each must get. Something that exists but is not yours answers 404, never 403.
/// </summary>
/// <remarks>One app for the class: each case makes the annotation it tries.</remarks>
public sealed class AnnotationAccessMatrixTests(AnnotationAccessMatrixTests.Callers fixture) : IClassFixture<AnnotationAccessMatrixTests.Callers>
{
    private readonly Dictionary<string, HttpClient> callers = fixture.Clients;

    /// <summary>The app with an administrator, an owner, another reader and an anonymous client.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        public NewsReaderAppFactory App { get; } = new();
        public Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task InitializeAsync()
        {
            // The first account is the administrator; the owner and the other reader come after.
            Clients["admin"] = await ApiUsers.RegisterAsync(App, "admin@example.org");
            Clients["owner"] = await ApiUsers.RegisterAsync(App, "owner@example.org");
            Clients["other"] = await ApiUsers.RegisterAsync(App, "other@example.org");
            Clients["anonymous"] = App.CreateClient();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string, string, string, int> Matrix => new()
    {
        { "anonymous", "private", "read", 404 }, { "anonymous", "private", "update", 401 }, { "anonymous", "private", "delete", 401 },
        { "anonymous", "public", "read", 200 }, { "anonymous", "public", "update", 401 }, { "anonymous", "public", "delete", 401 },
        { "owner", "private", "read", 200 }, { "owner", "private", "update", 200 }, { "owner", "private", "delete", 204 },
        { "owner", "public", "read", 200 }, { "owner", "public", "update", 200 }, { "owner", "public", "delete", 204 },
        { "other", "private", "read", 404 }, { "other", "private", "update", 404 }, { "other", "private", "delete", 404 },
        { "other", "public", "read", 200 }, { "other", "public", "update", 404 }, { "other", "public", "delete", 404 },
        { "admin", "private", "read", 404 }, { "admin", "private", "update", 404 }, { "admin", "private", "delete", 404 },
        { "admin", "public", "read", 200 }, { "admin", "public", "update", 404 }, { "admin", "public", "delete", 404 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_this_status(string caller, string visibility, string operation, int expected)
    {
        var builder = new AnnotationBuilder().Note("owner's note");
        var annotation = await (visibility == "public" ? builder.Public() : builder.Private()).CreateAsync(callers["owner"]);
        var url = annotation.IdPath();
        var client = callers[caller];

        var response = operation switch
        {
            "read" => await client.GetAsync(url),
            "update" => await client.PutAsJsonAsync(url, new AnnotationBuilder().Note("changed").Build()),
            _ => await client.DeleteAsync(url),
        };

        Assert.Equal(expected, (int)response.StatusCode);
        var expectChanged = caller == "owner" && operation == "update";
        if (!(caller == "owner" && operation == "delete"))
        {
            var after = await callers["owner"].GetFromJsonAsync<JsonElement>(url);
            Assert.Equal(expectChanged ? "changed" : "owner's note", after.GetProperty("body")[0].GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task Another_readers_private_annotation_is_absent_from_the_collection()
    {
        // It counts every annotation on the article: an app of its own.
        var own = new Callers();
        await using var app = own.App;
        await own.InitializeAsync();
        var callers = own.Clients;
        await new AnnotationBuilder().Quote("Rose Garden").Private().CreateAsync(callers["owner"]);

        var seen = await callers["other"].GetFromJsonAsync<JsonElement>($"/api/annotations?article={AnnotationBuilder.SeedSlug}");

        Assert.Equal(0, seen.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Rose Garden", seen.ToString());
    }
}
