
var builder = WebApplication.CreateBuilder(Verbs.ConfigurationArgs(args));

// Logs: Serilog everywhere, levels in appsettings.json.
builder.AddNewsReaderLogging();

// Store: SQLite (default) or PostgreSQL (NewsReader:Database), migrated at start-up.
builder.Services.AddNewsReaderDb();

// Accounts: Identity with cookies for pages and bearer tokens for scripts.
builder.Services.AddNewsReaderAccounts();

// Personal API tokens (Authorization: Bearer nrt_…), a scheme of their own beside Identity's.
builder.Services.AddNewsReaderApiTokens();

// Ingestion: seeds/ at start-up, and the `ingest <path>` verb.
builder.Services.AddNewsReaderIngestion();

// Fetching from the web: one bounded HTTP client, saved pages and feeds polled in the background.
builder.Services.AddNewsReaderFeeds();

// Moving in: other services' exports imported by a background job.
builder.Services.AddNewsReaderMoving();

// Pages, JSON API, antiforgery, rate limits and the services behind them.
builder.Services.AddNewsReaderWeb();

// The API described: OpenAPI document and Scalar reference page.
builder.Services.AddNewsReaderOpenApi();

var app = builder.Build();

// A PostgreSQL database the server does not have yet is created; if it cannot be, one log line
// says what to run and the app exits, before a verb or the server needs it.
if (await app.EnsureNewsReaderDatabaseAsync() is { } noDatabase)
{
    return noDatabase;
}

// Verbs instead of the server (the table is Cli/Verbs.cs): `ingest <path>`, `backup <file>`,
// `restore <file> [--force]`, `migrate-to-postgres --to "<connection string>"`.
if (await app.RunVerbAsync(args) is { } exitCode)
{
    return exitCode;
}

// Request logging outermost, so each line has the status the client got.
app.UseNewsReaderRequestLogging();

// Errors, status pages, HTTPS and security headers.
app.UseNewsReaderErrorsAndHeaders();

// Request bodies still arriving when SIGTERM comes are read to their end.
app.UseShutdownSafeRequestBodies();

app.UseResponseCompression();
app.UseNewsReaderStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseCanonicalAuthorizationScheme();
app.UseAuthentication();
app.UseNewsReaderExpensiveWorkLimits();
app.UseApiTokenLimits();
app.UseAuthorization();

// Endpoints: pages by route under Pages/; each feature maps its own API group (MapX in its folder).
app.MapRazorPages();
app.MapAuth();
app.MapAccount();
app.MapArticles();
app.MapRevisions();
app.MapFeeds();
app.MapAnnotations();
app.MapSearch();
app.MapReadingState();
app.MapLibraryTags();
app.MapHealth();
app.MapExchange();
app.MapMoving();
app.MapNewsReaderOpenApi();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
