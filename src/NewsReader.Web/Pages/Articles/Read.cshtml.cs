using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsReader.Core.Anchoring;
using NewsReader.Web.Annotations;
using NewsReader.Web.Articles;
using NewsReader.Web.Data;

namespace NewsReader.Web.Pages.Articles;

/// <summary>
/// The reader: the article with the caller's and public highlights as marks, the annotation
/// list beside it, and forms that work without JavaScript (the script only adds the
/// selection toolbar on top of the same API).
/// </summary>
public sealed class ReadModel(ArticleQueries articles, AnnotationService annotations) : PageModel
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

    public ReaderView? View { get; private set; }

    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [BindProperty]
    public AnnotationForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostHighlightAsync(string slug, CancellationToken cancellationToken) =>
        WriteAsync(slug, userId => annotations.CreateAsync(userId, slug, Draft(Form, requireQuote: true), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUpdateAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        WriteAsync(slug, userId => annotations.UpdateAsync(id, userId, Draft(Form, requireQuote: false), expectedVersion: null, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReattachAsync(string slug, Guid id, CancellationToken cancellationToken) =>
        WriteAsync(slug, userId => annotations.UpdateAsync(id, userId, Draft(Form, requireQuote: true), expectedVersion: null, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(string slug, Guid id, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        if (!await annotations.DeleteAsync(id, userId, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/articles/{slug}#annotations");
    }

    private async Task<IActionResult> WriteAsync(string slug, Func<string, Task<AnnotationOutcome>> write, CancellationToken cancellationToken)
    {
        if (UserId is not { } userId)
        {
            return Challenge();
        }
        if (ModelState.IsValid)
        {
            var outcome = await write(userId);
            if (outcome.Annotation is { } annotation)
            {
                return Redirect($"/articles/{slug}#annotation-{annotation.Id}");
            }
            if (outcome.Failure!.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }
            ModelState.AddModelError(string.Empty, outcome.Failure.Detail);
        }
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(slug, cancellationToken);
        if (article is null)
        {
            return false;
        }
        var visible = await annotations.ListForArticleAsync(slug, UserId, cancellationToken) ?? [];
        View = ReaderView.Build(article, visible);
        return true;
    }

    private static AnnotationDraft Draft(AnnotationForm form, bool requireQuote) =>
        new(requireQuote ? new TextQuoteSelector((form.Quote ?? "").Trim(), "", "") : null, null, form.Note,
            AnnotationRules.ParseTagList(form.Tags), form.Color, form.Visibility);
}
