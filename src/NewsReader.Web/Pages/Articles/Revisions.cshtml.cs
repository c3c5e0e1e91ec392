using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages.Articles;

/// <summary>An article's revisions and a word-level diff of any two, folded to the paragraphs that changed; no script.</summary>
[ExpensiveWork(ExpensiveKind.Diffing)]
public sealed class RevisionsModel(RevisionService revisions, ReaderLibrary library) : PageModel
{
    public string Slug { get; private set; } = "";

    public IReadOnlyList<RevisionInfo> List { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public RevisionComparison? Comparison { get; private set; }

    public IReadOnlyList<DiffSection> Sections { get; private set; } = [];

    /// <summary>Why the chosen revisions cannot be compared, for the page.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await library.ContainsAsync(User.UserId(), slug, cancellationToken) || await revisions.ListAsync(slug, cancellationToken) is not { } list)
        {
            return NotFound();
        }
        Slug = slug;
        List = list;
        if (list.Count < 2 && From is null && To is null)
        {
            return Page();
        }
        To ??= list[^1].Number;
        From ??= Math.Max(1, To.Value - 1);
        Comparison = await revisions.CompareAsync(slug, From.Value, To.Value, cancellationToken);
        if (Comparison is null)
        {
            Problem = $"This article has revisions 1 to {list.Count}; choose two of them.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (Comparison.TooLarge)
        {
            Problem = RevisionComparison.TooLargeDetail;
            Comparison = null;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Sections = DiffLayout.Sections(Comparison.Diff);
        return Page();
    }

    public static string SourceLabel(string source) => source switch
    {
        "feed" => "from a feed",
        "url" => "saved from the web",
        _ => "from a file",
    };
}
