using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

/// <summary>
/// <c>io [--annotations N]</c>: N annotations (default 10,000) of one reader over N/50 synthetic
/// articles of 800 words in a fresh SQLite file migrated like the app's; then the export of all of
/// them in each format (AnnotationExporter, written to a file) and the import of the JSON-LD file
/// into a second account (AnnotationImporter). Each step runs on a fresh DbContext; its seconds
/// and the process's peak working set while it ran (sampled every 5 ms) are printed, then one JSON line.
/// </summary>
internal static class IoCommand
{
    private const int Seed = 20_261_202;
    private const int WordsPerArticle = 800;
    private static readonly string[] Words =
        ["harbour", "council", "budget", "minister", "river", "bridge", "market", "voters", "talks", "summit", "energy", "climate",
         "the", "of", "and", "to", "in", "a", "said", "after", "plan", "rail", "workers", "strike", "court", "ruling", "report", "week"];
    private static readonly string[] Colors = ["yellow", "green", "blue", "pink", "purple"];

    public static int Run(string[] args)
    {
        var annotations = 10_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--annotations" && i + 1 < args.Length && int.TryParse(args[++i], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                annotations = n;
            }
            else
            {
                Console.Error.WriteLine("usage: io [--annotations N]");
                return 2;
            }
        }
        return RunAsync(annotations).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int annotationCount)
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-io-bench-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<NewsReaderDb>().UseSqlite($"Data Source={Path.Combine(folder, "io.db")}").UseProviderMigrations().Options;
            var (owner, importer) = await GenerateAsync(options, annotationCount);
            var results = new List<(string Step, double Seconds, long PeakMb, long Bytes)>();
            string? jsonLd = null;
            foreach (var format in ExportFormats.All)
            {
                var file = Path.Combine(folder, ExportFormats.FileName(format, null, DateTime.UtcNow));
                var (seconds, peak) = await MeasureAsync(async () =>
                {
                    await using var db = new NewsReaderDb(options);
                    var exporter = new AnnotationExporter(db, new ArticleQueries(db));
                    var set = (await exporter.LoadAsync(new ExportScope(owner, null, false), "http://127.0.0.1:5048", CancellationToken.None))!;
                    await using var output = File.Create(file);
                    await exporter.WriteAsync(set, format, output, CancellationToken.None);
                });
                results.Add(($"export {format.Name}", seconds, peak, new FileInfo(file).Length));
                if (format is JsonLdExport)
                {
                    jsonLd = file;
                }
            }
            ImportSummary? summary = null;
            var (importSeconds, importPeak) = await MeasureAsync(async () =>
            {
                await using var db = new NewsReaderDb(options);
                await using var input = File.OpenRead(jsonLd!);
                var (result, refusal) = await new AnnotationImporter(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AnnotationImporter>.Instance).ImportAsync(importer, input, input.Length, CancellationToken.None);
                summary = result ?? throw new InvalidOperationException($"import refused: {refusal!.Detail}");
            });
            results.Add(("import jsonld", importSeconds, importPeak, new FileInfo(jsonLd!).Length));

            Console.WriteLine($"{annotationCount:N0} annotations over {Math.Max(1, annotationCount / 50):N0} articles of {WordsPerArticle} words");
            Console.WriteLine($"{"step",-16} {"seconds",8} {"peak MB",8} {"file MB",8}");
            foreach (var r in results)
            {
                Console.WriteLine($"{r.Step,-16} {r.Seconds,8:F2} {r.PeakMb,8} {r.Bytes / 1e6,8:F1}");
            }
            Console.WriteLine($"import: {summary!.Imported:N0} imported ({summary.Anchored:N0} anchored, {summary.Moved:N0} moved, {summary.Orphaned:N0} orphaned), {summary.Duplicates} duplicates, {summary.Skipped} skipped");
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                annotations = annotationCount,
                steps = results.Select(r => new { step = r.Step, seconds = Math.Round(r.Seconds, 2), peakMb = r.PeakMb, fileMb = Math.Round(r.Bytes / 1e6, 1) }),
            }));
            return summary.Imported == annotationCount ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the step once; its wall-clock seconds and the highest working set seen meanwhile, in MB.</summary>
    private static async Task<(double Seconds, long PeakMb)> MeasureAsync(Func<Task> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long peak = Environment.WorkingSet;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        await step();
        var seconds = watch.Elapsed.TotalSeconds;
        stop.Cancel();
        await sampler;
        return (seconds, Math.Max(peak, Environment.WorkingSet) / (1024 * 1024));
    }

    private static async Task<(string Owner, string Importer)> GenerateAsync(DbContextOptions<NewsReaderDb> options, int annotationCount)
    {
        await using var db = new NewsReaderDb(options);
        await db.Database.MigrateAsync();
        var owner = new AppUser { Id = Guid.NewGuid().ToString(), UserName = "owner@example.org", NormalizedUserName = "OWNER@EXAMPLE.ORG", Email = "owner@example.org", DisplayName = "Owner", NormalizedDisplayName = "OWNER" };
        var importer = new AppUser { Id = Guid.NewGuid().ToString(), UserName = "importer@example.org", NormalizedUserName = "IMPORTER@EXAMPLE.ORG", Email = "importer@example.org", DisplayName = "Importer", NormalizedDisplayName = "IMPORTER" };
        db.Users.AddRange(owner, importer);
        var random = new Random(Seed);
        var articleCount = Math.Max(1, annotationCount / 50);
        var now = DateTime.UtcNow;
        var texts = new List<(Article Article, string Text)>();
        for (var a = 0; a < articleCount; a++)
        {
            var (text, blocks) = SyntheticText(random);
            var article = new Article { Slug = $"bench-article-{a}", SourceKey = $"bench:{a}", SourceUrl = $"https://news.example/{a}", CreatedAt = now };
            article.Revisions.Add(new ArticleRevision
            {
                Number = 1, ContentHash = $"{a}", RawSource = text, SourceFormat = "text", Title = $"Bench article {a}", Text = text,
                WordCount = WordsPerArticle, ReadingMinutes = 4, IngestedAt = now, Blocks = blocks,
            });
            db.Articles.Add(article);
            texts.Add((article, text));
        }
        await db.SaveChangesAsync();
        for (var i = 0; i < annotationCount; i++)
        {
            var (article, text) = texts[i % articleCount];
            var cp = new CodePointText(text);
            var start = random.Next(0, cp.Length - 200);
            start = text.LastIndexOf(' ', start) + 1;
            var end = text.IndexOf(' ', start + 20 + random.Next(60));
            var quote = QuoteDescriber.Describe(cp, start, end);
            var note = random.Next(3) == 0 ? null : $"Note {i}: the **{Words[random.Next(Words.Length)]}** matters here, see [link](https://example.org/{i}).";
            var tags = Enumerable.Range(0, random.Next(3)).Select(t => Words[random.Next(12)]).Distinct().ToList();
            db.Annotations.Add(new Annotation
            {
                Id = Guid.NewGuid(), ArticleId = article.Id, OwnerId = owner.Id, Version = 1, Color = Colors[random.Next(Colors.Length)],
                Visibility = random.Next(4) == 0 ? Visibility.Public : Visibility.Private,
                Note = note, NoteHtml = note is null ? null : NewsReader.Core.Annotations.NoteMarkdown.ToSafeHtml(note),
                Tags = tags.Select(t => new AnnotationTag { Name = t }).ToList(), TagsText = string.Join('\n', tags),
                Exact = quote.Exact, Prefix = quote.Prefix, Suffix = quote.Suffix, MadeOnRevision = 1, AnchoredRevision = 1,
                AnchorStatus = AnchorStatus.Anchored, Start = start, End = end, Created = now.AddMinutes(-i), Modified = now.AddMinutes(-i),
            });
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return (owner.Id, importer.Id);
    }

    // ASCII words only, so code-point and UTF-16 offsets agree.
    private static (string Text, List<RevisionBlock> Blocks) SyntheticText(Random random)
    {
        var text = new StringBuilder();
        var blocks = new List<RevisionBlock>();
        var words = 0;
        while (words < WordsPerArticle)
        {
            var start = text.Length;
            var length = 40 + random.Next(60);
            for (var w = 0; w < length && words < WordsPerArticle; w++, words++)
            {
                text.Append(w == 0 ? "" : " ").Append(Words[random.Next(Words.Length)]);
            }
            text.Append('.');
            blocks.Add(new RevisionBlock { Ordinal = blocks.Count, Kind = BlockKind.Paragraph, Start = start, End = text.Length });
            text.Append("\n\n");
        }
        return (text.ToString().TrimEnd(), blocks);
    }
}
