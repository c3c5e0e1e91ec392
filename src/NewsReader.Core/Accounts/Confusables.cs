using System.Globalization;
using System.Text;

namespace NewsReader.Core.Accounts;

/// <summary>
/// A compact skeleton in the manner of Unicode TR39 (section 4): two strings that look alike
/// get the same skeleton. It covers what impersonation of a display name uses in practice, not
/// the whole of confusables.txt: compatibility forms (NFKC: full-width letters, ligatures),
/// default-ignorable code points (format characters, zero-width joiners, variation selectors,
/// the combining grapheme joiner, Hangul fillers) removed, the Cyrillic and Greek letters that
/// look like Latin ones mapped onto them, dotless and dotted i made i, and case folded. Digits
/// are left alone (`0`/`O`, `1`/`l`): folding them would make default names such as "reader-10"
/// clash with names chosen by hand.
/// </summary>
public static class Confusables
{
    // Look-alikes of Latin letters, from confusables.txt (Cyrillic, Greek, and the Latin letters
    // whose only difference is a dot), upper and lower case.
    private static readonly Dictionary<int, char> Prototypes = Table(
        // Cyrillic capitals
        ('А', 'A'), ('В', 'B'), ('Е', 'E'), ('К', 'K'), ('М', 'M'), ('Н', 'H'), ('О', 'O'), ('Р', 'P'), ('С', 'C'),
        ('Т', 'T'), ('У', 'Y'), ('Х', 'X'), ('І', 'I'), ('Ј', 'J'), ('Ѕ', 'S'), ('Ԁ', 'D'), ('Ԛ', 'Q'), ('Ԝ', 'W'),
        ('Ү', 'Y'), ('Һ', 'H'), ('Ӏ', 'I'), ('Ғ', 'F'),
        // Cyrillic small letters
        ('а', 'a'), ('в', 'b'), ('е', 'e'), ('к', 'k'), ('м', 'm'), ('н', 'h'), ('о', 'o'), ('р', 'p'), ('с', 'c'),
        ('т', 't'), ('у', 'y'), ('х', 'x'), ('і', 'i'), ('ј', 'j'), ('ѕ', 's'), ('ԁ', 'd'), ('ԛ', 'q'), ('ԝ', 'w'),
        ('ү', 'y'), ('һ', 'h'), ('ӏ', 'l'), ('ь', 'b'), ('ѵ', 'v'), ('ɡ', 'g'),
        // Greek capitals
        ('Α', 'A'), ('Β', 'B'), ('Ε', 'E'), ('Ζ', 'Z'), ('Η', 'H'), ('Ι', 'I'), ('Κ', 'K'), ('Μ', 'M'), ('Ν', 'N'),
        ('Ο', 'O'), ('Ρ', 'P'), ('Τ', 'T'), ('Υ', 'Y'), ('Χ', 'X'), ('Ϲ', 'C'), ('Ϳ', 'J'),
        // Greek small letters
        ('α', 'a'), ('ι', 'i'), ('κ', 'k'), ('ν', 'v'), ('ο', 'o'), ('ρ', 'p'), ('υ', 'u'), ('ϲ', 'c'), ('ϳ', 'j'),
        // Latin: dotless i, dotted capital I (before NFD splits it), small capitals
        ('ı', 'i'), ('İ', 'I'), ('ȷ', 'j'));

    private static Dictionary<int, char> Table(params (char From, char To)[] pairs) => pairs.ToDictionary(p => (int)p.From, p => p.To);

    /// <summary>The skeleton of <paramref name="text"/>, in upper case; equal skeletons look alike.</summary>
    public static string Skeleton(string text)
    {
        var mapped = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Prototypes.TryGetValue(rune.Value, out var prototype))
            {
                mapped.Append(prototype);
            }
            else
            {
                mapped.Append(rune.ToString());
            }
        }
        // Decomposed, so a combining dot over i (i + U+0307) and invisible marks can be dropped.
        var decomposed = mapped.ToString().Normalize(NormalizationForm.FormD);
        var skeleton = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (IsDefaultIgnorable(rune)
                || (rune.Value == 0x0307 && skeleton.Length > 0 && skeleton[^1] is 'i' or 'I' or 'j' or 'J'))
            {
                continue;
            }
            skeleton.Append(Prototypes.TryGetValue(rune.Value, out var prototype) ? prototype.ToString() : rune.ToString());
        }
        return skeleton.ToString().Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }

    /// <summary>
    /// Code points that render as nothing (Unicode's Default_Ignorable_Code_Point, the parts a
    /// name can hold): format characters, the combining grapheme joiner, variation selectors,
    /// Mongolian free variation selectors, Hangul and Khmer fillers.
    /// </summary>
    public static bool IsDefaultIgnorable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0
        || rune.Value is >= 0x180B and <= 0x180F
        || rune.Value is >= 0xFE00 and <= 0xFE0F
        || rune.Value is >= 0xE0100 and <= 0xE01EF;
}
