using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Exchange;

/// <summary>The small readings every export format shares: dates in their many forms, tag lists, addresses.</summary>
public static partial class ExportValues
{
    private static readonly string[] DateForms =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd", "MMMM d, yyyy h:mm tt", "MMMM d, yyyy", "MMM d, yyyy h:mm tt", "MMM d, yyyy", "dd/MM/yyyy HH:mm",
    ];

    /// <summary>The links of an HTML export (Pocket's, a browser's bookmarks) that lead to web pages, with their address.</summary>
    public static IEnumerable<(IElement Link, string Url)> WebLinks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
            .Select(link => (Link: link, Url: WebUrl(link.GetAttribute("href"))))
            .Where(x => x.Url is not null)
            .Select(x => (x.Link, x.Url!));

    /// <summary>
    /// A date as exports write it: Unix seconds (or milliseconds), ISO 8601 with or without an
    /// offset (Wallabag's "+0100" has no colon), or a written-out date; UTC assumed; null when none fits.
    /// </summary>
    public static DateTime? Date(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number switch
            {
                <= 0 => null,
                > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(number).UtcDateTime,
                _ => DateTimeOffset.FromUnixTimeSeconds(number).UtcDateTime,
            };
        }
        var withColon = OffsetWithoutColon().Replace(text, "$1:$2");
        if (DateTimeOffset.TryParse(withColon, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            || DateTimeOffset.TryParseExact(withColon, DateForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
        {
            return parsed.UtcDateTime;
        }
        return null;
    }

    /// <summary>Tags split on any of <paramref name="separators"/>, trimmed, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> Tags(string? text, params char[] separators) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>An http(s) address, trimmed; null for anything else (javascript:, place:, a blank).</summary>
    public static string? WebUrl(string? text)
    {
        text = text?.Trim();
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$")]
    private static partial Regex OffsetWithoutColon();
}
