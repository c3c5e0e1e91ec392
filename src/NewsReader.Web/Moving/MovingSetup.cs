namespace NewsReader.Web.Moving;

/// <summary>Moving in from other services: the import jobs, the importer and the runner that works through them.</summary>
public static class MovingSetup
{
    public static IServiceCollection AddNewsReaderMoving(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<RunningImports>();
        services.AddSingleton<HostPacer>();
        services.AddScoped<LibraryImporter>();
        services.AddScoped<LibraryImportJobs>();
        services.AddHostedService<LibraryImportRunner>();
        return services;
    }
}
