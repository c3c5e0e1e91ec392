using System.Globalization;
using System.Text;

namespace NewsReader.Web.Ingestion;

/// <summary>Makes URL slugs from titles: lower-case ASCII words joined by hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    public static string From(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’')
            {
                // "U.S." reads better as "us" than "u-s"; apostrophes join words too.
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            var cut = text.LastIndexOf('-', MaxLength);
            text = text[..(cut > 20 ? cut : MaxLength)].Trim('-');
        }
        return text.Length == 0 ? "article" : text;
    }
}
