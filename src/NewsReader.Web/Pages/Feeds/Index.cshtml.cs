using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Feeds;

/// <summary>`/feeds`: the reader's subscriptions with their last poll, and subscribe, refresh, unsubscribe, OPML in and out.</summary>
[Authorize]
[RequestSizeLimit(Opml.MaxBytes + 64 * 1024)]
[ExpensiveWork(ExpensiveKind.Fetching, PostsOnly = true)]
public sealed class IndexModel(FeedService feeds) : PageModel
{
    [BindProperty(Name = "url")]
    public string? FeedUrl { get; set; }

    public IReadOnlyList<FeedSummary> Feeds { get; private set; } = [];

    /// <summary>What the last action did, for the status line.</summary>
    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    private string UserId => User.UserId()!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Feeds = await feeds.ListAsync(UserId, cancellationToken);

    /// <summary>The subscriptions as an OPML 2.0 download (the same file as `GET /api/feeds/opml`).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        File(await feeds.ExportAsync(UserId, cancellationToken), Opml.ContentType, Opml.FileName);

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (feed, created) = await feeds.SubscribeAsync(UserId, FeedUrl, cancellationToken);
            Message = created ? $"Subscribed to {feed.Title}: {feed.ArticleCount} articles." : $"Already subscribed to {feed.Title}.";
            return RedirectToPage();
        }
        catch (FetchException failure)
        {
            return await FailedAsync(failure.Message, failure.FormStatus, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostRefreshAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            var refresh = await feeds.FollowsAsync(UserId, id, cancellationToken) ? await feeds.RefreshAsync(id, cancellationToken) : null;
            Message = refresh switch
            {
                null => "That feed is no longer subscribed.",
                { Error: { } error } => $"Refresh failed: {error.Message}",
                { NotModified: true } => "Not modified since the last poll.",
                _ => $"{refresh.Added} added, {refresh.Revised} revised, {refresh.Unchanged} unchanged, {refresh.Failed} failed.",
            };
        }
        catch (FeedBusyException busy)
        {
            Message = busy.Message;
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(int id, CancellationToken cancellationToken)
    {
        Message = await feeds.UnsubscribeAsync(UserId, id, cancellationToken) ? "Unsubscribed; the articles you annotated stay in your library." : "That feed is no longer subscribed.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > Opml.MaxBytes)
        {
            return await FailedAsync($"Choose an OPML file of at most {Opml.MaxBytes / (1024 * 1024)} MB.", 400, cancellationToken);
        }
        await using var stream = file.OpenReadStream();
        if (Opml.Read(stream) is not { } subscriptions)
        {
            return await FailedAsync($"{file.FileName} is not an OPML file.", 400, cancellationToken);
        }
        var import = await feeds.ImportAsync(UserId, subscriptions, cancellationToken);
        Message = $"OPML import: {import.Added} added, {import.Existing} already subscribed, {import.Invalid} invalid.";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailedAsync(string problem, int status, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = status;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
