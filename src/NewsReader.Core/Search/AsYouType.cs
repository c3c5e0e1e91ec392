namespace NewsReader.Core.Search;

/// <summary>
/// What search-as-you-type asks for while the reader is still typing: the last word is only
/// begun, so it is searched as a prefix ("japan allia" → "japan allia*"). A last word of one
/// letter is left out (the box shows what the rest finds until the second letter), and
/// anything that is not a plain word (a phrase, a filter, an exclusion, OR) is left as typed.
/// Input that ends in a space is complete and left alone.
/// </summary>
public static class AsYouType
{
    public static string Query(string? typed)
    {
        var text = typed ?? "";
        if (text.Length == 0 || char.IsWhiteSpace(text[^1]) || text.Count(c => c == '"') % 2 == 1)
        {
            return text;
        }
        var start = text.Length;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }
        var last = text[start..];
        if (!IsPlainWord(last) || last is "OR" or "AND" or "NOT")
        {
            return text;
        }
        var before = text[..start].TrimEnd();
        if (last.Length == 1)
        {
            // One letter would match half the vocabulary and tell the reader nothing yet.
            return before.Length > 0 ? before : text;
        }
        return $"{text}*";
    }

    private static bool IsPlainWord(string word) =>
        word.Length > 0 && char.IsLetterOrDigit(word[0]) && word.All(c => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-');
}
