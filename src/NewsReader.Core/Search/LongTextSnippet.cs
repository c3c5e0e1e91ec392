using System.Globalization;
using System.Text;

namespace NewsReader.Core.Search;

/// <summary>
/// A snippet of a long text, found and marked here rather than by FTS5. FTS5's snippet() and
/// highlight() both grow with the square of the matches in a text (highlight() over 5 MB of one
/// repeated word runs for six minutes, in one call SQLite cannot interrupt), so texts past a
/// length come here whole: the scan folds and stems tokens as the index does (unicode61 with
/// remove_diacritics 2, then porter), stops at the first match plus a window of words, and
/// asks the caller's budget between blocks of tokens, so its cost is linear and bounded.
/// </summary>
public static class LongTextSnippet
{
    // Tokens scanned between two budget checks.
    private const int TokensPerCheck = 4096;

    // Distinct tokens remembered as matching or not; repetitive texts hit this cache.
    private const int CacheLimit = 20_000;

    /// <summary>
    /// About <paramref name="words"/> tokens of <paramref name="text"/>, starting a few before the
    /// first token that matches one of <paramref name="terms"/> (a term among
    /// <paramref name="prefixes"/> matches as a prefix), every matching token wrapped in
    /// <paramref name="open"/> and <paramref name="close"/>. Without a match, the text's start.
    /// </summary>
    public static string Cut(string text, IReadOnlyList<string> terms, IReadOnlyCollection<string> prefixes,
        char open, char close, int words, Action? checkBudget = null, string ellipsis = "…")
    {
        var matcher = new Matcher(terms, prefixes);
        var before = Math.Max(1, words / 4);
        var recent = new Queue<int>(before + 1);
        var window = new List<(int Start, int End, bool Match)>(words + before);
        var scanned = 0;
        foreach (var (start, end) in Tokens(text))
        {
            if (++scanned % TokensPerCheck == 0)
            {
                checkBudget?.Invoke();
            }
            var isMatch = matcher.Matches(text.AsSpan(start, end - start));
            if (window.Count == 0 && !isMatch)
            {
                recent.Enqueue(start);
                if (recent.Count > before)
                {
                    recent.Dequeue();
                }
                continue;
            }
            window.Add((start, end, isMatch));
            if (window.Count + recent.Count >= words)
            {
                break;
            }
        }
        if (window.Count == 0)
        {
            // No token matched: the text's start, as FTS5 would show it.
            return Render(text, 0, FirstTokensEnd(text, words), [], open, close, ellipsis);
        }
        var from = recent.Count > 0 ? recent.Peek() : window[0].Start;
        return Render(text, from, window[^1].End, window.Where(t => t.Match).Select(t => (t.Start, t.End)).ToList(), open, close, ellipsis);
    }

    /// <summary>
    /// The whole of <paramref name="text"/> with every token that matches one of
    /// <paramref name="terms"/> wrapped in <paramref name="open"/> and <paramref name="close"/>,
    /// as FTS5's highlight() marks it; for an engine without one (PostgreSQL).
    /// </summary>
    public static string MarkAll(string text, IReadOnlyList<string> terms, IReadOnlyCollection<string> prefixes, char open, char close)
    {
        var matcher = new Matcher(terms, prefixes);
        var marks = Tokens(text).Where(t => matcher.Matches(text.AsSpan(t.Start, t.End - t.Start))).ToList();
        return Render(text, 0, text.Length, marks, open, close, "");
    }

    private static string Render(string text, int from, int to, IReadOnlyList<(int Start, int End)> marks, char open, char close, string ellipsis)
    {
        var snippet = new StringBuilder(to - from + marks.Count * 2 + 2);
        if (from > 0)
        {
            snippet.Append(ellipsis);
        }
        var at = from;
        foreach (var (start, end) in marks)
        {
            snippet.Append(text, at, start - at).Append(open).Append(text, start, end - start).Append(close);
            at = end;
        }
        snippet.Append(text, at, to - at);
        if (to < text.Length)
        {
            snippet.Append(ellipsis);
        }
        return snippet.ToString();
    }

    private static int FirstTokensEnd(string text, int words)
    {
        var end = 0;
        var count = 0;
        foreach (var (_, tokenEnd) in Tokens(text))
        {
            end = tokenEnd;
            if (++count >= words)
            {
                break;
            }
        }
        return end;
    }

    /// <summary>The tokens of <paramref name="text"/> as written: runs of letters and digits, nothing else.</summary>
    public static IEnumerable<string> TokenTexts(string text) => Tokens(text).Select(t => text[t.Start..t.End]);

    /// <summary>The tokens unicode61 finds: runs of letters, numbers and private-use characters.</summary>
    internal static IEnumerable<(int Start, int End)> Tokens(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsAscii(text[i]))
            {
                // The same answer as below for ASCII, without decoding: letters and digits only.
                if (char.IsAsciiLetterOrDigit(text[i]))
                {
                    start = start < 0 ? i : start;
                }
                else if (start >= 0)
                {
                    yield return (start, i);
                    start = -1;
                }
                i++;
                continue;
            }
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length);
            if (Fts5Text.IsTokenCharacter(rune) || (start >= 0 && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return (start, i);
                start = -1;
            }
            i += length;
        }
        if (start >= 0)
        {
            yield return (start, text.Length);
        }
    }

    /// <summary>Whether a token of the text would match a term: same stem, or a prefix of it.</summary>
    private sealed class Matcher
    {
        private readonly HashSet<string> stems = new(StringComparer.Ordinal);
        private readonly List<string> prefixes = [];
        private readonly Dictionary<string, bool> seen = new(StringComparer.Ordinal);

        // The first letters of the stems and prefixes. Porter's steps change only a stem's end and
        // never remove its first letter, so an ASCII token (folded by lower-casing alone) whose
        // first letter is none of these cannot match, and is let go without being stemmed.
        private readonly HashSet<char> firstLetters = [];

        public Matcher(IReadOnlyList<string> terms, IReadOnlyCollection<string> prefixTerms)
        {
            foreach (var term in terms)
            {
                var folded = Fts5Text.SingleToken(term);
                if (folded is not null && prefixTerms.Contains(folded))
                {
                    prefixes.Add(folded);
                    continue;
                }
                // A phrase marks each of its words.
                foreach (var (start, end) in Tokens(term))
                {
                    if (Fts5Text.SingleToken(term[start..end]) is { } word)
                    {
                        stems.Add(PorterStemmer.Stem(word));
                    }
                }
            }
            firstLetters.UnionWith(stems.Concat(prefixes).Where(w => w.Length > 0).Select(w => w[0]));
        }

        public bool Matches(ReadOnlySpan<char> token)
        {
            if (!token.ContainsAnyExceptInRange((char)0, (char)0x7F) && !firstLetters.Contains(char.ToLowerInvariant(token[0])))
            {
                return false;
            }
            var key = token.ToString();
            if (seen.TryGetValue(key, out var known))
            {
                return known;
            }
            var folded = Fts5Text.SingleToken(key) ?? key.ToLowerInvariant();
            var matches = stems.Contains(PorterStemmer.Stem(folded)) || prefixes.Exists(p => folded.StartsWith(p, StringComparison.Ordinal));
            if (seen.Count < CacheLimit)
            {
                seen[key] = matches;
            }
            return matches;
        }
    }
}
