namespace NewsReader.Core.Extraction.Formats;

/// <summary>What a markup scan found beyond its limits.</summary>
public enum MarkupLimit { None, Depth, Elements }

/// <summary>
/// How deep and how big a source may be, and cheap linear checks made before a parser builds a tree of it.
/// Tree builders pay for depth: AngleSharp looks down its stack of open elements at most start
/// tags (a page of 100,000 nested divs cost 97 s of CPU), and a deep feed item written out with
/// indentation grows with the square of its depth (32,000 nested elements took 4 GB). Articles
/// nest tens of levels deep; the limits are far above that and far below what hurts. Readability
/// (SmartReader) also costs about a third of a millisecond per element, four times over when it
/// finds too little text, so a page's elements are counted too.
/// </summary>
public static class SourceLimits
{
    /// <summary>Elements open at once in an HTML page or fragment, as <see cref="Html"/> counts them.</summary>
    public const int MaxHtmlDepth = 512;

    /// <summary>Elements in an HTML page given to Readability: a long news page has a few thousand, a long encyclopaedia article up to about that many; Readability takes about 10 s of CPU at the limit.</summary>
    public const int MaxHtmlElements = 30_000;

    /// <summary>Elements open at once in a feed's XML (XHTML content included).</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>Objects and arrays open at once in a JSON Feed.</summary>
    public const int MaxJsonDepth = 64;

    // Never open (void), or closed by their next sibling or their parent's end, so they never nest in
    // themselves: not counted, which keeps a page of unclosed <p>s and <li>s at the depth a browser gives it.
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "basefont", "bgsound", "frame", "image",
        "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup",
        "option", "optgroup", "rb", "rt", "rtc", "rp", "a", "nobr", "button", "form",
    };

    // Their content is text up to their end tag: tags in it are not elements.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>
    /// Whether HTML opens more than <paramref name="maxDepth"/> elements at once, else whether it
    /// has more than <paramref name="maxElements"/> start tags. A single pass over
    /// the tags, tokenised as a browser would (quoted attributes, comments, raw text), never
    /// counting less than the tree a parser would build, short of tables (a table row and cell
    /// count once, as their table).
    /// </summary>
    public static MarkupLimit Html(string html, int maxDepth = MaxHtmlDepth, int maxElements = int.MaxValue)
    {
        var open = new List<string>();
        var elements = 0;
        var foreign = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (i + 1 >= html.Length)
            {
                break;
            }
            var next = html[i + 1];
            if (next == '!')
            {
                i = SkipMarkupDeclaration(html, i, foreign > 0);
                continue;
            }
            if (next == '?')
            {
                i = SkipTo(html, ">", i + 2);
                continue;
            }
            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "</>" and "</ x>" are bogus comments up to '>'; "<" before anything else is text.
                i = closing ? SkipTo(html, ">", nameStart) : i + 1;
                continue;
            }
            var nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not ('>' or '/' or ' ' or '\t' or '\n' or '\f' or '\r'))
            {
                nameEnd++;
            }
            var name = html[nameStart..nameEnd];
            (i, var selfClosing) = TagEnd(html, nameEnd);
            if (closing)
            {
                var at = open.FindLastIndex(o => string.Equals(o, name, StringComparison.OrdinalIgnoreCase));
                if (at >= 0)
                {
                    foreign -= open.Skip(at).Count(IsForeignRoot);
                    open.RemoveRange(at, open.Count - at);
                }
                continue;
            }
            if (++elements > maxElements)
            {
                return MarkupLimit.Elements;
            }
            if (NotCounted.Contains(name) || (selfClosing && foreign > 0))
            {
                continue;
            }
            if (foreign == 0 && RawText.Contains(name))
            {
                i = SkipTo(html, "</" + name, i);
                continue;
            }
            if (foreign == 0 && name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
            open.Add(name);
            foreign += IsForeignRoot(name) ? 1 : 0;
            if (open.Count > maxDepth)
            {
                return MarkupLimit.Depth;
            }
        }
        return MarkupLimit.None;
    }

    /// <summary>Whether JSON opens more than <paramref name="max"/> objects and arrays at once (brackets inside strings are text).</summary>
    public static bool JsonExceeds(string json, int max = MaxJsonDepth)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[' && ++depth > max)
            {
                return true;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
        }
        return false;
    }

    private static bool IsForeignRoot(string name) =>
        name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase);

    /// <summary>Past a comment ("&lt;!--" to "--&gt;" or "--!&gt;"), CDATA in SVG or MathML, or a doctype or bogus comment up to '&gt;'.</summary>
    private static int SkipMarkupDeclaration(string html, int at, bool foreign)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var body = at + 4;
            // "<!-->" and "<!--->" end where they start.
            if (string.CompareOrdinal(html, body, ">", 0, 1) == 0)
            {
                return body + 1;
            }
            if (string.CompareOrdinal(html, body, "->", 0, 2) == 0)
            {
                return body + 2;
            }
            var end = html.IndexOf("--", body, StringComparison.Ordinal);
            while (end >= 0)
            {
                if (string.CompareOrdinal(html, end + 2, ">", 0, 1) == 0)
                {
                    return end + 3;
                }
                if (string.CompareOrdinal(html, end + 2, "!>", 0, 2) == 0)
                {
                    return end + 4;
                }
                end = html.IndexOf("--", end + 1, StringComparison.Ordinal);
            }
            return html.Length;
        }
        if (foreign && string.CompareOrdinal(html, at, "<![CDATA[", 0, 9) == 0)
        {
            return SkipTo(html, "]]>", at + 9);
        }
        return SkipTo(html, ">", at + 2);
    }

    /// <summary>The index just past <paramref name="end"/> (case-insensitively) from <paramref name="from"/>, or the end of the text.</summary>
    private static int SkipTo(string html, string end, int from)
    {
        var at = html.IndexOf(end, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html.Length : at + end.Length;
    }

    private enum TagState { BeforeName, Name, AfterName, BeforeValue, UnquotedValue }

    /// <summary>
    /// The index past the '&gt;' that ends a tag whose name ends at <paramref name="from"/>, and
    /// whether it ends "/&gt;". Attributes are read as the HTML tokenizer reads them, so a quote
    /// only hides a '&gt;' when it really opens an attribute value.
    /// </summary>
    private static (int End, bool SelfClosing) TagEnd(string html, int from)
    {
        var state = TagState.BeforeName;
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '>')
            {
                return (i + 1, false);
            }
            var space = c is ' ' or '\t' or '\n' or '\f' or '\r';
            if (c == '/' && state != TagState.UnquotedValue && state != TagState.BeforeValue)
            {
                if (i + 1 < html.Length && html[i + 1] == '>')
                {
                    return (i + 2, true);
                }
                state = TagState.BeforeName;
                continue;
            }
            switch (state)
            {
                case TagState.BeforeName:
                    state = space ? state : TagState.Name;
                    break;
                case TagState.Name:
                    state = space ? TagState.AfterName : c == '=' ? TagState.BeforeValue : state;
                    break;
                case TagState.AfterName:
                    state = space ? state : c == '=' ? TagState.BeforeValue : TagState.Name;
                    break;
                case TagState.BeforeValue when c is '"' or '\'':
                    var close = html.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        return (html.Length, false);
                    }
                    i = close;
                    state = TagState.BeforeName;
                    break;
                case TagState.BeforeValue:
                    state = space ? state : TagState.UnquotedValue;
                    break;
                case TagState.UnquotedValue:
                    state = space ? TagState.BeforeName : state;
                    break;
            }
        }
        return (html.Length, false);
    }
}
