using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace NewsReader.Web.Reading;

/// <summary>
/// The article's blocks with their highlight marks, written straight to the response: a
/// heading or paragraph per block carrying its offsets, consecutive list items in one list and
/// quote paragraphs in one quote, and nested &lt;mark&gt;s where highlights overlap. Written
/// here rather than in Razor because a long article with a thousand highlights has thousands
/// of segments, and one writer call per piece keeps the page about as fast as a bare one.
/// Text and attribute values go through the page's <see cref="HtmlEncoder"/>; ids are GUIDs
/// and colours come from <c>AnnotationRules.Colors</c>. Blocks that a revision the reader has
/// not seen changed carry <c>data-changed</c> for their margin mark.
/// </summary>
public sealed class ReaderBodyHtml(IReadOnlyList<RenderedBlock> blocks, IReadOnlySet<int>? changedBlockStarts = null) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var kind = block.Block.Kind;
            var tag = kind switch { BlockKind.Heading => "h2", BlockKind.ListItem => "li", _ => "p" };
            var wrapper = kind switch { BlockKind.ListItem => "ul", BlockKind.Quote => "blockquote", _ => null };
            if (wrapper is not null && (b == 0 || blocks[b - 1].Block.Kind != kind))
            {
                writer.Write($"<{wrapper}>");
            }
            var changed = changedBlockStarts?.Contains(block.Block.Start) == true ? " data-changed=\"true\"" : "";
            writer.Write($"<{tag} id=\"block-{block.Block.Start}\" data-start=\"{block.Block.Start}\" data-end=\"{block.Block.End}\"{changed}>");
            foreach (var segment in block.Segments)
            {
                foreach (var mark in segment.Marks)
                {
                    var id = mark.Annotation.Id.ToString();
                    writer.Write("<mark class=\"hl hl-");
                    encoder.Encode(writer, mark.Annotation.Color);
                    writer.Write("\" data-annotation-id=\"");
                    writer.Write(id);
                    writer.Write(mark.IsFirst ? $"\" id=\"annotation-{id}\">" : "\">");
                }
                encoder.Encode(writer, segment.Text);
                for (var i = 0; i < segment.Marks.Count; i++)
                {
                    writer.Write("</mark>");
                }
            }
            writer.Write($"</{tag}>");
            if (wrapper is not null && (b == blocks.Count - 1 || blocks[b + 1].Block.Kind != kind))
            {
                writer.Write($"</{wrapper}>");
            }
        }
    }
}
