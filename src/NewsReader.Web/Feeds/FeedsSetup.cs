
namespace NewsReader.Web.Feeds;

/// <summary>Fetching, saved pages and feeds: the services Program.cs names in one line.</summary>
public static class FeedsSetup
{
    public static IServiceCollection AddNewsReaderFeeds(this IServiceCollection services)
    {
        services.AddNewsReaderFetching();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);
        services.AddScoped<UrlSaver>();
        services.AddScoped<FeedService>();
        services.AddHostedService<FeedPoller>();
        return services;
    }
}
