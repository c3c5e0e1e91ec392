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

    /// <summary>
    /// Registers through the form and, when the page accepted it (it sends everyone on to the
    /// log-in page, taken addresses too), logs in; answers the last page either way.
    /// </summary>
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = TestUsers.Password,
        string? displayName = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        if (displayName is not null)
        {
            fields["Input.DisplayName"] = displayName;
        }
        var registered = await SubmitAsync(client, "/account/register", fields);
        return registered.RequestMessage?.RequestUri?.AbsolutePath == "/account/login"
            ? await LoginAsync(client, email, password)
            : registered;
    }

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
