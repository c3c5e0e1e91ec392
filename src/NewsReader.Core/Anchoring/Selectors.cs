namespace NewsReader.Core.Anchoring;

/// <summary>
/// A W3C Web Annotation TextQuoteSelector: the quoted text plus the text just
/// before and after it, so a highlight can be found again after the text changes.
/// An empty <see cref="Prefix"/> or <see cref="Suffix"/> means "no context on that side".
/// </summary>
public sealed record TextQuoteSelector(string Exact, string Prefix, string Suffix)
{
    /// <summary>A selector with no context on either side.</summary>
    public TextQuoteSelector(string exact) : this(exact, "", "") { }
}

/// <summary>
/// A W3C Web Annotation TextPositionSelector. <see cref="Start"/> (inclusive) and
/// <see cref="End"/> (exclusive) count Unicode code points, as the W3C character
/// model and Apache Annotator do; use <see cref="CodePoints"/> to convert from the
/// UTF-16 offsets that browsers report.
/// </summary>
public sealed record TextPositionSelector(int Start, int End);
