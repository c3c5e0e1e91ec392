using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace NewsReader.Web.Hosting;

/// <summary>
/// The API described: an OpenAPI document at `/openapi/v1.json` covering every `/api` route
/// (Microsoft.AspNetCore.OpenApi reads the endpoints' metadata: parameters, bodies, responses
/// and problems), and Scalar's reference page on it at `/api/docs` for signed-in readers.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string DocsPath = "/api/docs";

    private const string DocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // A body read by hand (JsonElement, HttpRequest) is described by the type its Accepts names.
                if (metadata.OfType<IAcceptsMetadata>().LastOrDefault(a => a.RequestType is not null) is { } accepts)
                {
                    var schema = await context.GetOrCreateSchemaAsync(accepts.RequestType!, null, cancellationToken);
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = accepts.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
                    };
                }
                // Every route that needs an account can answer 401, and 403 when the account may not.
                if (!metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
                {
                    return;
                }
                var problem = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
                operation.Responses ??= new OpenApiResponses();
                foreach (var (status, description) in new[] { ("401", "Not signed in: no valid bearer token or cookie."), ("403", "Signed in, but not allowed (a read-only token writing, or not an administrator).") })
                {
                    if (!operation.Responses.ContainsKey(status))
                    {
                        operation.Responses[status] = new OpenApiResponse
                        {
                            Description = description,
                            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                        };
                    }
                }
            });
        });

    /// <summary>`/openapi/v1.json` for anyone (it holds no data), `/api/docs` for signed-in readers.</summary>
    public static WebApplication MapNewsReaderOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).ExcludeFromDescription();
        // Scalar's page loads its scripts by relative URL, which only resolve below /api/docs/.
        // Routing ignores a trailing slash, so this is a middleware, not an endpoint.
        ((IApplicationBuilder)app).Use((context, next) =>
        {
            if (context.Request.Path.Value == DocsPath)
            {
                context.Response.Redirect(DocsPath + "/");
                return Task.CompletedTask;
            }
            return next(context);
        });
        // The reference page is for people: the sign-in cookie, and a trip to the log-in page without it.
        app.MapScalarApiReference(DocsPath, options => options
                .WithTitle("NewsReader API")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts())
            // Scalar starts itself with an inline script and styles itself inline: allowed on this page only.
            .AddEndpointFilter((context, next) =>
            {
                context.HttpContext.Items[SecurityHeaders.PolicyOverrideKey] = DocsContentSecurityPolicy;
                return next(context);
            })
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .ExcludeFromDescription();
        return app;
    }
}
