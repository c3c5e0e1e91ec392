using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// A context configured as the app configures it for <paramref name="provider"/>, for what needs
/// the model and not a server: nothing here connects until a query runs.
/// </summary>
public static class ModelOnlyContext
{
    public static NewsReaderDb Create(DatabaseProvider provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseProviders.Key] = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
            ["ConnectionStrings:NewsReader"] = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : "Data Source=:memory:",
        }).Build();
        var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<NewsReaderDb>(), configuration, new Environment());
        return new NewsReaderDb((DbContextOptions<NewsReaderDb>)options.Options);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "NewsReader.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
