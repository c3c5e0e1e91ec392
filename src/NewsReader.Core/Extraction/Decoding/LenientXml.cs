using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.Decoding;

/// <summary>
/// Makes feed XML as real sites serve it readable by a strict parser, as feed readers do,
/// without ever reading a DTD: white space or a byte order mark before the declaration is
/// dropped, HTML's named entities (<c>&amp;nbsp;</c>, <c>&amp;eacute;</c>) become character
/// references, and an ampersand that starts no reference is escaped. A document that declares
/// its own entities is refused: they are never expanded, so none can reach a file or the
/// network, nor grow without bound.
/// </summary>
public static partial class LenientXml
{
    /// <summary>The text ready for XmlReader, or why it will not be read.</summary>
    public static (string? Xml, string? Refusal) Prepare(string xml)
    {
        var text = xml.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (EntityDeclaration().IsMatch(text.Length > 8192 ? text[..8192] : text))
        {
            return (null, "the feed declares its own entities in a DTD, which are never read");
        }
        return (References().Replace(text, Fix), null);
    }

    private static string Fix(Match match)
    {
        if (match.Groups["name"] is not { Success: true } name)
        {
            // CDATA, comments, numeric references and XML's own five entities stay as they are.
            return match.Value.StartsWith('&') && !match.Value.EndsWith(';') ? "&amp;" + match.Value[1..] : match.Value;
        }
        var decoded = WebUtility.HtmlDecode(match.Value);
        if (decoded == match.Value)
        {
            // Not an HTML entity either: kept as the text it is.
            return "&amp;" + match.Value[1..];
        }
        var references = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            references.Append("&#").Append(rune.Value).Append(';');
        }
        return references.ToString();
    }

    [GeneratedRegex(@"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", RegexOptions.IgnoreCase)]
    private static partial Regex EntityDeclaration();

    // One pass over the text: sections where & means nothing, then every ampersand.
    [GeneratedRegex(@"<!\[CDATA\[.*?\]\]>|<!--.*?-->|&(?:#[0-9]+;|#x[0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);|(?<name>[A-Za-z][A-Za-z0-9]{1,31});)?", RegexOptions.Singleline)]
    private static partial Regex References();
}
