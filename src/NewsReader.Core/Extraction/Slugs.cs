using System.Globalization;
using System.Text;

namespace NewsReader.Core.Extraction;

/// <summary>
/// Makes URL slugs from titles: lower-case words joined by hyphens, accents dropped from Latin letters. Letters
/// and digits of any script are kept ("Встреча в Токио" -> "встреча-в-токио"), so a title in
/// another script gets a slug of its own rather than "article"; links percent-encode them.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 80;

    public static string From(string title)
    {
        var slug = new StringBuilder();
        foreach (var rune in title.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (rune.Value is '.' or '\'' or '’')
            {
                // "U.S." reads better as "us" than "u-s"; apostrophes join words too.
                continue;
            }
            // Accents come off Latin letters only: in other scripts the mark is part of the
            // letter (Japanese で is not て, Russian й is not и).
            var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
            if (char.IsAsciiLetter(decomposed[0]))
            {
                slug.Append(char.ToLowerInvariant(decomposed[0]));
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                slug.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf('-', MaxLength);
            var end = cut > 20 ? cut : char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..end].Trim('-');
        }
        return text.Length == 0 ? "article" : text;
    }
}
