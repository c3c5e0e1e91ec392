using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>What a wire story's sign-off says: the agency, and the reporters a credit names.</summary>
public sealed record SignOff(string Agency, string? Reporters);

/// <summary>
/// The sign-offs that end wire stories: " Reuter" or "REUTER" on the last line, "-- AP" or
/// "— AFP" on a line of its own, and Reuters' credit "(Reporting by Jane Smith; Editing by Tom
/// Li)". They say who filed the story, so they become its agency (and the reporters its author
/// when no byline names one), not the end of its last paragraph. A sign-off glued under the
/// last paragraph counts only after a finished sentence, so "thanked Paul\nReuter" stays prose.
/// </summary>
public static partial class SignOffs
{
    // A credit, then "Reuter" under it, at most.
    private const int MaxSignOffs = 2;

    // Reuters' credits are its own; the agency it names is Reuters whoever reported.
    private const string CreditAgency = "Reuters";

    /// <summary>Removes the sign-offs that end <paramref name="blocks"/> and returns what they say, or null and leaves them.</summary>
    public static SignOff? Take(List<LayoutBlock> blocks)
    {
        string? agency = null;
        string? reporters = null;
        for (var taken = 0; taken < MaxSignOffs && blocks.Count > 0; taken++)
        {
            var last = blocks[^1];
            var lines = last.Text.Split('\n');
            SignOff? signOff;
            if (blocks.Count > 1 && (signOff = Read(ArticleTextBuilder.Collapse(last.Text))) is not null && Follows(blocks[^2].Text, last.Text))
            {
                blocks.RemoveAt(blocks.Count - 1);
            }
            else if (lines.Length > 1 && (signOff = Read(lines[^1])) is not null && Follows(lines[^2], lines[^1]))
            {
                blocks[^1] = last with { Text = string.Join('\n', lines[..^1]), LineCount = last.LineCount - 1 };
            }
            else
            {
                break;
            }
            agency ??= signOff.Agency;
            reporters ??= signOff.Reporters;
        }
        return agency is null ? null : new SignOff(agency, reporters);
    }

    // A bare "Reuter" is a sign-off after a finished sentence, a credit or a line of figures ("Net
    // 12.0 mln vs 10.0 mln"), not after a name it may end ("the historian Paul\nReuter"). A credit is plain.
    private static bool Follows(string above, string signOff)
    {
        if (!AgencyLine().IsMatch(signOff.Trim()) || ProseSignals.EndsSentence(above) || Read(ArticleTextBuilder.Collapse(above)) is not null)
        {
            return true;
        }
        var lastWord = ProseSignals.Words(above.Split('\n')[^1]).LastOrDefault() ?? "";
        return !(lastWord.Length > 0 && char.IsUpper(lastWord[0]) && lastWord.Any(char.IsLower));
    }

    /// <summary>The sign-off <paramref name="line"/> is, or null.</summary>
    public static SignOff? Read(string line)
    {
        var text = line.Trim();
        if (AgencyLine().Match(text) is { Success: true } agencyLine)
        {
            var name = agencyLine.Groups["name"].Value;
            // "Reuter" is how Reuters signed its wire for decades.
            var agency = name is "Reuter" or "REUTER" ? CreditAgency : Datelines.AgencyNamed(name);
            return agency is null ? null : new SignOff(agency, null);
        }
        if (Credit().Match(text) is not { Success: true } credit)
        {
            return null;
        }
        string? reporters = null;
        foreach (var part in credit.Groups["credit"].Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Every part names people ("Editing by Sam Holmes"), so "(Reporting by the numbers)" is prose.
            var role = CreditPart().Match(part);
            if (!role.Success || Bylines.AuthorOf("By " + role.Groups["names"].Value) is not { } names)
            {
                return null;
            }
            if (role.Groups["reporting"].Success)
            {
                reporters ??= names;
            }
        }
        return new SignOff(CreditAgency, reporters);
    }

    [GeneratedRegex(@"^(?:(?:--?|[—–])\s*)?(?<name>\p{L}[\p{L}.\-]*(?:\s\p{L}[\p{L}.\-]*){0,2})$")]
    private static partial Regex AgencyLine();

    [GeneratedRegex(@"^\((?<credit>[^()]{1,300})\)$")]
    private static partial Regex Credit();

    [GeneratedRegex(@"^(?:(?<reporting>Reporting)|Additional\s+reporting|Writing|Editing|Compiled|Research|Graphics)\s+by\s+(?<names>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex CreditPart();
}
