namespace NewsReader.Core.Text;

/// <summary>Shortens text for display without ever cutting a character (a surrogate pair) in two.</summary>
public static class TextShortener
{
    /// <summary>The text, or its start and an ellipsis so the whole is at most <paramref name="maxLength"/> UTF-16 units.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = Math.Max(0, maxLength - 1);
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    /// <summary>The first <paramref name="count"/> code points of the text.</summary>
    public static string FirstCodePoints(string text, int count) =>
        CodePoints.Count(text) <= count ? text : CodePoints.Slice(text, 0, count);

    /// <summary>The last <paramref name="count"/> code points of the text.</summary>
    public static string LastCodePoints(string text, int count)
    {
        var length = CodePoints.Count(text);
        return length <= count ? text : CodePoints.Slice(text, length - count, length);
    }
}
