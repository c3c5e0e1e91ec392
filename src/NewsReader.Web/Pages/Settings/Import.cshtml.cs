using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Settings;

/// <summary>Upload another service's export; then the page shows the job (`?job=`), reloading itself until it ends.</summary>
[Authorize]
public sealed class ImportModel(LibraryImportJobs jobs) : PageModel
{
    public ImportJobDto? Job { get; private set; }

    public IReadOnlyList<ImportJobDto> Recent { get; private set; } = [];

    [TempData]
    public string? Problem { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken ct)
    {
        if (job is { } id)
        {
            Job = await jobs.GetAsync(User.UserId()!, id, ct);
            if (Job is null)
            {
                return NotFound();
            }
        }
        Recent = await jobs.ListAsync(User.UserId()!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problem = "Choose an export file to import.";
            return RedirectToPage();
        }
        if (file.Length > jobs.MaxBytes)
        {
            Problem = $"The file is larger than {jobs.MaxBytes / (1024 * 1024)} MB.";
            return RedirectToPage();
        }
        await using var stream = file.OpenReadStream();
        var bytes = await BoundedRead.ReadAtMostAsync(stream, jobs.MaxBytes, ct);
        var (job, problem) = await jobs.CreateAsync(User.UserId()!, bytes!, file.FileName, ct);
        if (job is null)
        {
            Problem = problem;
            return RedirectToPage();
        }
        return RedirectToPage(new { job = job.Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid job, CancellationToken ct)
    {
        await jobs.CancelAsync(User.UserId()!, job, ct);
        return RedirectToPage(new { job });
    }
}
