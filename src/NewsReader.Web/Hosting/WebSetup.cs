using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.ResponseCompression;
using Serilog;

namespace NewsReader.Web.Hosting;

/// <summary>The web-facing wiring that Program.cs names in one line each.</summary>
public static class WebSetup
{
    /// <summary>
    /// Serilog for every log: levels from configuration, console sink, request logging.
    /// Each host keeps its own logger rather than replacing the static Log.Logger: several
    /// hosts share one process in the tests, and a shared static logger sends one host's
    /// events to another's sinks (or to nowhere once another host has stopped).
    /// </summary>
    public static WebApplicationBuilder AddNewsReaderLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            preserveStaticLogger: true,
            writeToProviders: true);
        return builder;
    }

    /// <summary>One summary line per request, written through this host's own logger.</summary>
    public static WebApplication UseNewsReaderRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = logger);
        return app;
    }

    public static IServiceCollection AddNewsReaderWeb(this IServiceCollection services)
    {
        // One clock for ingestion dates, annotation times and the search budget; tests replace it.
        services.AddSingleton(TimeProvider.System);
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new UnknownHandlerFilter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures throw, so BadRequestExceptionHandler can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddNewsReaderAntiforgery();
        services.AddNewsReaderRateLimits();
        services.AddNewsReaderExpensiveWorkLimits();
        services.AddSingleton<PublicUrls>();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddScoped<ArticleQueries>();
        services.AddScoped<ReaderLibrary>();
        services.AddScoped<LibraryList>();
        services.AddScoped<LibraryTags>();
        services.AddScoped<ArticleDeletion>();
        services.AddScoped<AnnotationService>();
        services.AddSingleton(new RevisionTextCache());
        services.AddSingleton(new SlimRowsCache());
        services.AddHostedService<AnnotationWarmUp>();
        services.AddScoped<SearchService>();
        services.AddSingleton<SqliteSearchConnections>();
        services.AddScoped<TagService>();
        services.AddScoped<ReadingService>();
        services.AddScoped<NewsReader.Web.Revisions.RevisionService>();
        services.AddSingleton<NewsReader.Web.Revisions.RevisionDiffs>();
        services.AddScoped<ReaderSettingsService>();
        services.AddScoped<Exchange.AnnotationExporter>();
        services.AddScoped<Exchange.AnnotationImporter>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/ld+json", "application/problem+json"]);
        });
        return services;
    }

    /// <summary>
    /// Errors: problem details for the API, a readable page for people; security headers on
    /// every response; HTTPS and HSTS outside Development.
    /// </summary>
    public static WebApplication UseNewsReaderErrorsAndHeaders(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirectionToPublicUrl();
        }
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>
    /// ASP.NET Core's UseHttpsRedirection builds its Location from the Host header; this one sends
    /// plain HTTP to <see cref="PublicUrls.HttpsBaseUrl"/>, and only when the server listens on HTTPS.
    /// </summary>
    private static void UseHttpsRedirectionToPublicUrl(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (!http.Request.IsHttps && http.RequestServices.GetRequiredService<PublicUrls>().HttpsBaseUrl is { } https)
            {
                http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                http.Response.Headers.Location = https + http.Request.Path + http.Request.QueryString;
                return;
            }
            await next(http);
        });

    /// <summary>
    /// Static files: fingerprinted URLs (asp-append-version adds ?v=hash) are cached for a year,
    /// since a changed file gets a new URL; the rest must be revalidated.
    /// </summary>
    public static WebApplication UseNewsReaderStaticFiles(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        return app;
    }

    /// <summary>Requests answered as the JSON API (problem details), not as pages for people.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz");

    private static bool IsApi(HttpContext context) => IsApi(context.Request.Path);
}
