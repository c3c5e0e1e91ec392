using NewsReader.Core.Text;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsReader.Core.Anchoring;

/// <summary>
/// <c>anchor-revision [seed]</c>: a synthetic ~20,000-word article with 1,000 annotations
/// (Hypothesis-style: quote, 32 code points of context, position) is revised so that about 5%
/// of its words change (insertions, deletions, replacements spread through the text), and
/// all annotations are anchored again. Prints the median time of several runs and the counts.
/// </summary>
internal static class AnchorRevisionCommand
{
    private const int Words = 20_000;
    private const int Annotations = 1_000;
    private const double ChangedFraction = 0.05;
    private const int Runs = 7;

    public static int Run(string[] args)
    {
        int seed = args.Length > 0 ? int.Parse(args[0]) : 20_240_601;
        var random = new Random(seed);
        var words = Enumerable.Range(0, Words).Select(i => RandomWord(random, i)).ToList();
        var (original, wordStarts) = Join(words);
        var originalText = new CodePointText(original);

        var annotations = new List<(TextQuoteSelector Quote, TextPositionSelector Position)>();
        for (int i = 0; i < Annotations; i++)
        {
            int first = random.Next(0, Words - 40);
            int count = random.Next(2, 30);
            int start = wordStarts[first];
            int end = wordStarts[first + count - 1] + words[first + count - 1].Length;
            annotations.Add((QuoteDescriber.Describe(originalText, start, end), new TextPositionSelector(start, end)));
        }

        var revisedWords = Revise(words, random, out int editCount);
        var (revised, _) = Join(revisedWords);

        var timings = new List<double>();
        AnchorResult[] results = [];
        for (int run = 0; run < Runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            // Decoding the revised text once is part of re-anchoring, so it is timed too.
            var revisedText = new CodePointText(revised);
            results = annotations.Select(a => Anchorer.Anchor(revisedText, a.Quote, a.Position)).ToArray();
            stopwatch.Stop();
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();

        var finalText = new CodePointText(revised);
        int sameText = results.Count(r => r.Start is int s && finalText.Slice(s, r.End!.Value) == annotations[Array.IndexOf(results, r)].Quote.Exact);
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            words = Words,
            chars = original.Length,
            revisedChars = revised.Length,
            edits = editCount,
            annotations = Annotations,
            runs = Runs,
            medianMs = Math.Round(timings[Runs / 2], 2),
            minMs = Math.Round(timings[0], 2),
            maxMs = Math.Round(timings[^1], 2),
            anchored = results.Count(r => r.Status == AnchorStatus.Anchored),
            moved = results.Count(r => r.Status == AnchorStatus.Moved),
            orphaned = results.Count(r => r.Status == AnchorStatus.Orphaned),
            placedOnIdenticalText = sameText,
        }));
        return 0;
    }

    /// <summary>
    /// Edits of one to five words at random places until about 5% of the words are touched:
    /// a third insertions, a third deletions, a third replacements.
    /// </summary>
    private static List<string> Revise(List<string> words, Random random, out int editCount)
    {
        var revised = new List<string>(words);
        int budget = (int)(Words * ChangedFraction);
        editCount = 0;
        while (budget > 0)
        {
            int size = Math.Min(budget, random.Next(1, 6));
            int at = random.Next(0, revised.Count - size);
            switch (random.Next(3))
            {
                case 0:
                    revised.InsertRange(at, Enumerable.Range(0, size).Select(_ => "inserted"));
                    break;
                case 1:
                    revised.RemoveRange(at, size);
                    break;
                default:
                    for (int k = 0; k < size; k++) revised[at + k] = "replaced";
                    break;
            }
            budget -= size;
            editCount++;
        }
        return revised;
    }

    private static string RandomWord(Random random, int index)
    {
        string word = Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)];
        // Numbers and sentence ends make contexts less repetitive, as real articles are.
        if (random.Next(12) == 0) word += random.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (index % 17 == 16) word += ".";
        if (index % 120 == 119) word += "\n";
        return word;
    }

    private static (string Text, int[] WordStarts) Join(List<string> words)
    {
        var builder = new StringBuilder();
        var starts = new int[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            starts[i] = builder.Length;
            builder.Append(words[i]);
        }
        return (builder.ToString(), starts);
    }
}
