using System.Text.RegularExpressions;

namespace NewsReader.Core.Text;

/// <summary>
/// Repairs the translation scars that are safe to fix mechanically: glued sentences, and a
/// hyphen that lost its second space ("closed -door", "two -day", "18 -19"). Everything else in
/// the text is left exactly as written: the original is kept beside the canonical text, and
/// a repair that guessed wrong would move every highlight made after it.
/// </summary>
public static partial class TextRepair
{
    // Capitalised "words" after a dot that are really the end of a domain name.
    private static readonly HashSet<string> DomainEndings = new(StringComparer.Ordinal)
    {
        "Com", "Org", "Net", "Gov", "Edu", "Int", "Info", "Io", "Co", "Uk", "Js",
    };

    /// <summary>Applies every repair to one block of text.</summary>
    /// <remarks>Both hyphen repairs need a space before a hyphen, which most blocks lack: a plain search skips the patterns for them.</remarks>
    public static string Repair(string text) => SplitGluedSentences(JoinSpacedHyphens(JoinNumberRanges(text)));

    /// <summary>
    /// "cooperation.Establish" becomes "cooperation. Establish". The left side must be a whole
    /// plain word ending in a lower-case letter (so "U.S.", "e.g." and "Halo.Bungie.Org" are not
    /// sentence ends) and the right side a plain capitalised word followed by a space or the end
    /// (so "Node.js", "www.bbc.co.uk" and "3.5" stay whole).
    /// </summary>
    public static string SplitGluedSentences(string text) =>
        GluedStop().Replace(text, m => EndsPlainWord(text, m.Index) && !DomainEndings.Contains(m.Groups["next"].Value) ? m.Value + " " : m.Value);

    // The word before the stop is plain when it starts the text or follows a space or an opening mark.
    private static bool EndsPlainWord(string text, int stop)
    {
        var start = WordStart(text, stop, c => char.IsLetter(c) || c is '\'' or '’' or '-');
        return start == 0 || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '(' or '[' or '"' or '“' or '‘' or '\'';
    }

    /// <summary>
    /// "US -Japan" becomes "US-Japan" and "closed -door" becomes "closed-door" when
    /// <see cref="CompoundWords"/> knows the pair; "economy -which", a spaced dash " - " and a
    /// minus before a number are left alone.
    /// </summary>
    public static string JoinSpacedHyphens(string text) => !text.Contains(" -", StringComparison.Ordinal) ? text :
        SpacedHyphen().Replace(text, m => CompoundWords.Joins(WordBefore(text, m.Index), m.Groups["right"].Value, m.Groups["next"].Value) ? $"-{m.Groups["right"].Value}" : m.Value);

    /// <summary>
    /// "March 18 -19" becomes "March 18-19" and "2023 -24" "2023-24": a range between two plain
    /// numbers. A minus after a word ("minus -5"), a spaced dash ("18 - 19") and a temperature
    /// ("3 -5 degrees", "-5°C") are left alone.
    /// </summary>
    public static string JoinNumberRanges(string text) => !text.Contains(" -", StringComparison.Ordinal) ? text : NumberRange().Replace(text, "-");

    private static string WordBefore(string text, int end) => text[WordStart(text, end, c => char.IsLetterOrDigit(c) || c == '.')..end];

    // Words before a match are read backwards by hand: a pattern for them would be tried at every letter of a long word.
    private static int WordStart(string text, int end, Func<char, bool> inWord)
    {
        var start = end;
        while (start > 0 && inWord(text[start - 1]))
        {
            start--;
        }
        return start;
    }

    // Anchored on the stop, which the engine finds fast; the word before is checked by hand.
    [GeneratedRegex(@"(?<=\p{Ll})[""”’]?[.!?][""”’]?(?=(?<next>\p{Lu}\p{Ll}*)(?:[\s,;:]|$))")]
    private static partial Regex GluedStop();

    // The word after is read too: "the plan -based on" is an aside, "broad -based support" a compound.
    [GeneratedRegex(@"(?<=[\p{L}\d.]) +-(?<right>\p{L}+)(?=\W*(?<next>\p{L}*))")]
    private static partial Regex SpacedHyphen();

    // Both sides whole numbers of up to four digits, the left one standing alone (not "-3" or "1.5").
    [GeneratedRegex(@"(?<=(?:^|[\s(])\d{1,4}) +-(?=\d{1,4}(?!\d|[.,]\d)(?!\s*(?:°|degree|deg\b|C\b|F\b)))")]
    private static partial Regex NumberRange();
}
