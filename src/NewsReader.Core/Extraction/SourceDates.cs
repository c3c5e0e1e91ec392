using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction;

/// <summary>
/// Reads the dates sources give, leniently: RFC 822/1123 as feeds write them (two-digit
/// years, named zones such as "EST") and ISO 8601 as pages, Atom and front matter do.
/// </summary>
public static partial class SourceDates
{
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0, ["UT"] = 0, ["UTC"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["JST"] = 9,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>The date in <paramref name="value"/>, or null when it is not one; a date without a zone is taken as UTC.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        return Iso8601().IsMatch(trimmed) ? ParseIso(trimmed) : ParseRfc822(trimmed) ?? ParseOther(trimmed);
    }

    // Forms met in real feeds that neither standard allows: "2020/1/10 14:33:00",
    // "Sat, Dec 16 2023 02:02:33 PM", "December 16, 2023", with or without a zone after them.
    private static readonly string[] OtherForms =
    [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
        "MMM d yyyy h:mm:ss tt", "MMM d yyyy h:mm tt", "MMM d yyyy H:mm:ss", "MMM d yyyy H:mm", "MMM d yyyy",
        "MMM d, yyyy h:mm:ss tt", "MMM d, yyyy h:mm tt", "MMM d, yyyy H:mm:ss", "MMM d, yyyy H:mm", "MMM d, yyyy",
        "MMMM d, yyyy h:mm tt", "MMMM d, yyyy H:mm", "MMMM d, yyyy", "MMMM d yyyy", "d MMMM yyyy", "d MMM yyyy",
    ];

    private static DateTimeOffset? ParseOther(string value)
    {
        var body = Weekday().Replace(value, "").Replace("Sept ", "Sep ", StringComparison.OrdinalIgnoreCase);
        if (Exact(body) is { } local)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }
        var zoned = TrailingZone().Match(body);
        if (zoned.Success && (zoned.Groups["zone"].Value[0] is '+' or '-' || ZoneHours.ContainsKey(zoned.Groups["zone"].Value))
            && Exact(body[..zoned.Index]) is { } withZone)
        {
            return new DateTimeOffset(withZone, OffsetOf(zoned.Groups["zone"].Value));
        }
        return null;
    }

    private static DateTime? Exact(string value) =>
        DateTime.TryParseExact(value.Trim(), OtherForms, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified)
            : null;

    private static DateTimeOffset? ParseIso(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;

    private static DateTimeOffset? ParseRfc822(string value)
    {
        var match = Rfc822().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var month = Array.IndexOf(Months, match.Groups["month"].Value[..3].ToLowerInvariant()) + 1;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        var seconds = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
        var offset = OffsetOf(match.Groups["zone"].Value);
        try
        {
            return new DateTimeOffset(year, month, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture),
                seconds, offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // An unknown zone name is read as UTC: a date a few hours off beats no date.
    private static TimeSpan OffsetOf(string zone)
    {
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "");
            var minutes = int.Parse(digits[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(digits[2..], CultureInfo.InvariantCulture);
            return TimeSpan.FromMinutes(zone[0] == '-' ? -minutes : minutes);
        }
        return TimeSpan.FromHours(ZoneHours.GetValueOrDefault(zone));
    }

    [GeneratedRegex(@"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s+(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})$")]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex Iso8601();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<day>\d{1,2})\s+(?<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(?<year>\d{4}|\d{2})\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$")]
    private static partial Regex Rfc822();
}
