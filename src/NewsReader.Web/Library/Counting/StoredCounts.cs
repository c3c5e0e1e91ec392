using System.Linq.Expressions;

namespace NewsReader.Web.Library.Counting;

/// <summary>
/// One article in one reader's library, as the database keeps it for the sidebar's counts:
/// how many ways it comes in (<see cref="Paths"/>: each item of a feed they follow or of a
/// shared feed, the shared collection, their own entry) and the facts each view counts by,
/// copied from the reading state, annotations and current revision. Kept only by the
/// database's triggers (<see cref="CountingTriggers"/>); the application never writes it.
/// The article is in the library while <see cref="Paths"/> is above 0 and not <see cref="Removed"/>.
/// </summary>
public sealed class LibraryMember
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
    public int Paths { get; set; }
    public bool Removed { get; set; }
    public bool Read { get; set; }
    public bool Archived { get; set; }
    public bool Favorite { get; set; }
    public bool Annotated { get; set; }
    /// <summary>A revision came in after the newest one the reader has seen.</summary>
    public bool Updated { get; set; }
    /// <summary>The current revision's site.</summary>
    public string? SiteName { get; set; }

    /// <summary>The member's article is in the reader's library (what <see cref="CountingTriggers"/> calls InLibrary in SQL).</summary>
    public static readonly Expression<Func<LibraryMember, bool>> InLibrary = m => m.Paths > 0 && !m.Removed;
}

/// <summary>How many articles each view of a reader's library holds, kept by <see cref="CountingTriggers"/>.</summary>
public sealed class LibraryViewCount
{
    public required string UserId { get; set; }
    /// <summary>Every article of the library, archived ones included.</summary>
    public int Articles { get; set; }
    public int Unread { get; set; }
    public int Favorites { get; set; }
    public int Annotated { get; set; }
    public int Updated { get; set; }
    public int Archived { get; set; }
}

/// <summary>How many articles of a reader's library come from one site, kept by <see cref="CountingTriggers"/>.</summary>
public sealed class LibrarySiteCount
{
    public required string UserId { get; set; }
    public required string SiteName { get; set; }
    public int Articles { get; set; }
}

/// <summary>How many of a followed feed's articles the reader has not read, kept by <see cref="CountingTriggers"/>.</summary>
public sealed class FeedUnreadCount
{
    public required string UserId { get; set; }
    public int FeedId { get; set; }
    public int Unread { get; set; }
}

/// <summary>
/// An article of one reader whose counts a bulk change (<see cref="BulkCounting"/>) keeps itself
/// while it runs: the members' own triggers pass it by. Rows live only inside that change's
/// transaction.
/// </summary>
public sealed class CountingBatchEntry
{
    public required string UserId { get; set; }
    public int ArticleId { get; set; }
}
