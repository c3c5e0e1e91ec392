using System.Text;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsReader.Core.Annotations;

/// <summary>
/// A note's Markdown as the plain text a reader sees in the rendered note: emphasis, code and
/// heading syntax gone, links as their text (images as their alt text), each list item and
/// block on its own line. Used for search snippets, where a few lines of text read better than
/// a cut through Markdown syntax. Parsed with <see cref="NoteMarkdown"/>'s own pipeline, so
/// both read a note the same way.
/// </summary>
public static class NotePlainText
{
    public static string ToPlainText(string markdown) => FromMarked(markdown, '\0', '\0');

    /// <summary>
    /// The plain text of a note whose matched words are wrapped in <paramref name="open"/> and
    /// <paramref name="close"/> (FTS5's highlight()), with those words still wrapped. A marker
    /// inside syntax that does not survive (a link's URL) goes with it.
    /// </summary>
    public static string FromMarked(string marked, char open, char close)
    {
        var (source, isMarked) = open == '\0' ? (marked, new bool[marked.Length]) : Unmark(marked, open, close);
        if (NoteMarkdown.TryParse(source) is not { } document)
        {
            // Too deep to parse: the note's own text is its plain text.
            return marked.Trim();
        }
        var writer = new Writer(source, isMarked, open, close);
        try
        {
            foreach (var block in document)
            {
                writer.Block(block);
            }
        }
        catch (Exception e) when (NoteMarkdown.IsTooDeep(e))
        {
            return marked.Trim();
        }
        return writer.ToString();
    }

    // The note without markers, and which of its characters were inside a pair.
    private static (string Source, bool[] IsMarked) Unmark(string marked, char open, char close)
    {
        var source = new StringBuilder(marked.Length);
        var flags = new List<bool>(marked.Length);
        var inside = false;
        foreach (var c in marked)
        {
            if (c == open)
            {
                inside = true;
            }
            else if (c == close)
            {
                inside = false;
            }
            else
            {
                source.Append(c);
                flags.Add(inside);
            }
        }
        return (source.ToString(), flags.ToArray());
    }

    private sealed class Writer(string source, bool[] isMarked, char open, char close)
    {
        private readonly StringBuilder text = new();
        private bool inMark;

        public void Block(Block block)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        NewLine();
                        Plain(list.IsOrdered ? $"{number++}. " : "• ");
                        foreach (var child in item)
                        {
                            // A list item's paragraphs run on; a nested list starts its own lines.
                            if (child is not ListBlock && text.Length > 0 && !EndsWithBulletOrSpace())
                            {
                                Plain(" ");
                            }
                            Block(child);
                        }
                    }
                    NewLine();
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child);
                    }
                    break;
                case LeafBlock { Inline: { } inline } leaf:
                    if (leaf.Parent is not ListItemBlock)
                    {
                        NewLine();
                    }
                    Inlines(inline);
                    if (leaf.Parent is not ListItemBlock)
                    {
                        NewLine();
                    }
                    break;
                case LeafBlock { Lines.Count: > 0 } code:
                    NewLine();
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    {
                        Slice(line.Slice);
                        NewLine();
                    }
                    break;
            }
        }

        private void Inlines(ContainerInline container)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        Slice(literal.Content);
                        break;
                    case CodeInline code:
                        Plain(code.Content);
                        break;
                    case AutolinkInline autolink:
                        Plain(autolink.Url);
                        break;
                    case HtmlEntityInline entity:
                        Plain(entity.Transcoded.ToString());
                        break;
                    case LineBreakInline:
                        Plain(" ");
                        break;
                    case TaskList task:
                        // The space after the box is the text that follows.
                        Plain(task.Checked ? "☑" : "☐");
                        break;
                    case ContainerInline children:
                        // Emphasis, links (their text) and images (their alt text).
                        Inlines(children);
                        break;
                }
            }
        }

        // Text straight from the note, marked where the note was.
        private void Slice(Markdig.Helpers.StringSlice slice)
        {
            var fromSource = ReferenceEquals(slice.Text, source);
            for (var i = slice.Start; i <= slice.End && i < (slice.Text?.Length ?? 0); i++)
            {
                Mark(fromSource && i < isMarked.Length && isMarked[i]);
                text.Append(slice.Text![i]);
            }
        }

        private void Plain(string value)
        {
            Mark(false);
            text.Append(value);
        }

        private void Mark(bool marked)
        {
            if (marked != inMark && open != '\0')
            {
                text.Append(marked ? open : close);
            }
            inMark = marked;
        }

        private void NewLine()
        {
            Mark(false);
            while (text.Length > 0 && text[^1] == ' ')
            {
                text.Length--;
            }
            if (text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }
        }

        private bool EndsWithBulletOrSpace() => text.Length > 0 && (text[^1] == ' ' || text[^1] == '\n');

        public override string ToString()
        {
            Mark(false);
            return text.ToString().Trim();
        }
    }
}
