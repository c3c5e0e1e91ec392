using System.Globalization;
using System.Text;

namespace NewsReader.Core.Search;

/// <summary>How user text is made inert for FTS5 and what FTS5's tokenizer will keep of it.</summary>
internal static class Fts5Text
{
    /// <summary>
    /// An FTS5 string literal: inside double quotes FTS5 reads no operators, so NEAR(, ^, :,
    /// AND, parentheses and column names typed by the user are only text to tokenize.
    /// </summary>
    public static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    /// <summary>
    /// Whether the unicode61 tokenizer will find at least one token in the text. It keeps
    /// letters, numbers and private-use characters (categories L*, N*, Co) and splits on the
    /// rest, so a string of only punctuation or emoji becomes an empty phrase, which matches
    /// nothing and would silently empty an AND.
    /// </summary>
    public static bool HasTokenCharacters(string text) => text.EnumerateRunes().Any(IsTokenCharacter);

    /// <summary>
    /// The one token unicode61 with remove_diacritics 2 makes of <paramref name="text"/>
    /// (lower case, accents dropped), or null when it would make none or several.
    /// </summary>
    public static string? SingleToken(string text)
    {
        if (text.Length == 0 || !text.EnumerateRunes().All(IsTokenCharacter))
        {
            return null;
        }
        var folded = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }
        return folded.Length == 0 ? null : folded.ToString().Normalize(NormalizationForm.FormC);
    }

    internal static bool IsTokenCharacter(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
        or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;
}
