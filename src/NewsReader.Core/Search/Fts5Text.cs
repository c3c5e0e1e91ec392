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
    public static bool HasTokenCharacters(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                case UnicodeCategory.PrivateUse:
                    return true;
            }
        }
        return false;
    }
}
