namespace NewsReader.Core.Text;

/// <summary>
/// Splits prose into sentences. A stop ends a sentence only when whitespace and a capital,
/// digit or opening quote follow it, and never after an abbreviation ("U.S.", "Mr."), an
/// initial ("J. Smith") or inside a number ("0.5").
/// </summary>
public static class SentenceSplitter
{
    // Lower-cased, without the final stop. Multi-dot forms such as "u.s" are covered by the
    // dotted-token rule below, so only single-dot abbreviations need listing.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr",
        "gov", "sen", "rep", "pres", "rev", "hon", "fr", "vs", "etc", "inc", "ltd", "co", "corp",
        "no", "nos", "vol", "fig", "approx", "dept", "est", "mt", "ft", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
        "sat", "sun", "al", "cf",
    };

    private const string ClosingMarks = "\"'”’)]»";
    private const string OpeningMarks = "\"'“‘([«";

    /// <summary>The sentences of <paramref name="text"/> as UTF-16 ranges, trimmed of surrounding whitespace.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var sentences = new List<(int, int)>();
        var start = SkipWhitespace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '.' or '!' or '?' or '…')
            {
                var stopStart = i;
                while (i < text.Length && text[i] is '.' or '!' or '?' or '…')
                {
                    i++;
                }
                var stopEnd = i;
                while (i < text.Length && ClosingMarks.Contains(text[i]))
                {
                    i++;
                }
                if (IsBoundary(text, stopStart, stopEnd, i))
                {
                    sentences.Add((start, i));
                    start = SkipWhitespace(text, i);
                    i = start;
                    continue;
                }
                continue;
            }
            i++;
        }
        var end = TrimEnd(text, start, text.Length);
        if (end > start)
        {
            sentences.Add((start, end));
        }
        return sentences;
    }

    /// <summary>The first sentence of <paramref name="text"/>, or the whole text when it has no stop.</summary>
    public static string FirstSentence(string text)
    {
        var sentences = Split(text);
        return sentences.Count == 0 ? "" : text[sentences[0].Start..sentences[0].End];
    }

    private static bool IsBoundary(string text, int stopStart, int stopEnd, int afterStop)
    {
        if (afterStop >= text.Length)
        {
            return true;
        }
        if (!char.IsWhiteSpace(text[afterStop]))
        {
            return false;
        }
        var next = SkipWhitespace(text, afterStop);
        if (next >= text.Length)
        {
            return true;
        }
        var n = text[next];
        if (!(char.IsUpper(n) || char.IsDigit(n) || OpeningMarks.Contains(n)))
        {
            return false;
        }
        var stop = text.AsSpan(stopStart, stopEnd - stopStart);
        if (stop is ".")
        {
            return !EndsWithAbbreviation(text, stopStart);
        }
        // An ellipsis with a space before it marks an omission inside a sentence, not its end.
        var isEllipsis = stop.StartsWith("...") || stop.StartsWith("…");
        return !(isEllipsis && stopStart > 0 && char.IsWhiteSpace(text[stopStart - 1]));
    }

    private static bool EndsWithAbbreviation(string text, int periodIndex)
    {
        var wordStart = periodIndex;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text[wordStart..periodIndex];
        if (word.Length == 0)
        {
            return false;
        }
        // "U.S", "e.g", "Ph.D": a token with an inner dot is an abbreviation.
        if (word.Contains('.'))
        {
            return true;
        }
        // A single capital is an initial: "J. R. R. Tolkien".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }
        return Abbreviations.Contains(word);
    }

    private static int SkipWhitespace(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }
        return index;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return end;
    }
}
