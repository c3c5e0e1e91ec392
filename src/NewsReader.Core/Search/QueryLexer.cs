namespace NewsReader.Core.Search;

/// <summary>Splits cleaned query text into words, phrases, ORs and filters. It never fails.</summary>
internal static class QueryLexer
{
    public static List<QueryToken> Tokenize(string text, List<string> messages)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            // A dash followed by a space is no exclusion; it falls through as a word of
            // punctuation and is dropped later with the other empty words.
            var excluded = text[i] == '-' && i + 1 < text.Length && text[i + 1] != ' ';
            if (excluded)
            {
                i++;
            }

            if (text[i] == '"')
            {
                var phrase = ReadQuoted(text, ref i, messages);
                tokens.Add(new TextToken(phrase, excluded, SkipStars(text, ref i), Quoted: true));
                continue;
            }

            // A word also ends at a quote so that foo"bar baz" reads as foo then a phrase.
            var start = i;
            while (i < text.Length && text[i] is not (' ' or '"'))
            {
                i++;
            }
            var word = text[start..i];

            var colon = word.IndexOf(':');
            if (colon > 0 && FilterSet.IsKey(word[..colon]))
            {
                var value = word[(colon + 1)..];
                if (value.Length == 0 && i < text.Length && text[i] == '"')
                {
                    value = ReadQuoted(text, ref i, messages);
                }
                var typed = (excluded ? "-" : "") + text[start..i];
                tokens.Add(new FilterToken(word[..colon].ToLowerInvariant(), value, excluded, typed));
                continue;
            }

            // Only upper-case OR is the operator, as in web search engines, so "or" and
            // "Or" stay searchable words.
            if (!excluded && word == "OR")
            {
                tokens.Add(OrToken.Instance);
                continue;
            }

            var stem = word.TrimEnd('*');
            if (stem.Length == 0)
            {
                messages.Add($"Ignored “{(excluded ? "-" : "")}{word}”: put * at the end of a word, as in read*.");
                continue;
            }
            tokens.Add(new TextToken(stem, excluded, Prefix: stem.Length < word.Length, Quoted: false));
        }
        return tokens;
    }

    /// <summary>
    /// Reads from an opening quote to its closing quote, or to the end of the input when
    /// the user forgot it: the intent is clear, so it is repaired rather than refused.
    /// </summary>
    private static string ReadQuoted(string text, ref int i, List<string> messages)
    {
        var start = i + 1;
        var end = text.IndexOf('"', start);
        string inner;
        if (end < 0)
        {
            inner = text[start..];
            i = text.Length;
            if (inner.Trim().Length > 0)
            {
                messages.Add($"Added the missing closing quote after “{inner.Trim()}”.");
            }
        }
        else
        {
            inner = text[start..end];
            i = end + 1;
        }
        return string.Join(' ', inner.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool SkipStars(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] == '*')
        {
            i++;
        }
        return i > start;
    }
}
