using System.Text.Json;
using System.Text.Json.Serialization;
using NewsReader.Web.Articles;
using Serilog;

namespace NewsReader.Web;

/// <summary>The web-facing wiring that Program.cs names in one line each.</summary>
public static class WebSetup
{
    /// <summary>Serilog for every log: levels from configuration, console sink, request logging.</summary>
    public static WebApplicationBuilder AddNewsReaderLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture),
            writeToProviders: true);
        return builder;
    }

    public static IServiceCollection AddNewsReaderWeb(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddScoped<ArticleQueries>();
        return services;
    }
}
