namespace NewsReader.Web.Library.Ingestion;

/// <summary>What ingestion did with one file.</summary>
public enum IngestionOutcome
{
    Added,
    Revised,
    Unchanged,
    Duplicate,
    Skipped,
}

/// <summary>One file's outcome, with the article it went to and the reason when skipped.</summary>
public sealed record IngestedFile(string Path, IngestionOutcome Outcome, string? Slug = null, string? Reason = null);

/// <summary>The outcome of ingesting a file or folder, file by file.</summary>
public sealed record IngestionReport(IReadOnlyList<IngestedFile> Files)
{
    public int Count(IngestionOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    public override string ToString() => Summary(Count);

    /// <summary>The one-line summary: added, revised, unchanged, duplicate, skipped.</summary>
    public static string Summary(Func<IngestionOutcome, int> count) =>
        $"{count(IngestionOutcome.Added)} added, {count(IngestionOutcome.Revised)} revised, " +
        $"{count(IngestionOutcome.Unchanged)} unchanged, {count(IngestionOutcome.Duplicate)} duplicate, " +
        $"{count(IngestionOutcome.Skipped)} skipped";
}
