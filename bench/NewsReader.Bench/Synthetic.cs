/// <summary>What the benchmarks that make up news text and time requests share.</summary>
internal static class Synthetic
{
    /// <summary>Everyday news words, drawn at random to make long articles.</summary>
    public static readonly string[] NewsWords =
    [
        "the", "of", "and", "to", "in", "a", "council", "harbour", "plan", "residents", "said", "mayor", "vote",
        "market", "town", "jobs", "traffic", "noise", "budget", "school", "river", "bridge", "minister", "report",
        "week", "year", "police", "hospital", "election", "policy", "tax", "housing", "rail", "station", "workers",
        "strike", "talks", "agreement", "court", "judge", "ruling", "company", "shares", "profits", "prices",
        "energy", "climate", "summit", "leaders", "officials", "would", "could", "after", "before", "while",
        "because", "although", "announced", "expected", "reported", "increase", "decline", "support", "oppose",
        "Tuesday", "Friday", "spring", "autumn", "north", "south", "new", "old", "public", "private", "local",
    ];

    /// <summary>The nearest-rank percentile <paramref name="q"/> (0 to 1) of the values.</summary>
    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
