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
/// and the parenthesised "(Washington Composite Electric)" or "(Tokyo, April 10)".
/// A dash only ends a dateline after an all-capitals place or a bracketed agency, and, unless
/// both are there, only when a capitalised sentence follows, so "The minister - who resigned -
/// said" and "In 2020 - a year of crisis -" stay prose.
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

    /// <summary>True for the name of a news agency this class knows ("Reuters", "AP", "Kyodo News").</summary>
    public static bool IsAgency(string name) => Agencies.Contains(name);

    /// <summary>The dateline at the start of <paramref name="paragraph"/>, or null; never the whole paragraph.</summary>
    public static Dateline? Find(string paragraph)
    {
        var dateline = WireDateline(paragraph) ?? BracketedDateline(paragraph);
        return dateline is not null && dateline.Length < paragraph.TrimEnd().Length ? dateline : null;
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
        var match = new[] { CapitalsAgencyDateline(), CapitalsDateline(), NamedAgencyDateline() }
            .Select(regex => regex.Match(paragraph))
            .FirstOrDefault(m => m.Success);
        if (match is null)
        {
            return null;
        }
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        return new Dateline(ReadableCase.Of(match.Groups["city"].Value.Trim()), agency, match.Length);
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

    // After a capitals place and a bracketed agency any lead follows ("eBay Inc said"); without the agency it must look like a sentence start.
    private const string DashThenSentence = Dash + @"(?=[\p{Lu}\d""“‘'(])";

    private const string CapitalsPlace = @"^\s*(?<city>\p{Lu}[\p{Lu}'’./\-]*\p{Lu}\.?(?:\s+\p{Lu}[\p{Lu}'’./\-]*){0,3})" + Qualifiers;

    [GeneratedRegex(CapitalsPlace + @"\s*" + Agency + Dash + @"(?=\S)")]
    private static partial Regex CapitalsAgencyDateline();

    [GeneratedRegex(CapitalsPlace + DashThenSentence)]
    private static partial Regex CapitalsDateline();

    // "Washington (CNN)The president": CNN glues the lead to its bracket.
    [GeneratedRegex(@"^\s*(?<city>\p{Lu}[\p{L}'’./\-]+(?:\s+\p{Lu}[\p{L}'’./\-]+){0,2})" + Qualifiers + @"\s*" + Agency + "(?:" + DashThenSentence + @"|(?=[\p{Lu}""“]\p{Ll}))")]
    private static partial Regex NamedAgencyDateline();

    // "(Bloomberg) -- Stocks rose" loses its dash with the bracket.
    [GeneratedRegex(@"^\s*\((?<inside>[^()\n]{1,80})\)(?:" + Dash + @")?\s*(?=\S)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^\p{Lu}{2,6}$")]
    private static partial Regex Acronym();
}
