namespace NewsReader.Core.Text;

/// <summary>
/// The compounds a translator may break into "word -word" that can be joined again with
/// certainty: a prefix that never stands alone ("co -operation", "self -defence") or a
/// compound common in news ("closed -door", "long -term", "broad -based"), or a number before a
/// unit ("two -day", "10 -year"). Anything else keeps its space.
/// </summary>
public static class CompoundWords
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "anti", "co", "counter", "cross", "ex", "inter", "intra", "mid", "multi", "neo", "non",
        "post", "pre", "pro", "re", "self", "semi", "sub", "super", "trans", "ultra", "vice",
    };

    // Second halves that only ever follow a name or noun: "US -led", "Paris -based".
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "led", "backed", "based", "born", "made", "owned", "run", "funded", "brokered", "sponsored",
        "controlled", "style", "related", "linked", "focused", "friendly", "free",
    };

    // Second halves that make a compound after any word ("broad -based", "state -backed"); none
    // opens a clause the way "led by" or "run by" can. A preposition after them still keeps the space.
    private static readonly HashSet<string> LooseSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "based", "backed", "owned", "funded", "sponsored", "style", "friendly", "oriented",
    };

    // "based on", "backed by": after these the half is a verb starting an aside, not a compound's.
    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "in", "by", "at", "from", "to", "with", "for", "of", "upon",
    };

    private static readonly HashSet<string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million", "billion", "half",
    };

    // Units a number makes into an adjective: "a two-day visit", "a 10-year bond", "a five-member panel".
    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "second", "minute", "hour", "day", "night", "week", "month", "year", "decade", "century", "point",
        "member", "nation", "country", "party", "man", "seat", "storey", "story", "mile", "kilometre",
        "kilometer", "metre", "meter", "foot", "ton", "tonne", "page", "game", "match", "stage", "round",
        "term", "time", "way", "lane", "star", "percent", "vote", "state", "pronged", "fold",
    };

    private static readonly HashSet<string> Compounds = new(StringComparer.OrdinalIgnoreCase)
    {
        "all-out", "build-up", "by-election", "cease-fire", "closed-door", "decision-making",
        "far-left", "far-right", "follow-up", "full-scale", "full-time", "hard-line", "high-level",
        "high-profile", "high-speed", "long-range", "long-standing", "long-term", "low-income",
        "left-wing", "right-wing", "one-off", "part-time", "peace-keeping", "policy-making",
        "run-up", "sell-off", "short-range", "short-term", "so-called", "start-up", "state-owned",
        "state-run", "top-level", "war-torn", "well-being", "well-known", "year-old", "year-end",
        "middle-income", "first-ever", "long-time", "hard-won", "open-ended", "wide-ranging",
    };

    // Capitalised words that start sentences: "Japan -The two said" is a lost space, not a compound.
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "To", "Of", "For", "With", "By", "From", "And", "But", "Or",
        "If", "As", "It", "He", "She", "We", "They", "I", "You", "This", "That", "These", "Those", "There",
        "His", "Her", "Its", "Their", "Our", "When", "While", "After", "Before", "However", "Meanwhile",
    };

    /// <summary>
    /// True when "<paramref name="left"/> -<paramref name="right"/>" is a broken compound:
    /// a known prefix or compound, a name with a known second half ("US -led"), any word with a
    /// second half that only ever ends compounds ("broad -based", unless <paramref name="following"/>
    /// is a preposition: "the plan -based on"), a number and a unit ("two -day", "10 -year"), or a
    /// capitalised name or acronym on both sides ("US -Japan", "U.S. -Japanese", "Indo -Pacific").
    /// </summary>
    public static bool Joins(string left, string right, string following = "")
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }
        if (NumberWords.Contains(left) || left.All(char.IsAsciiDigit))
        {
            return Units.Contains(right);
        }
        if (LooseSuffixes.Contains(right) && !Prepositions.Contains(following))
        {
            return true;
        }
        if (char.IsUpper(left[0]) && char.IsUpper(right[0]) && !SentenceStarters.Contains(right))
        {
            return true;
        }
        return Prefixes.Contains(left)
            || (Suffixes.Contains(right) && char.IsUpper(left[0]))
            || Compounds.Contains($"{left}-{right}")
            || (right.EndsWith('s') && Compounds.Contains($"{left}-{right[..^1]}"));
    }
}
