using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static NewsReader.Core.Extraction.ShingleScore;

/// <summary>
/// <c>extraction --corpus DIR [--output FILE] [--worst N]</c>: article body extraction scored as
/// the Article Extraction Benchmark scores it (<see cref="ShingleScore"/>). DIR is either a
/// checkout of scrapinghub/article-extraction-benchmark (<c>ground-truth.json</c> and
/// <c>html/&lt;id&gt;.html.gz</c>), or folders of <c>source.html</c> with <c>expected.html</c>
/// (mozilla/readability's <c>test/test-pages</c>), whose expected body is Readability's own. Each
/// page runs through <see cref="ArticleExtractor"/> as a fetched page would; a page we refuse
/// counts as an empty body. <c>--output</c> writes the predictions in the benchmark's own
/// format (<c>output/&lt;name&gt;.json</c>), so its <c>evaluate.py</c> can score them too.
/// The last line is JSON.
/// </summary>
internal static class ExtractionCommand
{
    private const int Resamples = 1000;

    public static int Run(string[] args)
    {
        var corpus = Option(args, "--corpus");
        var output = Option(args, "--output");
        var worst = int.TryParse(Option(args, "--worst"), CultureInfo.InvariantCulture, out var n) ? n : 10;
        if (corpus is null || !Directory.Exists(corpus))
        {
            Console.Error.WriteLine("usage: extraction --corpus DIR [--output FILE] [--worst N]; DIR holds ground-truth.json and html/ (the Article Extraction Benchmark) or folders of source.html and expected.html");
            return 2;
        }
        var pages = Pages(corpus);
        if (pages.Count == 0)
        {
            Console.Error.WriteLine($"extraction: no pages found in {corpus}");
            return 2;
        }
        Console.WriteLine($"{pages.Count} pages from {corpus}");

        var predictions = new JsonObject();
        var scored = new List<(string Id, PageMatch Match, string? Refusal)>();
        foreach (var page in pages)
        {
            var result = ArticleExtractor.Extract(page.Html, "page.html", page.Url);
            var body = result.Articles.Count > 0 ? result.Articles[0].Article.Text : "";
            predictions[page.Id] = new JsonObject { ["articleBody"] = body };
            scored.Add((page.Id, Match(page.Truth, body), result.Refusal));
        }
        if (output is not null)
        {
            File.WriteAllText(output, predictions.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"predictions written to {output}");
        }

        Console.WriteLine($"worst {worst} pages by F1:");
        foreach (var (id, match, refusal) in scored.OrderBy(s => PageF1(s.Match)).Take(worst))
        {
            Console.WriteLine($"  {id,-66} P={Precision(match):F3} R={Recall(match):F3}{(refusal is null ? "" : $"  refused: {refusal}")}");
        }
        var matches = scored.Select(s => s.Match).ToList();
        var figures = Summarize(matches);
        var spread = Bootstrap(matches);
        Console.WriteLine($"newsreader  precision={figures.Precision:F3} ± {spread.Precision:F3}  recall={figures.Recall:F3} ± {spread.Recall:F3}  F1={figures.F1:F3} ± {spread.F1:F3}");
        Console.WriteLine($"refused: {scored.Count(s => s.Refusal is not null)} of {scored.Count}");
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            pages = scored.Count,
            precision = Math.Round(figures.Precision, 4),
            recall = Math.Round(figures.Recall, 4),
            f1 = Math.Round(figures.F1, 4),
            f1Interval = Math.Round(spread.F1, 4),
        }));
        return 0;
    }

    private sealed record Page(string Id, byte[] Html, string Truth, Uri? Url);

    private static List<Page> Pages(string corpus)
    {
        var groundTruth = Path.Combine(corpus, "ground-truth.json");
        if (File.Exists(groundTruth))
        {
            var pages = new List<Page>();
            foreach (var (id, item) in JsonNode.Parse(File.ReadAllText(groundTruth))!.AsObject())
            {
                var html = ReadHtml(Path.Combine(corpus, "html", id + ".html"));
                if (html is null)
                {
                    Console.Error.WriteLine($"extraction: html/{id}.html(.gz) is missing; the page is left out");
                    continue;
                }
                var url = (string?)item?["url"];
                pages.Add(new Page(id, html, (string?)item?["articleBody"] ?? "", Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : null));
            }
            return pages;
        }
        // Readability's test pages: the expected body is the text of its expected.html, block by block.
        return Directory.EnumerateDirectories(corpus).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected.html")))
            .Select(d => new Page(Path.GetFileName(d), File.ReadAllBytes(Path.Combine(d, "source.html")),
                string.Join("\n", HtmlBlockReader.ReadFragment(File.ReadAllText(Path.Combine(d, "expected.html"))).Select(b => b.Text)), null))
            .ToList();
    }

    private static byte[]? ReadHtml(string path)
    {
        if (File.Exists(path + ".gz"))
        {
            using var gzip = new GZipStream(File.OpenRead(path + ".gz"), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            return bytes.ToArray();
        }
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private static double PageF1(PageMatch match)
    {
        var (precision, recall) = (Precision(match), Recall(match));
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>As the benchmark reports its spread: 1.96 standard deviations of each figure over resamples of the pages.</summary>
    private static Figures Bootstrap(List<PageMatch> matches)
    {
        var random = new Random(20_191_101);
        var samples = new List<Figures>();
        while (samples.Count < Resamples)
        {
            var sample = Enumerable.Range(0, matches.Count).Select(_ => matches[random.Next(matches.Count)]).ToList();
            // A draw of only pages where precision (or recall) is undefined has no figure; it is drawn again.
            if (sample.Any(p => p.TruePositive + p.FalsePositive > 0) && sample.Any(p => p.TruePositive + p.FalseNegative > 0))
            {
                samples.Add(Summarize(sample));
            }
        }
        return new Figures(Spread(samples.Select(s => s.Precision)), Spread(samples.Select(s => s.Recall)), Spread(samples.Select(s => s.F1)));
    }

    private static double Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        var mean = list.Average();
        return 1.96 * Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
