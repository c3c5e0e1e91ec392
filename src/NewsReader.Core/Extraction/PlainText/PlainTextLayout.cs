using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>One paragraph-sized piece of a plain-text source, its lines joined by newlines.</summary>
/// <param name="LineCount">How many source lines it spans: headings and titles are one line.</param>
/// <param name="StandsAlone">True when blank lines (or the start or end) surround it on both sides.</param>
public sealed record LayoutBlock(string Text, int LineCount, bool StandsAlone);

/// <summary>
/// Splits plain text into paragraphs. Blank lines always separate; inside a run of lines a
/// single newline separates only when the layout says so: a line indented deeper than the
/// others starts a paragraph, so does a list item ("- ", "1. "), and lines that each end a
/// sentence are one paragraph each. Hard-wrapped prose (lines cut mid-sentence at a fixed
/// width) is joined.
/// </summary>
public static partial class PlainTextLayout
{
    private const int TabWidth = 4;

    // Hard wraps are at 60-80 columns; runs of shorter lines are lists (fixtures, results).
    private const int MinWrapWidth = 50;

    private const int MaxWrapWidth = 80;

    public static List<LayoutBlock> Split(string source)
    {
        var blocks = new List<LayoutBlock>();
        foreach (var run in BlankLines().Split(Normalize(source)))
        {
            var lines = run.Split('\n').Where(line => line.Trim().Length > 0).ToList();
            var paragraphs = SplitRun(lines);
            blocks.AddRange(paragraphs.Select(p => new LayoutBlock(string.Join('\n', p.Select(l => l.Trim())), p.Count, paragraphs.Count == 1)));
        }
        return blocks;
    }

    /// <summary>CRLF, CR, form feeds and Unicode separators become "\n" line breaks; a byte-order mark goes.</summary>
    public static string Normalize(string source) =>
        source.TrimStart('\uFEFF')
            .Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n')
            .Replace("\f", "\n\n").Replace("\u2029", "\n\n").Replace("\v", "\n");

    /// <summary>
    /// A run of lines without a blank one: bylines and list items are blocks of their own and a
    /// line opening with a dateline starts a paragraph; the prose between is laid out by
    /// <see cref="SplitProse"/>. One pass, so a long run costs no more than its lines.
    /// </summary>
    private static List<List<string>> SplitRun(List<string> lines)
    {
        var paragraphs = new List<List<string>>();
        var prose = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Bylines.IsByline(line) || ListItems.IsItem(line))
            {
                paragraphs.AddRange(SplitProse(prose));
                prose = [];
                var block = new List<string> { line };
                // An item runs on over lines that continue it in lower case.
                while (ListItems.IsItem(line) && i + 1 < lines.Count && !ListItems.IsItem(lines[i + 1]) && ProseSignals.StartsLowercase(lines[i + 1]))
                {
                    block.Add(lines[++i]);
                }
                paragraphs.Add(block);
                continue;
            }
            if (prose.Count > 0 && Datelines.StartsWithDateline(line.Trim()) && !ContinuesWithBracket(prose[^1], line))
            {
                paragraphs.AddRange(SplitProse(prose));
                prose = [];
            }
            prose.Add(line);
        }
        paragraphs.AddRange(SplitProse(prose));
        return paragraphs;
    }

    /// <summary>
    /// "the\n(Tokyo Stock Exchange) trading": a wrapped line that opens with a bracket goes on
    /// with the sentence above when that one stops mid-way (after a comma or a word such as
    /// "the", or the line goes on in lower case after its bracket), so the bracket is no dateline.
    /// </summary>
    private static bool ContinuesWithBracket(string previous, string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('(') || ProseSignals.EndsSentence(previous))
        {
            return false;
        }
        var above = previous.TrimEnd();
        var close = text.IndexOf(')');
        return above.EndsWith(',')
            || ContinuingWords.Contains(ProseSignals.Words(above)[^1])
            || (close > 0 && ProseSignals.StartsLowercase(text[(close + 1)..]));
    }

    // Words a sentence cannot stop on: a line that ends with one was wrapped.
    private static readonly HashSet<string> ContinuingWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but",
        "that", "its", "their", "his", "her", "said", "says", "as", "than", "into",
    };

    private static List<List<string>> SplitProse(List<string> lines)
    {
        if (lines.Count <= 1)
        {
            return lines.Count == 0 ? [] : [lines];
        }
        var indents = lines.Select(Indent).ToList();
        var minIndent = indents.Min();
        if (indents.Any(i => i > minIndent))
        {
            return GroupAt(lines, i => i == 0 || indents[i] > minIndent);
        }
        if (IsHardWrapped(lines))
        {
            return IsLineAbove(lines) ? [[lines[0]], lines[1..]] : [lines];
        }
        return minIndent > 0 || IsOneParagraphPerLine(lines) || IsList(lines) ? GroupAt(lines, _ => true) : [lines];
    }

    // Lines longer than any wrap width that mostly end sentences, or wrap-width lines that all do.
    private static bool IsOneParagraphPerLine(List<string> lines)
    {
        var sentenceEnds = lines.Count(ProseSignals.EndsSentence);
        return (lines.Count(l => l.Trim().Length > MaxWrapWidth) * 2 >= lines.Count && sentenceEnds * 2 >= lines.Count)
            || (Width(lines) >= MinWrapWidth && sentenceEnds == lines.Count);
    }

    // Short lines none of which ends a sentence: fixtures, results, figures.
    private static bool IsList(List<string> lines) =>
        Width(lines) < MinWrapWidth && !lines.Any(ProseSignals.EndsSentence);

    // A short first line without a stop above wrapped prose that starts anew: a headline.
    private static bool IsLineAbove(List<string> lines) =>
        lines.Count > 2
        && lines[0].Trim().Length * 2 < Width(lines)
        && !ProseSignals.EndsSentence(lines[0])
        && !ProseSignals.StartsLowercase(lines[1])
        && IsHardWrapped(lines[1..]);

    /// <summary>
    /// Prose cut at a fixed width: lines that stop mid-sentence where the next goes on in
    /// lower case, after a comma, or near the longest line's width. A short unpunctuated
    /// line (a heading, a title) is not a wrap.
    /// </summary>
    private static bool IsHardWrapped(List<string> lines)
    {
        var width = Width(lines);
        var wraps = 0;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            var line = lines[i].Trim();
            if (!ProseSignals.EndsSentence(line)
                && (ProseSignals.StartsLowercase(lines[i + 1]) || line.EndsWith(',') || line.EndsWith('-') || (width >= MinWrapWidth && line.Length >= width * 3 / 4)))
            {
                wraps++;
            }
        }
        return wraps > 0 && wraps * 3 >= lines.Count - 1;
    }

    private static int Width(List<string> lines) => lines.Max(l => l.Trim().Length);

    private static List<List<string>> GroupAt(List<string> lines, Func<int, bool> startsParagraph)
    {
        var groups = new List<List<string>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (startsParagraph(i))
            {
                groups.Add([]);
            }
            groups[^1].Add(lines[i]);
        }
        return groups;
    }

    private static int Indent(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == '\t')
            {
                width += TabWidth;
            }
            else if (c is ' ' or '\u00A0')
            {
                width++;
            }
            else
            {
                break;
            }
        }
        // One stray space is a typo, not an indent.
        return width < 2 ? 0 : width;
    }

    [GeneratedRegex(@"\n[^\S\n]*\n\s*")]
    private static partial Regex BlankLines();
}
