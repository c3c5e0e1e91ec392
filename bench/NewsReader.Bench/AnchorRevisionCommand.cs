using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// <c>anchor-revision [--seed N] [--sweep] [--explain]</c>: for edit rates of 1%, 5% and 20%
/// (<see cref="RevisionScenario"/>), re-anchors 1,000 annotations with NewsReader's rules
/// (diff first, then guarded quote search) and with today's Hypothesis rules, and prints one
/// JSON line per rate and rule set: counts judged against the ground truth and the median time
/// of the 1,000 placements (diff included). <c>--sweep</c> also prints quote search alone (as
/// for imports) under a grid of plausibility thresholds: the figures the thresholds were chosen from;
/// <c>--explain</c> prints each misplaced or ambiguous placement to stderr: the old quote, where the
/// passage's surviving words are (the expected placement), the placement, and the revised words
/// around it marked with the edits that made them.
/// </summary>
internal static class AnchorRevisionCommand
{
    private static readonly double[] Rates = [0.01, 0.05, 0.20];
    private const int Runs = 5;
    private static bool explain;

    public static int Run(string[] args)
    {
        int seed = 20_240_601;
        int seedAt = Array.IndexOf(args, "--seed");
        if (seedAt >= 0 && seedAt + 1 < args.Length) seed = int.Parse(args[seedAt + 1], CultureInfo.InvariantCulture);
        bool sweep = args.Contains("--sweep");
        explain = args.Contains("--explain");

        foreach (var rate in Rates)
        {
            var scenario = RevisionScenario.Create(seed, rate);
            var oldText = new CodePointText(scenario.Original);
            Report("newsreader", rate, scenario, Time(() =>
            {
                var anchorer = new RevisionAnchorer(new CodePointText(scenario.Revised), oldText);
                return scenario.Annotated.Select(a => anchorer.Anchor(a.Quote, a.Position)).ToArray();
            }));
            Report("hypothesis", rate, scenario, Time(() =>
            {
                var revised = new CodePointText(scenario.Revised);
                return scenario.Annotated.Select(a => Anchorer.Anchor(revised, a.Quote, a.Position)).ToArray();
            }));
            if (sweep) Sweep(rate, scenario);
        }
        return 0;
    }

    /// <summary>Quote search alone (no diff, no position), as imports are placed, under each pair of thresholds.</summary>
    private static void Sweep(double rate, RevisionScenario scenario)
    {
        var revised = new CodePointText(scenario.Revised);
        foreach (double quote in new[] { 0.5, 0.6, 0.7, 0.75, 0.8, 0.9 })
        {
            foreach (double context in new[] { 0.6, 0.75, 0.9, 1.01 })
            {
                var options = new AnchorOptions(MinQuoteSimilarity: quote, MinContextSimilarity: context);
                var results = scenario.Annotated.Select(a => Anchorer.Anchor(revised, a.Quote, null, options: options)).ToArray();
                var counts = Count(scenario, results);
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    rules = "search",
                    quoteSimilarity = quote,
                    contextSimilarity = context,
                    rate,
                    annotations = counts.Annotations, anchored = counts.Anchored, changed = counts.Changed, orphaned = counts.Orphaned,
                    misplaced = counts.Misplaced, ambiguous = counts.Ambiguous, lostWhileSurviving = counts.LostWhileSurviving,
                }));
            }
        }
    }

    private static (AnchorResult[] Results, double MedianMs) Time(Func<AnchorResult[]> run)
    {
        var timings = new List<double>();
        AnchorResult[] results = [];
        for (int i = 0; i < Runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            results = run();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        return (results, timings[Runs / 2]);
    }

    private static void Report(string rules, double rate, RevisionScenario scenario, (AnchorResult[] Results, double MedianMs) outcome)
    {
        var counts = Count(scenario, outcome.Results, rules);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            rules,
            rate,
            annotations = counts.Annotations,
            anchored = counts.Anchored,
            changed = counts.Changed,
            orphaned = counts.Orphaned,
            misplaced = counts.Misplaced,
            ambiguous = counts.Ambiguous,
            lostWhileSurviving = counts.LostWhileSurviving,
            medianMs = Math.Round(outcome.MedianMs, 1),
        }));
    }

    /// <summary>
    /// anchored: placed on the quote's very words; changed: placed on other words; misplaced: placed
    /// anywhere but on what became of the passage (a deleted passage placed anywhere included);
    /// ambiguous: placed where the ground truth says misplaced, but on words the texts cannot tell
    /// from the passage's (<see cref="RevisionScenario.OnLookAlikes"/>), counted apart;
    /// lostWhileSurviving: orphaned while at least half the passage's words still exist.
    /// </summary>
    private static Counts Count(RevisionScenario scenario, AnchorResult[] results, string rules = "search")
    {
        var revised = new CodePointText(scenario.Revised);
        int anchored = 0, changed = 0, orphaned = 0, misplaced = 0, ambiguous = 0, lost = 0;
        for (int i = 0; i < results.Length; i++)
        {
            var annotation = scenario.Annotated[i];
            if (results[i] is { Start: { } start, End: { } end })
            {
                if (revised.Slice(start, end) == annotation.Quote.Exact) anchored++; else changed++;
                if (!scenario.OnWhatBecameOfIt(annotation, start, end))
                {
                    bool lookAlikes = scenario.OnLookAlikes(annotation, start, end);
                    if (lookAlikes) ambiguous++; else misplaced++;
                    if (explain)
                        Console.Error.WriteLine($"{(lookAlikes ? "AMBIGUOUS" : "MISPLACED")} {rules} rate={scenario.Rate} {results[i].Status} {results[i].Score:F2} surv={scenario.Surviving(annotation)}/{annotation.WordCount} old=[{annotation.Position.Start},{annotation.Position.End})\n  quote: {annotation.Quote.Exact}\n{scenario.Explain(annotation, start, end)}");
                }
            }
            else
            {
                orphaned++;
                if (2 * scenario.Surviving(annotation) >= annotation.WordCount) lost++;
            }
        }
        return new Counts(results.Length, anchored, changed, orphaned, misplaced, ambiguous, lost);
    }

    private readonly record struct Counts(int Annotations, int Anchored, int Changed, int Orphaned, int Misplaced, int Ambiguous, int LostWhileSurviving);
}
