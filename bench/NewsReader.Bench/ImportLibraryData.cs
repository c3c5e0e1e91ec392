using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

/// <summary>
/// The import bench's material: a site on 127.0.0.1 serving <c>/story/{i}</c> article pages,
/// each of six paragraphs of sentences made from its own seed, and two exports that point at it:
/// a Pocket CSV of every page (with tags and states) and a Readwise CSV of highlights quoting
/// them. The highlights are of four kinds, as real ones are: the sentence as on the page, the
/// same with typographic quotes and apostrophes where the page has straight ones, a near miss
/// (a word left out), and a sentence the page does not hold (it must end as an orphan).
/// A quarter of the highlights name only their article's title, as Readwise's own export does.
/// </summary>
public sealed class ImportLibraryData
{
    private static readonly string[] Words =
    [
        "harbour", "council", "river", "budget", "winter", "school", "bridge", "market", "station", "garden",
        "library", "museum", "engineer", "teacher", "farmer", "mayor", "storm", "summer", "village", "road",
        "measured", "opened", "closed", "built", "crossed", "counted", "planted", "repaired", "visited", "reported",
        "quietly", "slowly", "early", "late", "again", "twice", "nearly", "already", "often", "rarely",
        "old", "new", "narrow", "wide", "green", "grey", "busy", "empty", "northern", "southern",
    ];

    public int Links { get; }
    public int Highlights { get; }

    public ImportLibraryData(int links, int highlights)
    {
        Links = links;
        Highlights = highlights;
    }

    public static string Title(int page) => $"Report {page.ToString(CultureInfo.InvariantCulture)}: the {Word(page, 0)} {Word(page, 1)} and the {Word(page, 2)}";

    /// <summary>Sentence <paramref name="n"/> of paragraph <paramref name="paragraph"/> of the page; the first of the second paragraph has straight quotes and an apostrophe.</summary>
    public static string Sentence(int page, int paragraph, int n)
    {
        var seed = (page * 31 + paragraph) * 7 + n;
        var words = Enumerable.Range(0, 12 + seed % 6).Select(k => Word(seed, k)).ToList();
        var sentence = $"The {string.Join(' ', words)} in report {page.ToString(CultureInfo.InvariantCulture)} part {paragraph}{n}";
        return paragraph == 1 && n == 0
            ? $"{sentence}, and the {Word(seed, 20)}'s answer was \"{Word(seed, 21)} {Word(seed, 22)}\" before noon."
            : sentence + ".";
    }

    private static string Word(int seed, int k) => Words[(int)((uint)(seed * 2654435761u + k * 40503u) % (uint)Words.Length)];

    public static string Page(int page)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(Title(page))}</title></head>");
        html.Append($"<body><article><h1>{WebUtility.HtmlEncode(Title(page))}</h1>");
        for (var p = 0; p < 6; p++)
        {
            html.Append("<p>").AppendJoin(' ', Enumerable.Range(0, 4).Select(n => WebUtility.HtmlEncode(Sentence(page, p, n)))).Append("</p>");
        }
        return html.Append("</article></body></html>").ToString();
    }

    /// <summary>Starts the site on a free 127.0.0.1 port; it counts the pages it served.</summary>
    public static async Task<(WebApplication Site, string BaseUrl, Func<int> Served)> StartSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        var served = 0;
        site.MapGet("/story/{page:int}", (int page) =>
        {
            Interlocked.Increment(ref served);
            return Results.Content(Page(page), "text/html; charset=utf-8");
        });
        await site.StartAsync();
        return (site, site.Urls.First().TrimEnd('/'), () => Volatile.Read(ref served));
    }

    public byte[] PocketCsv(string baseUrl)
    {
        var csv = new StringBuilder("title,url,time_added,tags,status\n");
        for (var i = 0; i < Links; i++)
        {
            var status = i % 3 == 0 ? "archive" : "unread";
            csv.Append(Field(Title(i))).Append(',').Append(baseUrl).Append("/story/").Append(i).Append(',')
                .Append(1_600_000_000 + i * 60).Append(',').Append(Word(i, 3)).Append('|').Append(Word(i, 4)).Append(',').Append(status).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Which page highlight <paramref name="h"/> quotes, and its kind: 0 exact, 1 typographic, 2 near miss, 3 absent.</summary>
    public (int Page, int Kind) HighlightOf(int h) => ((int)((long)h * Links / Highlights), (h % 20) switch
    {
        < 14 => 0,
        < 17 => 1,
        < 19 => 2,
        _ => 3,
    });

    public byte[] ReadwiseCsv(string baseUrl)
    {
        var csv = new StringBuilder("\uFEFFHighlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags,URL\n");
        for (var h = 0; h < Highlights; h++)
        {
            var (page, kind) = HighlightOf(h);
            var quote = kind switch
            {
                1 => Sentence(page, 1, 0).Replace("'", "\u2019").Replace(" \"", " \u201C").Replace("\" ", "\u201D "),
                2 => NearMiss(Sentence(page, 2 + h % 4, (h / 4) % 4)),
                3 => $"A sentence report {page} never printed about the {Word(h, 9)} {Word(h, 10)}.",
                _ => Sentence(page, h % 6, (h / 6) % 4),
            };
            var url = h % 4 == 3 ? "" : $"{baseUrl}/story/{page}";
            csv.Append(Field(quote)).Append(',').Append(Field(Title(page))).Append(",Bench,,")
                .Append(h % 10 == 0 ? Field("A note on " + Word(h, 5)) : "").Append(",yellow,,location,")
                .Append(h).Append(",2024-05-0").Append(1 + h % 9).Append(" 10:00:00+00:00,,").Append(url).Append('\n');
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The sentence with its fourth word left out, as a hurried copy would have it.</summary>
    private static string NearMiss(string sentence)
    {
        var words = sentence.Split(' ').ToList();
        words.RemoveAt(3);
        return string.Join(' ', words);
    }

    private static string Field(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
