using Microsoft.AspNetCore.Antiforgery;

namespace NewsReader.Web.Security;

/// <summary>
/// Antiforgery for the JSON API. A write that rides on the browser's cookie must carry the
/// page's token in the <see cref="HeaderName"/> header, or a hostile site could post with
/// the reader's cookie. A bearer token cannot be sent by another site, so those calls need none.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static IServiceCollection AddNewsReaderAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(options =>
        {
            options.HeaderName = HeaderName;
            options.Cookie.Name = "newsreader.antiforgery";
        });

    /// <summary>Rejects cookie-authenticated writes without a valid token with a 400 problem.</summary>
    public static TBuilder RequireAntiforgeryForCookies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var isWrite = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            // Exempt only when a header credential really authenticated the request (see AuthSchemes).
            if (isWrite && http.Request.Cookies.ContainsKey(Accounts.AccountsSetup.AuthCookieName) && !await Accounts.AuthSchemes.AuthenticatedByHeaderAsync(http))
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing antiforgery token",
                        detail: $"A write made with the sign-in cookie must send the page's antiforgery token in the {HeaderName} header.");
                }
            }
            return await next(context);
        });
}
