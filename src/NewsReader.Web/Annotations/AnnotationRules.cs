namespace NewsReader.Web.Annotations;

/// <summary>The limits an annotation must respect, checked in one place for pages and API alike.</summary>
public static class AnnotationRules
{
    public static readonly IReadOnlyList<string> Colors = ["yellow", "green", "blue", "pink", "purple"];
    public const string DefaultColor = "yellow";
    public const int MaxQuoteLength = 20_000;
    public const int MaxContextLength = 1_000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;

    /// <summary>Trims tags, drops empty ones and case-insensitive repeats, keeps the first spelling.</summary>
    public static IReadOnlyList<string> NormalizeTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Tags from a comma-separated field, as the forms send them.</summary>
    public static IReadOnlyList<string> ParseTagList(string? text) =>
        NormalizeTags((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));

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
        if (tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } longTag)
        {
            return $"The tag '{longTag[..20]}…' is longer than {MaxTagLength} characters.";
        }
        if (!Colors.Contains(color))
        {
            return $"The colour '{color}' is not one of {string.Join(", ", Colors)}.";
        }
        return null;
    }
}
