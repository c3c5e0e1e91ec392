using System.Net;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction;

/// <summary>
/// Entities left in text after its format's own decoding: feeds and pages that escape their
/// markup twice (<c>&amp;amp;quot;</c>, <c>&amp;amp;#039;</c>) leave <c>&amp;quot;</c> in a title
/// once the XML or HTML parser is done. They are decoded here, once; a name no HTML entity has
/// stays as written.
/// </summary>
public static partial class LeftoverEntities
{
    public static string Decode(string text) =>
        text.Contains('&') ? Reference().Replace(text, m => WebUtility.HtmlDecode(m.Value)) : text;

    [GeneratedRegex(@"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Reference();
}
