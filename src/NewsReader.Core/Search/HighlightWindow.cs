using System.Text;

namespace NewsReader.Core.Search;

/// <summary>
/// A snippet cut from a whole text whose matches are already marked (FTS5's highlight()):
/// about <c>words</c> words starting a few before the first match, with every mark inside
/// closed. FTS5's own snippet() picks a better window but compares every match with every
/// other, which takes minutes over a long article full of matches; this is linear.
/// </summary>
public static class HighlightWindow
{
    public static string Cut(string highlighted, char open, char close, int words, string ellipsis = "…")
    {
        var text = highlighted.AsSpan();
        var first = text.IndexOf(open);
        var start = first < 0 ? 0 : WordStartBefore(highlighted, first, Math.Max(1, words / 4));
        var end = start;
        var counted = 0;
        var inMark = false;
        while (end < text.Length)
        {
            // Count a word at its first letter after a space.
            if (!char.IsWhiteSpace(text[end]) && (end == start || char.IsWhiteSpace(text[end - 1])))
            {
                counted++;
                if (counted > words && !inMark)
                {
                    break;
                }
            }
            if (text[end] == open)
            {
                inMark = true;
            }
            else if (text[end] == close)
            {
                inMark = false;
            }
            end++;
        }
        var window = new StringBuilder();
        if (start > 0)
        {
            window.Append(ellipsis);
        }
        window.Append(text[start..end].Trim());
        if (inMark)
        {
            window.Append(close);
        }
        if (end < text.Length)
        {
            window.Append(ellipsis);
        }
        return window.ToString();
    }

    // The start of the word `back` words before position, or 0.
    private static int WordStartBefore(string text, int position, int back)
    {
        var i = position;
        for (var seen = 0; i > 0; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]) && !char.IsWhiteSpace(text[i]) && ++seen > back)
            {
                return i;
            }
        }
        return 0;
    }
}
