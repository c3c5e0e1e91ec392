using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// A dateline found at the start of a paragraph: the place in readable case, the agency
/// when one is named, and how many characters of the paragraph it takes.
/// </summary>
public sealed record Dateline(string? Place, string? Agency, int Length);

/// <summary>
/// Finds a leading dateline in the forms wires and translated reports use:
/// "BEIJING (Reuters) -", "NEW YORK, March 3 (AP) —", "ST. LOUIS --", "Washington (CNN) —",
/// "Sydney, March 3 -", an agency alone ("AP -", "Reuters -"), and the parenthesised
/// "(Washington Composite Electric)" or "(Tokyo, April 10)".
/// A dash only ends a dateline after an all-capitals place, a bracketed agency, a place in
/// ordinary case with a date, or an agency's name, and, unless a place and a bracketed agency
/// are both there, only when a capitalised sentence follows, so "The minister - who resigned -
/// said" and "In 2020 - a year of crisis -" stay prose. A headline's kicker
/// ("SUGAR QUOTA IMPORTS DETAILED -- USDA") is not a dateline: nothing but a few capitals follows.
/// </summary>
public static partial class Datelines
{
    // Words wire services put after the place in a bracketed dateline: "(Washington Composite
    // Electric)" is a machine translation of "Washington, composite wire report".
    private static readonly HashSet<string> WireWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "composite", "electric", "electricity", "telegraph", "telegram", "wire", "dispatch", "report",
        "news", "agency", "press", "special", "correspondent", "reporter", "dispatches", "comprehensive",
    };

    // Agencies a bracketed word alone may name; inside a wire dateline any bracketed name counts.
    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AP", "AFP", "Xinhua", "UPI", "Bloomberg", "dpa", "EFE", "ANSA", "Kyodo", "CNA",
        "Yonhap", "TASS", "Interfax", "PTI", "IANS", "BBC", "CNN", "Jiji", "Anadolu", "Bernama",
        "Antara", "AAP", "PA", "Sputnik", "RIA", "Nikkei", "Kyodo News", "Associated Press", "Agence France-Presse",
    };

    // Capitalised words that open sentences, and days and months: "Monday, March 3 -" is no place.
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "By", "From", "Since", "Until", "Before", "After", "As", "Of",
        "For", "And", "But", "Last", "Next", "This", "That", "Today", "Yesterday", "Through", "Between",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    // A kicker after a headline's dash is one to three words ("USDA", "OFFICIAL", "IMF SAYS").
    private const int MaxKickerWords = 3;

    /// <summary>True for the name of a news agency this class knows ("Reuters", "AP", "Kyodo News").</summary>
    public static bool IsAgency(string name) => Agencies.Contains(name);

    /// <summary>
    /// The agency <paramref name="name"/> names, spelt as agencies spell themselves ("REUTERS" is
    /// "Reuters"), when it is written that way or in capitals; else null, so a person called "Ap" is no agency.
    /// </summary>
    public static string? AgencyNamed(string name) =>
        Agencies.TryGetValue(name, out var agency) && (name == agency || name == agency.ToUpperInvariant()) ? agency : null;

    /// <summary>The dateline at the start of <paramref name="paragraph"/>, or null; never the whole paragraph.</summary>
    public static Dateline? Find(string paragraph)
    {
        var dateline = WireDateline(paragraph) ?? BracketedDateline(paragraph);
        return dateline is not null && dateline.Length < paragraph.TrimEnd().Length && !IsKicker(paragraph[dateline.Length..]) ? dateline : null;
    }

    /// <summary>
    /// What follows a headline's "--" rather than a dateline's: one line of at most three words
    /// with no lower-case letter and no stop ("USDA" in "SUGAR QUOTA IMPORTS DETAILED -- USDA").
    /// </summary>
    private static bool IsKicker(string rest)
    {
        var text = rest.Trim();
        return !text.Contains('\n') && ProseSignals.WordCount(text) <= MaxKickerWords
            && !text.Any(char.IsLower) && !ProseSignals.EndsSentence(text);
    }

    /// <summary>True when <paramref name="paragraph"/> opens with a dateline or is one alone.</summary>
    public static bool StartsWithDateline(string paragraph) => Find(paragraph) is not null || WholeLine(paragraph) is not null;

    /// <summary>The dateline that makes up the whole of <paramref name="line"/> ("BEIJING (Reuters) -" alone on a line), or null.</summary>
    public static Dateline? WholeLine(string line)
    {
        // Only the dashed wire forms: a bracketed word alone on a line is as often a caption credit.
        var trimmed = line.Trim();
        return WireDateline($"{trimmed} Text") is { } dateline && dateline.Length >= trimmed.Length ? dateline : null;
    }

    private static Dateline? WireDateline(string paragraph)
    {
        var match = new[] { CapitalsAgencyDateline(), CapitalsDateline(), NamedAgencyDateline(), LeadingName(), DatedPlaceDateline() }
            .Select(regex => regex.Match(paragraph))
            .FirstOrDefault(m => m.Success && IsDateline(m));
        if (match is null)
        {
            return null;
        }
        var city = match.Groups["city"].Value.Trim();
        if (!match.Groups["agency"].Success && AgencyNamed(city) is { } agencyAlone)
        {
            // "AP - A strong earthquake": the agency stands where the place would.
            return new Dateline(null, agencyAlone, match.Length);
        }
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        return new Dateline(ReadableCase.Of(city), agency, match.Length);
    }

    // A place in ordinary case needs its date and must not be a sentence's first word; a name
    // alone before the dash must be an agency's.
    private static bool IsDateline(Match match)
    {
        var city = match.Groups["city"].Value.Trim();
        if (match.Groups["dated"].Success)
        {
            return !NotPlaces.Contains(ProseSignals.Words(city)[0]) && AgencyNamed(city) is null;
        }
        return !match.Groups["alone"].Success || AgencyNamed(city) is not null;
    }

    private static Dateline? BracketedDateline(string paragraph)
    {
        var match = Bracketed().Match(paragraph);
        if (!match.Success)
        {
            return null;
        }
        var inside = match.Groups["inside"].Value.Split(',', 2)[0].Trim();
        if (Agencies.Contains(inside) || Acronym().IsMatch(inside))
        {
            return new Dateline(null, inside, match.Length);
        }
        var words = ProseSignals.Words(inside).ToList();
        string? agency = null;
        while (words.Count > 0 && (WireWords.Contains(words[^1]) || Agencies.Contains(words[^1])))
        {
            agency = Agencies.Contains(words[^1]) ? words[^1] : agency;
            words.RemoveAt(words.Count - 1);
        }
        // "(This story was corrected ...)" is a note, not a place: a place is a few capitalised words.
        if (words.Count is 0 or > 4 || words.Any(w => !char.IsUpper(w[0])))
        {
            return null;
        }
        return new Dateline(ReadableCase.Of(string.Join(' ', words)), agency, match.Length);
    }

    // ", Calif." ", March 3" ", D.C." ", 2024": at most three short capitalised or numeric parts.
    private const string Qualifiers = @"(?:,\s*[\p{Lu}\d][\p{L}\d.'’]*(?:\s+[\p{L}\d][\p{L}\d.'’]*){0,3}){0,3}";

    private const string Agency = @"\((?<agency>\p{L}[\p{L}.&'’\-]*(?:\s+[\p{Lu}&][\p{L}.&'’\-]*){0,3})\)";

    // Hyphens need spaces after them ("ST. LOUIS -- The"), dashes not ("WASHINGTON—The").
    private const string Dash = @"(?:\s*(?:--?|_)\s+|\s*[—–]\s*)";

    // After a capitals place and a bracketed agency any lead follows ("eBay Inc said"); without the
    // agency it must look like a sentence start, or a company's name in Reuters' angle brackets ("<Coloroll Group Plc> said").
    private const string DashThenSentence = Dash + @"(?=[\p{Lu}\d""“‘'(<\[])";

    private const string CapitalsPlace = @"^\s*(?<city>\p{Lu}[\p{Lu}'’./\-]*\p{Lu}\.?(?:\s+\p{Lu}[\p{Lu}'’./\-]*){0,3})" + Qualifiers;

    [GeneratedRegex(CapitalsPlace + @"\s*" + Agency + Dash + @"(?=\S)")]
    private static partial Regex CapitalsAgencyDateline();

    [GeneratedRegex(CapitalsPlace + DashThenSentence)]
    private static partial Regex CapitalsDateline();

    // "Washington (CNN)The president": CNN glues the lead to its bracket.
    [GeneratedRegex(@"^\s*(?<city>\p{Lu}[\p{L}'’./\-]+(?:\s+\p{Lu}[\p{L}'’./\-]+){0,2})" + Qualifiers + @"\s*" + Agency + "(?:" + DashThenSentence + @"|(?=[\p{Lu}""“]\p{Ll}))")]
    private static partial Regex NamedAgencyDateline();

    // "Reuters - A strong earthquake", "AP — Stocks rose": kept only when the name is an agency's.
    [GeneratedRegex(@"^\s*(?<alone>)(?<city>\p{Lu}[\p{L}.\-]*(?:\s+\p{Lu}[\p{L}.\-]*){0,2})" + DashThenSentence)]
    private static partial Regex LeadingName();

    // "Sydney, March 3 -", "Springfield, Ill., Nov. 5, 2024 -": a place in ordinary case counts with its date.
    private const string Date = @",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?";

    [GeneratedRegex(@"^\s*(?<city>\p{Lu}\p{Ll}[\p{L}'’.\-]*(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|de|da|del|do|la|le|of)){0,3})(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2}){0,2}(?<dated>" + Date + ")" + DashThenSentence)]
    private static partial Regex DatedPlaceDateline();

    // "(Bloomberg) -- Stocks rose" loses its dash with the bracket.
    [GeneratedRegex(@"^\s*\((?<inside>[^()\n]{1,80})\)(?:" + Dash + @")?\s*(?=\S)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^\p{Lu}{2,6}$")]
    private static partial Regex Acronym();
}
