using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>
/// Lines marked as list items in plain text: "- ", "* ", "• " or "1. ", "2) ". A bullet is
/// layout and goes; a number is part of what the item says and stays.
/// </summary>
public static partial class ListItems
{
    public static bool IsItem(string line) => Marker().IsMatch(line);

    /// <summary>The item's text without its bullet; numbered items keep their number.</summary>
    public static string WithoutBullet(string line) => Bullet().Replace(line, "", 1);

    [GeneratedRegex(@"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+\S")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\s*[-*•·–]\s+")]
    private static partial Regex Bullet();
}
