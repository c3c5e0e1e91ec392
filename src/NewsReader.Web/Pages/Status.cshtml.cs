using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NewsReader.Web.Pages;

/// <summary>
/// The page shown for an error status with no body of its own, such as an unknown article.
/// Status pages re-run the failed request's method, so a refused form post arrives as a POST,
/// perhaps without a valid token: it must render all the same.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is no article or page at this address. It may have been mistyped."),
            400 => ("Bad request", "The request could not be understood. Reload the page and try again."),
            403 => ("Not allowed", "You are not allowed to do that."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            _ => ("Something went wrong", $"The server answered with status {code}."),
        };
    }
}
