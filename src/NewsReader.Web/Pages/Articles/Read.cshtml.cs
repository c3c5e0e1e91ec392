using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Articles;

/// <summary>
/// The reader: the article with the caller's and public highlights as marks, the annotation
/// list beside it, and forms that work without JavaScript (the script only adds the
/// selection toolbar on top of the same API).
/// </summary>
public sealed class ReadModel(ArticleQueries articles, AnnotationService annotations, ReadingService reading, RevisionService revisions, LibraryTags libraryTags) : PageModel
{
    public sealed class AnnotationForm
    {
        [StringLength(NoteMarkdown.MaxLength, ErrorMessage = "The note can be at most 10,000 characters long.")]
        public string? Note { get; set; }

        public string? Tags { get; set; }

        public string Color { get; set; } = AnnotationRules.DefaultColor;

        public Visibility Visibility { get; set; } = Visibility.Private;

        /// <summary>The exact text to highlight, for a new highlight or to re-attach an orphan.</summary>
        public string? Quote { get; set; }
    }

    /// <summary>How many entries of the annotation list a page shows at first, and how many "Show more" adds.</summary>
    public const int PageSize = 50;

    /// <summary>Entries <see cref="From"/> to <see cref="End"/> of the list <see cref="All"/>.</summary>
    public sealed record AnnotationPage(IReadOnlyList<Annotation> All, int From, int Count, string? UserId, string Slug, bool MineOnly)
    {
        public int End => Math.Min(All.Count, From + Count);
    }

    public ReaderView? View { get; private set; }

    /// <summary>How many placed annotations the list shows (<c>?shown=</c>, in steps of <see cref="PageSize"/>).</summary>
    public int Shown { get; private set; } = PageSize;

    /// <summary>Every annotation the reader sees on this article, placed and orphaned.</summary>
    public int Count => View is { } view ? view.Placed.Count + view.Orphans.Count : 0;

    /// <summary>The signed-in reader's state for this article; null for anonymous readers.</summary>
    public ReadingStateDto? State { get; private set; }

    /// <summary>The block holding the reader's saved progress, when there is somewhere to continue from.</summary>
    public int? ContinueAt =>
        State is { Read: false, ProgressOffset: > 0 } state && View is { } view
            ? view.Article.Blocks.LastOrDefault(b => b.Start <= state.ProgressOffset)?.Start
            : null;

    // Read once: the list and the counts compare it with every annotation's owner.
    public string? UserId => readerId ??= User.UserId();

    private string? readerId;

    /// <summary>The signed-in reader's own tags on this article; none for anonymous readers.</summary>
    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>Set when the article changed since the signed-in reader last saw it.</summary>
    public UpdateNotice? Update { get; private set; }

    [BindProperty]
    public AnnotationForm Form { get; set; } = new();

    /// <summary>The side list's filter: "mine", or everyone's (the default).</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    public bool ShowMineOnly => Show == "mine" && UserId is not null;

    /// <summary>Why the last form post failed; kept across the redirect back to the reader.</summary>
    [TempData]
    public string? Problem { get; set; }

    /// <summary>The quote, note and tags of a failed paste-a-quote post, so they are not lost.</summary>
    [TempData]
    public string? RefusedForm { get; set; }

    /// <summary>The paste-a-quote form's values: empty, or those of a post that failed.</summary>
    public AnnotationForm PasteForm { get; private set; } = new();

    /// <summary>The annotations the side list shows under the current filter.</summary>
    public IReadOnlyList<Annotation> Listed(IReadOnlyList<Annotation> annotations) =>
        ShowMineOnly ? annotations.Where(a => a.OwnerId == UserId).ToList() : annotations;

    /// <summary>How many of the visible annotations are the reader's own.</summary>
    public int MineCount => mineCount ??= View is { } view ? view.Placed.Concat(view.Orphans).Count(a => a.OwnerId == UserId) : 0;

    private int? mineCount;


