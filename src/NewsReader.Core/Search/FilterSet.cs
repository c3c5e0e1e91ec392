using System.Globalization;

namespace NewsReader.Core.Search;

/// <summary>Collects the <c>key:value</c> filters of one query and explains the ones it cannot use.</summary>
internal sealed class FilterSet(List<string> messages)
{
    private static readonly HashSet<string> Keys =
        new(["tag", "color", "colour", "article", "site", "has", "is", "before", "after"], StringComparer.OrdinalIgnoreCase);

    private readonly List<string> _tags = [];

    public IReadOnlyList<string> Tags => _tags;
    public string? Color { get; private set; }
    public string? ArticleSlug { get; private set; }
    public string? Site { get; private set; }
    public bool HasNote { get; private set; }
    public bool IsOrphan { get; private set; }
    public bool IsPublic { get; private set; }
    public DateOnly? Before { get; private set; }
    public DateOnly? After { get; private set; }

    public bool Any =>
        _tags.Count > 0 || Color is not null || ArticleSlug is not null || Site is not null ||
        HasNote || IsOrphan || IsPublic || Before is not null || After is not null;

    /// <summary>Only these keys are filters; any other <c>word:word</c> is searched as text.</summary>
    public static bool IsKey(string key) => Keys.Contains(key);

    public void Apply(FilterToken filter)
    {
        if (filter.Excluded)
        {
            messages.Add($"Ignored “{filter.Typed}”: filters cannot be excluded.");
            return;
        }
        var value = filter.Value.Trim();
        if (value.Length == 0)
        {
            messages.Add($"Ignored “{filter.Typed}”: it needs a value, as in {filter.Key}:{Example(filter.Key)}.");
            return;
        }

        switch (filter.Key)
        {
            case "tag":
                if (!_tags.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    _tags.Add(value);
                }
                break;
            case "color" or "colour":
                var color = value.ToLowerInvariant();
                if (SearchQueryParser.Colors.Contains(color))
                {
                    Color = Single("color", Color, color);
                }
                else
                {
                    messages.Add($"Ignored “{filter.Typed}”: the colours are {string.Join(", ", SearchQueryParser.Colors)}.");
                }
                break;
            case "article":
                ArticleSlug = Single("article", ArticleSlug, value);
                break;
            case "site":
                Site = Single("site", Site, value);
                break;
            case "has" when value.Equals("note", StringComparison.OrdinalIgnoreCase):
                HasNote = true;
                break;
            case "is" when value.Equals("orphan", StringComparison.OrdinalIgnoreCase):
                IsOrphan = true;
                break;
            case "is" when value.Equals("public", StringComparison.OrdinalIgnoreCase):
                IsPublic = true;
                break;
            case "has" or "is":
                messages.Add($"Ignored “{filter.Typed}”: try {(filter.Key == "has" ? "has:note" : "is:orphan or is:public")}.");
                break;
            case "before" or "after":
                ApplyDate(filter, value);
                break;
        }
    }

    /// <summary>Reports a range that no date can fall in, which would otherwise look like "no results".</summary>
    public void Check()
    {
        if (After is { } after && Before is { } before && after >= before)
        {
            messages.Add($"Nothing can be both on or after {after:yyyy-MM-dd} and before {before:yyyy-MM-dd}.");
        }
    }

    private void ApplyDate(FilterToken filter, string value)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            messages.Add($"Ignored “{filter.Typed}”: write dates as {filter.Key}:2024-05-01.");
            return;
        }
        if (filter.Key == "before")
        {
            Before = Single("before", Before, date);
        }
        else
        {
            After = Single("after", After, date);
        }
    }

    /// <summary>An item has one colour, article and date, so a second value replaces the first.</summary>
    private T Single<T>(string name, T current, T next)
    {
        if (current is not null && !EqualityComparer<T>.Default.Equals(current, next))
        {
            messages.Add($"Only one {name} can match; used {name}:{Format(next)}.");
        }
        return next;
    }

    private static string? Format<T>(T value) =>
        value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value?.ToString();

    private static string Example(string key) => key switch
    {
        "tag" => "work",
        "color" or "colour" => "yellow",
        "article" => "some-article",
        "site" => "reuters",
        "has" => "note",
        "is" => "orphan",
        _ => "2024-05-01",
    };
}
