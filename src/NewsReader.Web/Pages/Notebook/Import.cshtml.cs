using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Notebook;

/// <summary>`/notebook/import`: the upload form's target; does what `POST /api/import` does and shows the summary.</summary>
[Authorize]
[ExpensiveWork(ExpensiveKind.Importing, PostsOnly = true)]
public sealed class ImportModel(AnnotationImporter importer) : PageModel
{
    public ImportSummary? Summary { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(IFormFile? file, string? hypothesisAccount, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "Choose a file to import.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }
        await using var stream = file.OpenReadStream();
        var (summary, refusal) = await importer.ImportAsync(User.UserId()!, stream, file.Length, ct, hypothesisAccount);
        if (refusal is not null)
        {
            Problem = $"{refusal.Title}: {refusal.Detail}";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }
        Summary = summary;
    }
}
