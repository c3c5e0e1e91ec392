namespace NewsReader.Core.Extraction.Formats;

/// <summary>A media type a server may announce a format with, and how much a fetch wants it (the Accept header's q).</summary>
public sealed record AnnouncedType(string Name, double Quality = 1);

/// <summary>
/// One kind of source document ArticleExtractor reads: how it is recognised (by its content,
/// else by its extension), how it is parsed, and the media types that name it on the web.
/// Every format is one entry of <see cref="SourceFormats.All"/>.
/// </summary>
public interface ISourceFormat
{
    /// <summary>A name for people and tests: "HTML", "XML feed", "JSON Feed".</summary>
    string Name { get; }

    /// <summary>File extensions (with the dot) that mean this format when the content says nothing; the first one stands for the format.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Media types a server announces it with; they build the fetcher's Accept header.</summary>
    IReadOnlyList<AnnouncedType> MediaTypes { get; }

    /// <summary>
    /// Whether <paramref name="head"/> (the start of the text, leading white space, byte order
    /// mark and comments removed) unmistakably announces this format.
    /// </summary>
    bool Announces(string head);

    /// <summary>The articles in <paramref name="text"/>; <paramref name="address"/>, when known, is where it was fetched from, the base of its relative links.</summary>
    ExtractionResult Parse(string text, Uri? address);
}
