using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Blocks of a page that are the site talking, not the story: advertisement labels, "Read
/// more" and "Related:" pointers, newsletter and subscription pitches, share bars, and photo
/// credits. Judged on the block's whole text, so a sentence of the story that merely mentions
/// an advertisement or a newsletter stays.
/// </summary>
public static partial class Boilerplate
{
    public static IReadOnlyList<SourceBlock> Remove(IReadOnlyList<SourceBlock> blocks) =>
        blocks.Where(b => !IsBoilerplate(b.Text)).ToList();

    public static bool IsBoilerplate(string text)
    {
        var collapsed = ArticleTextBuilder.Collapse(text);
        return collapsed.Length <= 300 && (Label().IsMatch(collapsed) || Pointer().IsMatch(collapsed) || Pitch().IsMatch(collapsed) || Credit().IsMatch(collapsed));
    }

    // "ADVERTISEMENT", "Advertisement — Refinance your mortgage…", "Sponsored content", "Share this article".
    [GeneratedRegex(@"^(?:ADVERTISEMENT|Advertisement|Sponsored(?: content)?|Promoted(?: content)?|Ad|Share(?: this(?: article| story)?)?(?: on \w+)?|Skip (?:advert|ad)\w*)\b(?:\s*[—–:-].*)?$")]
    private static partial Regex Label();

    // "Read more: …", "Related: …", "See also: …", "READ MORE", "Continue reading".
    [GeneratedRegex(@"^(?:Read more|READ MORE|Read next|Related(?: articles?| stories)?|See also|Also read|More on this story|Continue reading)\b\s*[:.…›»]?(?:\s.*)?$")]
    private static partial Regex Pointer();

    // Newsletter and subscription pitches, which ask the reader to act.
    [GeneratedRegex(@"^(?:Get (?:the|our)|Sign up (?:for|to)|Subscribe to)\b.{0,80}\b(?:newsletter|briefing|inbox|daily email)\b.*$|^(?:Sign up|Subscribe)(?: now| today| here)?[.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pitch();

    // "Photo: Jo Smith/Getty Images", "Image credit: Reuters", "(Photo by …)", "Getty Images".
    [GeneratedRegex(@"^\(?(?:Photo(?:graph)?|Image|Picture)(?: credit)?s?\s*(?::|/| by)\s*[\w .,'/&-]{2,80}\)?$|^(?:[A-Z][\w.'-]*\s?/?\s?){0,6}(?:Getty Images|AFP via Getty Images|Shutterstock|AP Photo)\.?$")]
    private static partial Regex Credit();
}
