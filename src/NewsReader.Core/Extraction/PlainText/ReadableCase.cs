namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// Turns an all-capitals name from a dateline or byline into the case a reader expects:
/// "RIO DE JANEIRO" is "Rio de Janeiro", "ST. LOUIS" is "St. Louis", "WINSTON-SALEM" is
/// "Winston-Salem". Text with any lower-case letter is already readable and kept.
/// </summary>
public static class ReadableCase
{
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les", "of", "on", "upon",
        "am", "im", "an", "der", "den", "van", "von", "y", "es", "el", "al", "and",
    };

    public static string Of(string text)
    {
        if (text.Any(char.IsLower))
        {
            return text;
        }
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select((word, i) => i > 0 && Particles.Contains(word) && i < words.Length - 1
            ? word.ToLowerInvariant()
            : Capitalise(word)));
    }

    private static string Capitalise(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // A letter starts a part after a hyphen, and after an apostrophe only behind one letter: "O'Neill", but "Xi'an".
            var startsPart = i == 0 || chars[i - 1] is '-' or '.' or '/' || (chars[i - 1] is '\'' or '’' && i == 2);
            if (startsPart)
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }
        return new string(chars);
    }
}