    public async Task<IActionResult> OnGetAsync(string slug, int? shown, CancellationToken cancellationToken)
    {
        Shown = ShownFrom(shown);
        return await LoadAsync(slug, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The article body and the annotation list alone, re-rendered for the script after a write.</summary>
    public async Task<IActionResult> OnGetFragmentsAsync(string slug, int? shown, CancellationToken cancellationToken)
    {
        Shown = ShownFrom(shown);
        return await LoadAsync(slug, cancellationToken) ? Partial("_ReaderFragments", this) : NotFound();
    }

    /// <summary>The next page of the annotation list, from entry <paramref name="from"/>, for "Show more".</summary>
    public async Task<IActionResult> OnGetMoreAsync(string slug, int from, CancellationToken cancellationToken)
    {
        Shown = Math.Clamp(from, 0, 100_000) + PageSize;
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        return Partial("_AnnotationPage", new AnnotationPage(Listed(View!.Placed), Math.Clamp(from, 0, View.Placed.Count), PageSize, UserId, slug, ShowMineOnly));
    }

    /// <summary>One entry of the list, for the popover of a highlight whose entry is not shown yet.</summary>
    public async Task<IActionResult> OnGetItemAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        await annotations.FindVisibleAsync(id, UserId, cancellationToken) is { } annotation && annotation.Article.Slug == slug
            ? Partial("_AnnotationItem", (annotation, UserId, slug))
            : NotFound();

    private static int ShownFrom(int? shown) => Math.Clamp(shown ?? PageSize, PageSize, 100_000);

    public Task<IActionResult> OnPostHighlightAsync(string slug, CancellationToken cancellationToken) =>
        WriteAsync(slug, userId => annotations.CreateAsync(userId, slug, Draft(Form, requireQuote: true), cancellationToken), cancellationToken, keepForm: true);

    public async Task<IActionResult> OnPostUpdateAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        await OnThisArticleAsync(slug, id, cancellationToken)
            ? await WriteAsync(slug, userId => annotations.UpdateAsync(id, userId, Draft(Form, requireQuote: false), expectedVersions: null, cancellationToken), cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostReattachAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        await OnThisArticleAsync(slug, id, cancellationToken)
            ? await WriteAsync(slug, userId => annotations.UpdateAsync(id, userId, Draft(Form, requireQuote: true), expectedVersions: null, cancellationToken), cancellationToken)
            : NotFound();

    /// <summary>Mark read or unread, archive, favourite: <c>change</c> is "read-true", "favorite-false" and so on.</summary>
    public async Task<IActionResult> OnPostStateAsync(string slug, string? change, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        var parts = (change ?? "").Split('-');
        if (parts.Length != 2 || !bool.TryParse(parts[1], out var value) || parts[0] is not ("read" or "archived" or "favorite"))
        {
            return BadRequest();
        }
        var (state, _) = await reading.ChangeAsync(userId, slug, new ReadingStateChange(
            parts[0] == "read" ? value : null, parts[0] == "archived" ? value : null, parts[0] == "favorite" ? value : null, null), cancellationToken);
        return state is null ? NotFound() : Redirect(ArticleUrl(slug));
    }

    /// <summary>Replaces the reader's own tags on the article with the comma-separated <paramref name="tags"/>.</summary>
    public async Task<IActionResult> OnPostTagsAsync(string slug, string? tags, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        var (saved, problem) = await libraryTags.SetAsync(userId, slug, AnnotationRules.ParseTagList(tags), cancellationToken);
        if (saved is null)
        {
            return NotFound();
        }
        Problem = problem;
        return Redirect(ArticleUrl(slug));
    }

    /// <summary>The reader has seen what changed: the banner and the margin marks go.</summary>
    public async Task<IActionResult> OnPostSeenAsync(string slug, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        return await revisions.MarkSeenAsync(userId, slug, cancellationToken) ? Redirect(ArticleUrl(slug)) : NotFound();
    }

    /// <summary>Keep a changed highlight: the words it now stands on become its quote.</summary>
    public async Task<IActionResult> OnPostKeepAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        if (!await OnThisArticleAsync(slug, id, cancellationToken))
        {
            return NotFound();
        }
        var outcome = await annotations.KeepNewTextAsync(id, userId, cancellationToken);
        if (outcome.Annotation is { } kept)
        {
            return Redirect($"{ArticleUrl(slug)}#annotation-{kept.Id}");
        }
        ModelState.AddModelError(string.Empty, outcome.Failure!.Detail);
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Response.StatusCode = outcome.Failure.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        if (!await OnThisArticleAsync(slug, id, cancellationToken) || !await annotations.DeleteAsync(id, userId, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"{ArticleUrl(slug)}#annotations");
    }

    private async Task<IActionResult> WriteAsync(string slug, Func<string, Task<AnnotationOutcome>> write, CancellationToken cancellationToken, bool keepForm = false)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        string? problem = null;
        if (ModelState.IsValid)
        {
            var outcome = await write(userId);
            if (outcome.Annotation is { } annotation)
            {
                return annotation.Article.Slug == slug ? Redirect($"{ArticleUrl(slug)}#annotation-{annotation.Id}") : NotFound();
            }
            if (outcome.Failure!.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }
            problem = outcome.Failure.Detail;
        }
        // Post-redirect-get even on failure: the reason and what was typed travel in TempData,
        // so the address bar never keeps ?handler= and a reload does not post again.
        Problem = problem ?? string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        RefusedForm = keepForm ? System.Text.Json.JsonSerializer.Serialize(Form) : null;
        return Redirect($"{ArticleUrl(slug)}#annotations");
    }

    /// <summary>True when the annotation is the caller's and belongs to the article in the URL.</summary>
    private async Task<bool> OnThisArticleAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        UserId is { } userId && await annotations.FindVisibleAsync(id, userId, cancellationToken) is { } annotation
            && annotation.OwnerId == userId && annotation.Article.Slug == slug;

    private static string ArticleUrl(string slug) => $"/articles/{Uri.EscapeDataString(slug)}";

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(slug, UserId, cancellationToken);
        if (article is null)
        {
            return false;
        }
        // Whole annotations for the entries the list shows; the rest only need their marks.
        var visible = await annotations.ListForReaderAsync(slug, UserId, Shown, ShowMineOnly, cancellationToken) ?? [];
        View = ReaderView.Build(article, visible);
        if (Problem is not null)
        {
            ModelState.AddModelError(string.Empty, Problem);
        }
        if (RefusedForm is not null)
        {
            PasteForm = System.Text.Json.JsonSerializer.Deserialize<AnnotationForm>(RefusedForm) ?? new();
        }
        State = UserId is { } userId ? await reading.GetAsync(userId, slug, cancellationToken) : null;
        Tags = UserId is { } tagger ? await libraryTags.OfAsync(tagger, slug, cancellationToken) ?? [] : [];
        Update = UserId is { } reader ? await revisions.NoticeAsync(reader, slug, cancellationToken) : null;
        // The changed-annotation partial shows the words a highlight now stands on beside its old quote.
        ViewData["ReaderText"] = article.Text;
        return true;
    }

    private static AnnotationDraft Draft(AnnotationForm form, bool requireQuote) =>
        new(requireQuote ? new TextQuoteSelector((form.Quote ?? "").Trim(), "", "") : null, null, form.Note,
            AnnotationRules.ParseTagList(form.Tags), form.Color, form.Visibility);
}
