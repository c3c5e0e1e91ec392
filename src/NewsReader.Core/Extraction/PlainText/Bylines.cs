using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// Recognises a byline line: "By Jane Smith", "By JANE SMITH, Reuters", "By Jane Smith and
/// Tom Li", "By Jane Smith in Beijing". Only capitalised names count, so "By the end of the
/// day, prices fell." and "By Monday the talks had failed" are prose.
/// </summary>
public static partial class Bylines
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "then", "now", "law", "contrast", "comparison", "far", "midnight",
    };

    /// <summary>The author names of a byline line in readable case, or null when the line is not a byline.</summary>
    public static string? AuthorOf(string line)
    {
        var trimmed = line.Trim();
        var match = trimmed.Length <= MaxLength ? Byline().Match(trimmed) : Match.Empty;
        if (!match.Success)
        {
            return null;
        }
        var names = WithoutOrganisation(match.Groups["names"].Value.Trim());
        return NotNames.Contains(ProseSignals.Words(names)[0]) ? null : ReadableCase.Of(names);
    }

    public static bool IsByline(string line) => AuthorOf(line) is not null;

    /// <summary>The line under a byline that gives the author's post: "Political reporter, BBC News".</summary>
    public static bool IsRoleLine(string line) =>
        ProseSignals.WordCount(line) <= MaxRoleWords && !ProseSignals.EndsSentence(line) && Role().IsMatch(line);

    /// <summary>
    /// "JANE SMITH, Reuters" and "JANE SMITH Associated Press" name the agency after the
    /// author: a last comma part that is an agency goes, and capitals stop where they stop.
    /// </summary>
    private static string WithoutOrganisation(string names)
    {
        var lastComma = names.LastIndexOf(',');
        if (lastComma > 0 && IsOrganisation(names[(lastComma + 1)..].Trim()))
        {
            names = names[..lastComma].TrimEnd();
        }
        var words = ProseSignals.Words(names);
        if (words[0].Count(char.IsLetter) > 1 && IsCapitals(words[0]) && !words.All(IsCapitals))
        {
            names = string.Join(' ', words.TakeWhile(IsCapitals)).TrimEnd(',');
        }
        return names;
    }

    private static bool IsOrganisation(string part) =>
        Datelines.IsAgency(part) || OrganisationEnd().IsMatch(part);

    private static bool IsCapitals(string word) => !word.Any(char.IsLower);

    private const int MaxRoleWords = 8;

    private const int MaxLength = 120;

    private const string NameWord = @"\p{Lu}[\p{L}'’.\-]*";

    private const string Name = NameWord + @"(?:\s+(?:de|van|von|der|da|al|bin|le|la|" + NameWord + @")){0,3}";

    // Names joined by commas or "and", then maybe "in Place", then maybe ", Organisation".
    [GeneratedRegex(@"^[Bb][Yy]:?\s+(?<names>" + Name + @"(?:\s*(?:,|&|\band\b|\bAND\b)\s*" + Name + @")*)(?:\s+in\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?)?(?:\s*[,|/–—-]\s*\p{Lu}[\p{L}.&]*(?:\s+[\p{L}.&]+){0,4})?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"\b(?:reporter|correspondent|editor|writer|columnist|staff)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    [GeneratedRegex(@"\b(?:News|Press|Times|Post|Agency|Service|Staff|Writer|Correspondent|Editor)$")]
    private static partial Regex OrganisationEnd();
}
