using NewsReader.Web;
using NewsReader.Web.Api;
using NewsReader.Web.Data;
using NewsReader.Web.Ingestion;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Logs: Serilog everywhere, levels in appsettings.json.
builder.AddNewsReaderLogging();

// Store: one SQLite database, migrated at start-up.
builder.Services.AddNewsReaderDb();

// Ingestion: seeds/ at start-up, and the `ingest <path>` verb.
builder.Services.AddNewsReaderIngestion();

// Pages, JSON API and the services behind them.
builder.Services.AddNewsReaderWeb();

var app = builder.Build();

if (await app.RunIngestVerbAsync(args) is { } exitCode)
{
    return exitCode;
}

// Errors: a readable page for people, problem details for the API.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseStatusCodePagesWithReExecute("/status/{0}");

app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();

// Endpoints: pages by route under Pages/, API groups under Api/.
app.MapRazorPages();
app.MapArticles();
app.MapHealth();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
