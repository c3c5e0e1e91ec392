using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Primitives;

namespace NewsReader.Web.Accounts;

/// <summary>
/// The one place that knows how a request authenticates with a header rather than the sign-in
/// cookie. Scheme names in `Authorization` are case-insensitive (RFC 9110), but Identity's
/// bearer handler only reads "Bearer " exactly: a request sending `bearer x` beside the cookie
/// was once authenticated by the cookie while the antiforgery check, reading the header
/// case-insensitively, took it for a token call and waved it through. So the header's scheme
/// is put in canonical case before any handler reads it, and antiforgery asks which
/// authentication actually succeeded (<see cref="AuthenticatedByHeaderAsync"/>), never whether a
/// header is present. Every header scheme (the log-in token, personal API tokens) is in <see cref="HeaderSchemes"/>.
/// </summary>
public static class AuthSchemes
{
    /// <summary>Authentication schemes whose credential is a request header, which another site cannot make a browser send.</summary>
    public static IReadOnlyList<string> HeaderSchemes { get; } = [IdentityConstants.BearerScheme, Tokens.ApiTokenAuthentication.Scheme];

    /// <summary>The `Authorization` scheme names the app accepts, in their canonical case.</summary>
    private static readonly string[] CanonicalNames = ["Bearer"];

    /// <summary>The header with its scheme name in canonical case (`bearer x` → `Bearer x`); other values unchanged.</summary>
    public static string CanonicalAuthorization(string authorization)
    {
        var space = authorization.IndexOf(' ');
        if (space <= 0)
        {
            return authorization;
        }
        var scheme = authorization[..space];
        var canonical = Array.Find(CanonicalNames, name => name.Equals(scheme, StringComparison.OrdinalIgnoreCase));
        return canonical is null || canonical == scheme ? authorization : canonical + authorization[space..];
    }

    /// <summary>Before authentication: every handler then sees the scheme name in canonical case.</summary>
    public static IApplicationBuilder UseCanonicalAuthorizationScheme(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var header = http.Request.Headers.Authorization;
            if (header.Count == 1 && CanonicalAuthorization(header.ToString()) is var canonical && canonical != header.ToString())
            {
                http.Request.Headers.Authorization = new StringValues(canonical);
            }
            await next(http);
        });

    /// <summary>Whether one of the <see cref="HeaderSchemes"/> authenticated this request (the cookie does not count).</summary>
    public static async Task<bool> AuthenticatedByHeaderAsync(HttpContext http)
    {
        foreach (var scheme in HeaderSchemes)
        {
            if ((await http.AuthenticateAsync(scheme)).Succeeded)
            {
                return true;
            }
        }
        return false;
    }
}
