namespace NewsReader.Web.Moving;

/// <summary>Settings under <c>NewsReader:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "NewsReader:Import";

    /// <summary>The largest upload taken, in megabytes.</summary>
    public int MaxMegabytes { get; set; } = 64;

    /// <summary>The pause between two fetches from one host, so an import of a thousand links to one site is polite.</summary>
    public int HostDelayMilliseconds { get; set; } = 1000;

    /// <summary>How long a runner holds a job without renewing; a job left by a stopped process is taken up after this.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often the runner looks for queued jobs when nothing woke it.</summary>
    public int PollSeconds { get; set; } = 5;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}
