using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Admin;

// The limits leave room for the largest upload allowed: 50 files of 5 MB.
[Authorize(Roles = Roles.Administrator)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadFiles * SourceFileReader.MaxBytes + 1024 * 1024)]
[RequestSizeLimit(MaxUploadFiles * SourceFileReader.MaxBytes + 1024 * 1024)]
[ExpensiveWork(ExpensiveKind.Importing, PostsOnly = true)]
public sealed class IngestModel(ArticleIngester ingester, IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    /// <summary>How many files one upload may carry; each may be up to 5 MB.</summary>
    public const int MaxUploadFiles = 50;

    public string SeedsPath => IngestionSetup.SeedsPath(configuration, environment);

    public IngestionReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) =>
        Report = await ingester.IngestAsync(SeedsPath, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            Problem = "Choose one or more files to upload: plain text, Markdown, HTML or RSS/Atom feeds.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (files.Count > MaxUploadFiles)
        {
            Problem = $"At most {MaxUploadFiles} files at once; you chose {files.Count}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var outcomes = new List<IngestedFile>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > SourceFileReader.MaxBytes)
            {
                outcomes.Add(new IngestedFile(name, IngestionOutcome.Skipped, Reason: SourceFileReader.TooLarge(file.Length)));
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            outcomes.AddRange(await ingester.IngestUploadAsync(name, buffer.ToArray(), cancellationToken));
        }
        Report = new IngestionReport(outcomes);
        return Page();
    }
}
