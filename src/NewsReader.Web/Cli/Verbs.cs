namespace NewsReader.Web.Cli;

/// <summary>
/// The command-line verbs, by their first argument: `dotnet run --project src/NewsReader.Web -- &lt;verb&gt; …`
/// runs one instead of the server. A new verb is one file and one line in <see cref="Table"/>.
/// </summary>
public static class Verbs
{
    private static readonly IReadOnlyDictionary<string, Func<WebApplication, string[], Task<int>>> Table =
        new Dictionary<string, Func<WebApplication, string[], Task<int>>>(StringComparer.Ordinal)
        {
            ["ingest"] = IngestCommand.RunVerbAsync,
            ["backup"] = BackupVerbs.RunVerbAsync,
            ["restore"] = BackupVerbs.RunVerbAsync,
            [MigrateToPostgres.Verb] = MigrateToPostgres.RunVerbAsync,
            [RecountCommand.Verb] = RecountCommand.RunVerbAsync,
        };

    public static bool IsVerb(string[] args) => args.Length > 0 && Table.ContainsKey(args[0]);

    /// <summary>
    /// The arguments the configuration may read. After a verb only --Key=value overrides count:
    /// the command-line provider would read a path such as /srv/news as a "/key value" switch
    /// and swallow the next argument. The verbs print each outcome themselves, so the
    /// ingester's own log lines stay off their console.
    /// </summary>
    public static string[] ConfigurationArgs(string[] args) =>
        IsVerb(args)
            ? [$"--Serilog:MinimumLevel:Override:{typeof(ArticleIngester).Namespace}=Error",
               .. args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))]
            : args;

    /// <summary>Runs the verb the command line names and returns its exit code; null when it names none.</summary>
    public static async Task<int?> RunVerbAsync(this WebApplication app, string[] args) =>
        IsVerb(args) ? await Table[args[0]](app, args) : null;
}
