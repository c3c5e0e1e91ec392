using System.Text;

namespace NewsReader.Core.Search;

/// <summary>
/// Martin Porter's 1980 stemmer, as SQLite's FTS5 "porter" tokenizer applies it to each token
/// that unicode61 produced: on the token's UTF-8 bytes (any byte that is not an ASCII vowel is
/// a consonant), leaving tokens under 3 or over 64 bytes alone. The parser needs it only to
/// tell which whole words a stemmed prefix already finds; a test holds it to SQLite's output.
/// </summary>
public static class PorterStemmer
{
    private const int MinBytes = 3;
    private const int MaxBytes = 64;

    // Each step's rules: suffix, replacement, condition on the stem before the suffix. Within a
    // step the first rule whose suffix matches decides, whether or not its condition holds.
    private static readonly Rule[] Step2 =
    [
        new("ational", "ate", MeasureAbove0), new("tional", "tion", MeasureAbove0),
        new("enci", "ence", MeasureAbove0), new("anci", "ance", MeasureAbove0),
        new("izer", "ize", MeasureAbove0), new("logi", "log", MeasureAbove0),
        new("bli", "ble", MeasureAbove0), new("alli", "al", MeasureAbove0), new("entli", "ent", MeasureAbove0),
        new("eli", "e", MeasureAbove0), new("ousli", "ous", MeasureAbove0),
        new("ization", "ize", MeasureAbove0), new("ation", "ate", MeasureAbove0), new("ator", "ate", MeasureAbove0),
        new("alism", "al", MeasureAbove0), new("iveness", "ive", MeasureAbove0), new("fulness", "ful", MeasureAbove0),
        new("ousness", "ous", MeasureAbove0), new("aliti", "al", MeasureAbove0), new("iviti", "ive", MeasureAbove0),
        new("biliti", "ble", MeasureAbove0),
    ];

    private static readonly Rule[] Step3 =
    [
        new("ical", "ic", MeasureAbove0), new("ness", "", MeasureAbove0), new("icate", "ic", MeasureAbove0),
        new("iciti", "ic", MeasureAbove0), new("ful", "", MeasureAbove0), new("ative", "", MeasureAbove0),
        new("alize", "al", MeasureAbove0),
    ];

    private static readonly Rule[] Step4 =
    [
        new("al", "", MeasureAbove1), new("ance", "", MeasureAbove1), new("ence", "", MeasureAbove1),
        new("er", "", MeasureAbove1), new("ic", "", MeasureAbove1), new("able", "", MeasureAbove1),
        new("ible", "", MeasureAbove1), new("ant", "", MeasureAbove1), new("ement", "", MeasureAbove1),
        new("ment", "", MeasureAbove1), new("ent", "", MeasureAbove1),
        new("ion", "", (w, n) => n > 0 && (w[n - 1] == 's' || w[n - 1] == 't') && MeasureAbove1(w, n)),
        new("ou", "", MeasureAbove1), new("ism", "", MeasureAbove1), new("ate", "", MeasureAbove1),
        new("iti", "", MeasureAbove1), new("ous", "", MeasureAbove1), new("ive", "", MeasureAbove1),
        new("ize", "", MeasureAbove1),
    ];

    private static readonly Rule[] Step1B =
    [
        new("eed", "ee", MeasureAbove0), new("ed", "", HasVowel), new("ing", "", HasVowel),
    ];

    private static readonly Rule[] Step1BRepair =
    [
        new("at", "ate", null), new("bl", "ble", null), new("iz", "ize", null),
    ];

    /// <summary>The stem FTS5 would index or search for a token unicode61 has already folded.</summary>
    public static string Stem(string token)
    {
        var bytes = Encoding.UTF8.GetBytes(token);
        if (bytes.Length < MinBytes || bytes.Length > MaxBytes)
        {
            return token;
        }
        var word = new List<byte>(bytes);

        Step1A(word);
        if (Apply(word, Step1B) is { Changed: true, Rule: > 0 })
        {
            // "ed" or "ing" came off: repair the stem the way Porter's step 1b does.
            if (Apply(word, Step1BRepair) is not { Changed: true })
            {
                var last = word[^1];
                if (!IsVowel(last, false) && last is not ((byte)'l' or (byte)'s' or (byte)'z') && word.Count > 1 && last == word[^2])
                {
                    word.RemoveAt(word.Count - 1);
                }
                else if (MeasureIs1(word, word.Count) && EndsConsonantVowelConsonant(word, word.Count))
                {
                    word.Add((byte)'e');
                }
            }
        }
        if (word[^1] == 'y' && HasVowel(word, word.Count - 1))
        {
            word[^1] = (byte)'i';
        }
        Apply(word, Step2);
        Apply(word, Step3);
        Apply(word, Step4);
        if (word[^1] == 'e' && (MeasureAbove1(word, word.Count - 1)
            || (MeasureIs1(word, word.Count - 1) && !EndsConsonantVowelConsonant(word, word.Count - 1))))
        {
            word.RemoveAt(word.Count - 1);
        }
        if (word.Count > 1 && word[^1] == 'l' && word[^2] == 'l' && MeasureAbove1(word, word.Count - 1))
        {
            word.RemoveAt(word.Count - 1);
        }
        return Encoding.UTF8.GetString(word.ToArray());
    }

