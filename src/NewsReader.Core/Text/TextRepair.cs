using System.Text.RegularExpressions;

namespace NewsReader.Core.Text;

/// <summary>
/// Repairs the two translation scars that are safe to fix mechanically. Everything else in
/// the text is left exactly as written: the original is kept beside the canonical text, and
/// a repair that guessed wrong would move every highlight made after it.
/// </summary>
public static partial class TextRepair
{
    /// <summary>Applies every repair to one block of text.</summary>
    public static string Repair(string text) => SplitGluedSentences(JoinSpacedHyphens(text));

    /// <summary>
    /// "cooperation.Establish" becomes "cooperation. Establish". Only a lower-case letter
    /// before the stop and a capitalised word after it count, so "U.S." and "e.g." stay whole.
    /// </summary>
    public static string SplitGluedSentences(string text) => GluedSentence().Replace(text, "$1 $2");

    /// <summary>
    /// "US -Japan" becomes "US-Japan" and "U.S. -Japanese" becomes "U.S.-Japanese": a hyphen
    /// with a space before it and a letter right after it is a compound the translator broke.
    /// A dash with spaces on both sides, or a minus before a number, is left alone.
    /// </summary>
    public static string JoinSpacedHyphens(string text) => SpacedHyphen().Replace(text, "-");

    [GeneratedRegex(@"(\p{Ll}[""”’]?[.!?][""”’]?)(\p{Lu}\p{Ll})")]
    private static partial Regex GluedSentence();

    [GeneratedRegex(@"(?<=[\p{L}.]) +-(?=\p{L})")]
    private static partial Regex SpacedHyphen();
}
