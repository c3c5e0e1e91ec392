using AngleSharp.Html.Dom;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>Fills and posts a page's form as a browser would, antiforgery token included.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> fields, string formSelector = "main form")
    {
        var page = await HtmlDocument.GetAsync(client, pageUrl);
        var form = (IHtmlFormElement)(page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}"));
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => input.Type is "hidden" && !string.IsNullOrEmpty(input.Name))
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = TestUsers.Password) =>
        SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password = TestUsers.Password) =>
        SubmitAsync(client, "/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}

public static class TestUsers
{
    public const string Password = "Correct-Horse-9";
}
