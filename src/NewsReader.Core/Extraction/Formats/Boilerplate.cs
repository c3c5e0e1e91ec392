using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// Blocks of a page that are the site talking, not the story: advertisement labels, "Read
/// more" and "Related:" pointers, newsletter and subscription pitches, share bars, photo
/// credits, and runs of links to other stories. Judged on the block's whole text (and, for
/// pointers and link lists, on how much of it is link text), so a sentence of the story that
/// merely mentions an advertisement, a newsletter or further reading stays.
/// </summary>
public static partial class Boilerplate
{
    /// <summary>A block at least this much link text is a link, not prose.</summary>
    public const double LinkBlockShare = 0.8;

    /// <summary>This many link blocks in a row are a list of other stories ("Most read", "Related").</summary>
    public const int LinkListLength = 3;

    public static IReadOnlyList<SourceBlock> Remove(IReadOnlyList<SourceBlock> blocks)
    {
        var inLinkList = LinkLists(blocks);
        return blocks.Where((b, i) => !inLinkList[i] && !IsBoilerplate(b.Text, b.LinkShare)).ToList();
    }

    /// <summary>Whether a block is the site talking; <paramref name="linkShare"/> is how much of it is link text.</summary>
    public static bool IsBoilerplate(string text, double linkShare = 0)
    {
        var collapsed = ArticleTextBuilder.Collapse(text);
        if (collapsed.Length > 300)
        {
            return false;
        }
        return Label().IsMatch(collapsed) || Pitch().IsMatch(collapsed) || Credit().IsMatch(collapsed) || ShareBar().IsMatch(collapsed)
            || PointerLabel().IsMatch(collapsed)
            // "Read more about the vote" is a pointer when it is a link; as plain prose it is the story's own sentence.
            || (linkShare >= 0.5 && PointerPhrase().IsMatch(collapsed));
    }

    /// <summary>Which blocks stand in a run of at least <see cref="LinkListLength"/> short blocks that are each nearly all link.</summary>
    private static bool[] LinkLists(IReadOnlyList<SourceBlock> blocks)
    {
        var marked = new bool[blocks.Count];
        var start = 0;
        for (var i = 0; i <= blocks.Count; i++)
        {
            if (i < blocks.Count && IsLinkBlock(blocks[i]))
            {
                continue;
            }
            if (i - start >= LinkListLength)
            {
                Array.Fill(marked, true, start, i - start);
            }
            start = i + 1;
        }
        return marked;
    }

    private static bool IsLinkBlock(SourceBlock block) =>
        block.Kind is BlockKind.ListItem or BlockKind.Paragraph && block.LinkShare >= LinkBlockShare && block.Text.Length <= 200;

    // "ADVERTISEMENT", "Advertisement — Refinance your mortgage…", "Sponsored content", "Story continues below advertisement".
    [GeneratedRegex(@"^(?:ADVERTISEMENT|Advertisement|Sponsored(?: content)?|Promoted(?: content)?|Ad|Paid (?:content|post)|Share(?: this(?: article| story| page)?)?(?: on \w+)?|Skip (?:advert|ad)\w*)\b(?:\s*[—–:-].*)?$|^(?:(?:Story|Article|Content) continues below(?: this)?(?: advert\w*| ad)?|Scroll (?:down )?to continue(?: with content| reading)?|Continue reading (?:the main story|below))[.…]?$")]
    private static partial Regex Label();

    // "Read more: …", "Related: …", "See also › …", "READ MORE", "Continue reading", "Related articles".
    [GeneratedRegex(@"^(?:Read more|READ MORE|Read next|READ NEXT|Related(?: articles?| stories| coverage| content)?|RELATED|See also|Also read|More on this story|More from \w+|Continue reading|Recommended(?: for you)?|Most (?:read|popular)|You (?:may|might) also like)\b\s*(?:[:…›»|>–—-].*|\.)?$")]
    private static partial Regex PointerLabel();

    // "Read more about the vote", "Related Council approves tram line": a pointer when it is a link.
    [GeneratedRegex(@"^(?:Read more|Read next|Related|See also|Also read|More on)\b\s+\S.*$", RegexOptions.IgnoreCase)]
    private static partial Regex PointerPhrase();

    // Newsletter and subscription pitches, which ask the reader to act, and their small print.
    [GeneratedRegex(@"^(?:Get (?:the|our)|Sign up (?:for|to)|Subscribe to)\b.{0,80}\b(?:newsletter|briefing|inbox|daily email)\b.*$|^(?:Sign up|Subscribe)(?: now| today| here)?[.!]?$|^Newsletter sign[- ]?up$|^Enter your email(?: address)?(?: here)?[.:]?$|^By (?:signing up|subscribing|clicking [^,]{1,30}), you agree to (?:our|the)\b.{0,120}\b(?:Privacy Policy|Terms)\b.*$|^Thanks? (?:you )?for (?:signing up|subscribing)[.!]?.{0,120}$", RegexOptions.IgnoreCase)]
    private static partial Regex Pitch();

    // "Photo: Jo Smith/Getty Images", "Photograph: Jo Smith/The Guardian", "Image source, Getty Images", "Credit: Reuters", "(Photo by …)", "Getty Images".
    [GeneratedRegex(@"^\(?(?:Photo(?:graph)?|Image|Picture)(?: credit)?s?\s*(?::|/| by)\s*[\w .,'/&-]{2,80}\)?$|^(?:Image source|Image credit|Credit)\s*[,:]\s*[\w .,'/&-]{2,80}$|^(?:[A-Z][\w.'-]*\s?/?\s?){0,6}(?:Getty Images|AFP via Getty Images|Shutterstock|AP Photo)\.?$")]
    private static partial Regex Credit();

    // A share bar's labels, two or more and nothing else: "Share Facebook Twitter Email", "Tweet · Share · Print".
    [GeneratedRegex(@"^(?:(?:Share(?: (?:this|on))?|Tweet|Email|E-mail|Print|Copy link|Save|Facebook|Twitter|X|LinkedIn|WhatsApp|Pinterest|Reddit|Messenger|Flipboard|Telegram|Comments?)\s*[·|•,/]?\s*){2,12}$", RegexOptions.IgnoreCase)]
    private static partial Regex ShareBar();
}
