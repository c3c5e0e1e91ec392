using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Web.Accounts;
using NewsReader.Web.Ingestion;

namespace NewsReader.Web.Pages.Admin;

[Authorize(Roles = Roles.Administrator)]
public sealed class IngestModel(ArticleIngester ingester, IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    public string SeedsPath => IngestionSetup.SeedsPath(configuration, environment);

    public IngestionReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Report = await ingester.IngestAsync(SeedsPath, cancellationToken);
}
