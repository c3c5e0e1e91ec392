using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NewsReader.Web.Tokens;

/// <summary>
/// Personal API tokens as an authentication scheme of their own, beside Identity's cookie and
/// log-in bearer token. A policy scheme in front sends `Authorization: Bearer nrt_…` here and
/// everything else to Identity as before, so the rest of the sign-in wiring does not change.
/// A personal token is a key for scripts, not a session: it is accepted on `/api` only, never
/// on pages (token management, settings) nor on account management: `/api/auth` (Identity's
/// manage endpoints would let it turn on two-factor sign-in and lock its owner out) and
/// `/api/account` (the address and the name others see). A bearer token that does not
/// authenticate answers 401 everywhere, even where anonymous reads are allowed (RFC 6750 3.1),
/// so a script with a revoked key learns it instead of silently reading public data.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";
    public const string ReadOnlyClaim = "newsreader:token-read-only";
    public const string TokenIdClaim = "newsreader:token-id";
    private const string TokenOrIdentityScheme = "ApiTokenOrIdentity";

    public static IServiceCollection AddNewsReaderApiTokens(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<OtherSchemes>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, null)
            .AddPolicyScheme(TokenOrIdentityScheme, null, options => options.ForwardDefaultSelector = context =>
                PersonalToken(context.Request) is not null ? Scheme : context.RequestServices.GetRequiredService<OtherSchemes>().Default);
        // Whatever scheme authenticated before (Identity's cookie-or-bearer) is asked whenever no personal token is sent.
        services.AddOptions<AuthenticationOptions>().PostConfigure<OtherSchemes>((options, others) =>
        {
            if (options.DefaultAuthenticateScheme != TokenOrIdentityScheme)
            {
                others.Default = options.DefaultAuthenticateScheme ?? options.DefaultScheme
                    ?? throw new InvalidOperationException("API tokens need another authentication scheme to fall back on.");
                options.DefaultAuthenticateScheme = TokenOrIdentityScheme;
            }
        });
        return services;
    }

    /// <summary>Where a personal token is accepted: the API, except account management (Identity's endpoints and `/api/account`).</summary>
    public static bool AcceptedAt(PathString path) =>
        path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth") && !path.StartsWithSegments("/api/account");

    /// <summary>
    /// A bearer token that does not authenticate (unknown, revoked, expired, or a personal token
    /// off the API) is a 401 with `error="invalid_token"`; a read-only token may read and nothing
    /// else: any other method gets a 403 problem before it reaches an endpoint. Runs after authentication.
    /// </summary>
    public static IApplicationBuilder UseApiTokenLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                && !await AuthSchemes.AuthenticatedByHeaderAsync(context))
            {
                var detail = PersonalToken(context.Request) is not null && !AcceptedAt(context.Request.Path)
                    ? "Personal API tokens are accepted on /api only, and not on /api/auth nor /api/account; pages and account management need a log-in."
                    : "The bearer token is unknown, revoked or expired.";
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid token", detail: detail).ExecuteAsync(context);
                return;
            }
            var method = context.Request.Method;
            var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
            if (!reads && context.User.HasClaim(ReadOnlyClaim, "true"))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Read-only token",
                    detail: "This API token may only read (GET). Make a token without \"read only\" to change things.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>The personal token in the Authorization header, or null when there is none.</summary>
    public static string? PersonalToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = header[bearer.Length..].Trim();
        return token.StartsWith(ApiTokenService.Prefix, StringComparison.Ordinal) ? token : null;
    }

    /// <summary>The scheme that authenticates a request without a personal token.</summary>
    private sealed class OtherSchemes
    {
        public string Default { get; set; } = "";
    }

    /// <summary>Checks the token and signs its owner in, with the same claims (roles included) a log-in gives.</summary>
    private sealed class Handler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        ApiTokenService tokens, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (PersonalToken(Request) is not { } secret)
            {
                return AuthenticateResult.NoResult();
            }
            if (!AcceptedAt(Request.Path))
            {
                return AuthenticateResult.Fail("Personal API tokens are accepted on /api only, and not on /api/auth nor /api/account.");
            }
            if (await tokens.CheckAsync(secret, Context.RequestAborted) is not { } holder
                || await users.FindByIdAsync(holder.UserId) is not { } user)
            {
                return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
            }
            var principal = await principals.CreateAsync(user);
            var identity = new ClaimsIdentity(principal.Claims, ApiTokenAuthentication.Scheme);
            identity.AddClaim(new Claim(TokenIdClaim, holder.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(ReadOnlyClaim, holder.ReadOnly ? "true" : "false"));
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiTokenAuthentication.Scheme));
        }

        protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.WWWAuthenticate = "Bearer";
            return Task.CompletedTask;
        }
    }
}
