namespace NewsReader.Core.Text;

/// <summary>
/// The compounds a translator may break into "word -word" that can be joined again with
/// certainty: a prefix that never stands alone ("co -operation", "self -defence") or a
/// compound common in news ("closed -door", "long -term"). Anything else keeps its space.
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
    /// a known prefix or compound, a name with a known second half ("US -led"), or a capitalised
    /// name or acronym on both sides ("US -Japan", "U.S. -Japanese", "Indo -Pacific").
    /// </summary>
    public static bool Joins(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
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
