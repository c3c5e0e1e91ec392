namespace NewsReader.Core.Extraction;

/// <summary>
/// The one entry point from a source file to articles: decodes the bytes, recognises the
/// format (<see cref="SourceFormats"/>: by sniffing the content, else by extension) and hands
/// the text to that format's parser.
/// </summary>
public static class ArticleExtractor
{
    /// <summary>
    /// The articles in <paramref name="bytes"/>, read from a file named <paramref name="fileName"/>
    /// or fetched from <paramref name="address"/> (the base of relative links).
    /// </summary>
    public static ExtractionResult Extract(ReadOnlySpan<byte> bytes, string fileName, Uri? address = null)
    {
        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.Refusal is not null)
        {
            return ExtractionResult.Refuse(decoded.Refusal);
        }
        var text = decoded.Text!;
        return SourceFormats.Detect(fileName, text).Parse(text, address);
    }
}
