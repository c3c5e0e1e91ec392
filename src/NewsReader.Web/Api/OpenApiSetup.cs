using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace NewsReader.Web.Api;

/// <summary>
/// The API described: an OpenAPI document at `/openapi/v1.json` covering every `/api` route
/// (Microsoft.AspNetCore.OpenApi reads the endpoints' metadata: parameters, bodies, responses
/// and problems), and Scalar's reference page on it at `/api/docs` for signed-in readers.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";

    public static IServiceCollection AddNewsReaderOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NewsReader API",
                    Version = "v1",
                    Description = "Articles, W3C Web Annotations, search, reading state, feeds, export and import. " +
                        "Send `Authorization: Bearer <token>`: a personal API token from /settings/tokens, or the accessToken of POST /api/auth/login. " +
                        "Errors are RFC 7807 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token (nrt_…) or a log-in access token.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });

    /// <summary>`/openapi/v1.json` for anyone (it holds no data), `/api/docs` for signed-in readers.</summary>
    public static IEndpointRouteBuilder MapNewsReaderOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).ExcludeFromDescription();
        // The reference page is for people: the sign-in cookie, and a trip to the log-in page without it.
        app.MapScalarApiReference(DocsPath, options => options
                .WithTitle("NewsReader API")
                .WithOpenApiRoutePattern(DocumentPath))
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .ExcludeFromDescription();
        return app;
    }
}
