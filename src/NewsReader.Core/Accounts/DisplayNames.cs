using System.Globalization;
using System.Text;

namespace NewsReader.Core.Accounts;

/// <summary>
/// The rules of a display name: 2 to 40 characters of letters, digits, spaces and <c>. - _ '</c>,
/// spaces collapsed. No <c>@</c>, so it can never be an e-mail address. Two names that differ
/// only in case, Unicode form, look-alike letters from another script or invisible marks are
/// the same name (<see cref="Normalize"/>), so no reader can pass for another.
/// </summary>
public static class DisplayNames
{
    public const int MinLength = 2;
    public const int MaxLength = 40;

    /// <summary>The prefix of the names given to accounts that have not chosen one ("reader-12").</summary>
    public const string DefaultPrefix = "reader-";

    /// <summary>The name as it is stored: trimmed, inner runs of white space made one space, NFC.</summary>
    public static string Clean(string? name) =>
        string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);

    /// <summary>
    /// The key two names are compared by: their <see cref="Confusables.Skeleton"/> (compatibility
    /// forms, look-alikes and invisible marks folded, upper case), spaces collapsed again after
    /// invisible characters between them went.
    /// </summary>
    public static string Normalize(string name) => Clean(Confusables.Skeleton(Clean(name)));

    /// <summary>What is wrong with a (cleaned) name, as a sentence for the reader; null when it is fine.</summary>
    public static string? Problem(string name)
    {
        if (name.Length < MinLength)
        {
            return $"Choose a display name of at least {MinLength} characters.";
        }
        if (name.Length > MaxLength)
        {
            return $"A display name can be at most {MaxLength} characters long.";
        }
        if (name.Contains('@'))
        {
            return "A display name cannot contain @: others see it, so it must not be an e-mail address.";
        }
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var allowed = Rune.IsLetterOrDigit(rune) || rune.Value is ' ' or '.' or '-' or '_' or '\''
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!allowed)
            {
                return $"A display name can hold letters, digits, spaces and . - _ ' only, not '{rune}'.";
            }
        }
        return Rune.IsLetterOrDigit(Rune.GetRuneAt(name, 0)) ? null : "A display name starts with a letter or a digit.";
    }

    /// <summary>The default name of the <paramref name="number"/>th account: "reader-12".</summary>
    public static string Default(long number) => DefaultPrefix + number.ToString(CultureInfo.InvariantCulture);
}