    /// <summary>Plurals: sses -> ss, ies -> i, ss stays, s goes.</summary>
    private static void Step1A(List<byte> word)
    {
        var n = word.Count;
        if (word[n - 1] != 's')
        {
            return;
        }
        if (word[n - 2] == 'e')
        {
            var cut = (n > 4 && word[n - 4] == 's' && word[n - 3] == 's') || (n > 3 && word[n - 3] == 'i') ? 2 : 1;
            word.RemoveRange(n - cut, cut);
        }
        else if (word[n - 2] != 's')
        {
            word.RemoveAt(n - 1);
        }
    }

    private static (bool Changed, int Rule) Apply(List<byte> word, Rule[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            // The suffix must leave at least one byte of stem.
            if (word.Count <= rule.Suffix.Length || !EndsWith(word, rule.Suffix))
            {
                continue;
            }
            var stem = word.Count - rule.Suffix.Length;
            if (rule.Condition is not null && !rule.Condition(word, stem))
            {
                return (false, i);
            }
            word.RemoveRange(stem, rule.Suffix.Length);
            word.AddRange(Encoding.ASCII.GetBytes(rule.Replacement));
            return (true, i);
        }
        return (false, -1);
    }

    private static bool EndsWith(List<byte> word, string suffix)
    {
        var start = word.Count - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (word[start + i] != suffix[i])
            {
                return false;
            }
        }
        return true;
    }

    // y is a vowel after a consonant, a consonant at the start or after a vowel.
    private static bool IsVowel(byte c, bool yIsVowel) =>
        c is (byte)'a' or (byte)'e' or (byte)'i' or (byte)'o' or (byte)'u' || (yIsVowel && c == 'y');

    /// <summary>Where the first vowels-then-consonant run of the stem ends, or 0 when it has none.</summary>
    private static int SkipVowelConsonant(List<byte> word, int from, int to, bool previousIsConsonant)
    {
        var consonant = previousIsConsonant;
        var i = from;
        for (; i < to; i++)
        {
            consonant = !IsVowel(word[i], consonant);
            if (!consonant)
            {
                break;
            }
        }
        for (i++; i < to; i++)
        {
            consonant = !IsVowel(word[i], consonant);
            if (consonant)
            {
                return i + 1;
            }
        }
        return 0;
    }

    // Porter's m, the number of vowel-consonant runs in the stem [0, n).
    private static bool MeasureAbove0(List<byte> word, int n) => SkipVowelConsonant(word, 0, n, false) > 0;

    private static bool MeasureAbove1(List<byte> word, int n) =>
        SkipVowelConsonant(word, 0, n, false) is var first and > 0 && SkipVowelConsonant(word, first, n, true) > 0;

    private static bool MeasureIs1(List<byte> word, int n) =>
        SkipVowelConsonant(word, 0, n, false) is var first and > 0 && SkipVowelConsonant(word, first, n, true) == 0;

    // Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y.
    private static bool EndsConsonantVowelConsonant(List<byte> word, int n)
    {
        if (n == 0 || word[n - 1] is (byte)'w' or (byte)'x' or (byte)'y')
        {
            return false;
        }
        var mask = 0;
        var consonant = false;
        for (var i = 0; i < n; i++)
        {
            consonant = !IsVowel(word[i], consonant);
            mask = (mask << 1) | (consonant ? 1 : 0);
        }
        return n >= 3 && (mask & 0b111) == 0b101;
    }

    // Porter's *v*: the stem holds a vowel (y counts anywhere but first).
    private static bool HasVowel(List<byte> word, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (IsVowel(word[i], i > 0))
            {
                return true;
            }
        }
        return false;
    }

    private sealed record Rule(string Suffix, string Replacement, Func<List<byte>, int, bool>? Condition);
}
