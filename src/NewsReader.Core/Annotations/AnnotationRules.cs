
namespace NewsReader.Core.Annotations;

/// <summary>The limits an annotation must respect, checked in one place for pages and API alike.</summary>
public static class AnnotationRules
{
    public static readonly IReadOnlyList<string> Colors = ["yellow", "green", "blue", "pink", "purple"];
    public const string DefaultColor = "yellow";
    public const int MaxQuoteLength = 20_000;
    public const int MaxContextLength = 1_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;

    /// <summary>
    /// Drops invisible format characters (zero-width spaces, bidi marks: search drops them from
    /// queries, so a tag holding them could never be found), trims, drops empty tags and
    /// case-insensitive repeats, keeps the first spelling.
    /// </summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(WithoutFormatCharacters).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string WithoutFormatCharacters(string text) =>
        text.Any(IsFormat) ? new string(text.Where(c => !IsFormat(c)).ToArray()) : text;

    private static bool IsFormat(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>Tags from a comma-separated field, as the forms send them.</summary>
    public static IReadOnlyList<string> ParseTagList(string? text) =>
        NormalizeTags((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The text without control characters other than line breaks and tabs. Search uses two
    /// of them as snippet markers, and none of them has any business in a note.
    /// </summary>
    public static string WithoutControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray())
            : text;

    /// <summary>Why this tag name cannot be used, or null when it can.</summary>
    public static string? TagProblem(string tag)
    {
        if (tag.Length > MaxTagLength)
        {
            return $"The tag '{TextShortener.Shorten(tag, 20)}' is longer than {MaxTagLength} characters.";
        }
        // Forms list tags separated by commas, the search index separates them by lines, and
        // tag:"…" in a query cannot hold a double quote.
        if (tag.Contains(',') || tag.Contains('"') || tag.Any(char.IsControl))
        {
            return $"The tag '{TextShortener.Shorten(tag, 20)}' contains a comma, a double quote or a control character; tags cannot.";
        }
        return null;
    }

    /// <summary>Why these values cannot be stored, or null when they can.</summary>
    public static string? Problem(string? note, IReadOnlyList<string> tags, string color)
    {
        if (note is { Length: > NoteMarkdown.MaxLength })
        {
            return $"The note is {note.Length:N0} characters long; the most is {NoteMarkdown.MaxLength:N0}.";
        }
        if (tags.Count > MaxTags)
        {
            return $"An annotation can carry at most {MaxTags} tags.";
        }
        if (tags.Select(TagProblem).FirstOrDefault(p => p is not null) is { } tagProblem)
        {
            return tagProblem;
        }
        if (!Colors.Contains(color))
        {
            return $"The colour '{color}' is not one of {string.Join(", ", Colors)}.";
        }
        return null;
    }
}
