namespace NewsReader.Web.Feeds;

/// <summary>How often feeds are polled, from `NewsReader:Feeds`.</summary>
public sealed class FeedOptions
{
    public const string Section = "NewsReader:Feeds";
    public const string PollMinutesKey = Section + ":PollMinutes";

    /// <summary>Minutes between two polls of one feed; 30 by default. Fractions are allowed (tests use them).</summary>
    public double PollMinutes { get; set; } = 30;

    /// <summary>An item with fewer words than this is a summary: its link is fetched for the article.</summary>
    public const int SummaryWords = 150;

    /// <summary>Tries of an item's page before it is left with the item's own text for good.</summary>
    public const int MaxPageAttempts = 6;

    /// <summary>The longest back-off after failures.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(24);

    /// <summary>A claim older than this is from a poll that died with its process; it no longer blocks.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public TimeSpan Interval => TimeSpan.FromMinutes(PollMinutes);
}
