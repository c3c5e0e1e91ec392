namespace NewsReader.Core.Anchoring;

/// <summary>Apache Annotator's options for <see cref="QuoteDescriber.DescribeUnambiguous(string, int, int, DescribeOptions?)"/>.</summary>
/// <param name="MinimalContext">Only as much prefix/suffix as disambiguation needs, and no rounding out to whole words.</param>
/// <param name="MinimumQuoteLength">Pad prefix and suffix until prefix + exact + suffix has at least this many code points.</param>
/// <param name="MaxWordLength">Give up rounding context out to a word boundary after this many code points.</param>
public sealed record DescribeOptions(bool MinimalContext = false, int MinimumQuoteLength = 0, int MaxWordLength = 50);

/// <summary>
/// Turns a range of text into a <see cref="TextQuoteSelector"/>: either with fixed-size
/// context, as Hypothesis stores it, or with the shortest context that makes the quote
/// unambiguous, as Apache Annotator's <c>describeTextQuote</c> does.
/// </summary>
public static class QuoteDescriber
{
    /// <summary>The context Hypothesis stores on each side of a quote, in code points.</summary>
    public const int DefaultContextLength = 32;

    /// <summary>
    /// The quote with at most <see cref="DefaultContextLength"/> code points of context each
    /// side: context beyond what a selector stores adds nothing to a match but costs a fuzzy
    /// comparison per candidate, so a caller cannot make anchoring expensive with it.
    /// </summary>
    public static TextQuoteSelector WithAnchoringContext(TextQuoteSelector quote) => quote with
    {
        Prefix = TextShortener.LastCodePoints(quote.Prefix, DefaultContextLength),
        Suffix = TextShortener.FirstCodePoints(quote.Suffix, DefaultContextLength),
    };

    /// <summary>
    /// The quote at code points [<paramref name="start"/>, <paramref name="end"/>) with up to
    /// <paramref name="contextLength"/> code points of context on each side (less at the text's edges).
    /// </summary>
    public static TextQuoteSelector Describe(string text, int start, int end, int contextLength = DefaultContextLength) =>
        Describe(new CodePointText(text), start, end, contextLength);

    /// <inheritdoc cref="Describe(string, int, int, int)"/>
    public static TextQuoteSelector Describe(CodePointText text, int start, int end, int contextLength = DefaultContextLength)
    {
        CheckRange(text, start, end);
        ArgumentOutOfRangeException.ThrowIfNegative(contextLength);
        return new TextQuoteSelector(
            text.Slice(start, end),
            text.Slice(Math.Max(0, start - contextLength), start),
            text.Slice(end, Math.Min(text.Length, end + contextLength)));
    }

    /// <summary>
    /// The selector for code points [<paramref name="start"/>, <paramref name="end"/>) whose exact
    /// matches (see <see cref="ExactQuoteMatcher"/>) are that range alone, with Apache Annotator's
    /// rules: by default context is rounded out to whole words and grown on both sides at each
    /// ambiguity, for robustness; with <see cref="DescribeOptions.MinimalContext"/> only the shorter
    /// side grows, one distinguishing character at a time.
    /// </summary>
    public static TextQuoteSelector DescribeUnambiguous(string text, int start, int end, DescribeOptions? options = null) =>
        DescribeUnambiguous(new CodePointText(text), start, end, options);

    /// <inheritdoc cref="DescribeUnambiguous(string, int, int, DescribeOptions?)"/>
    public static TextQuoteSelector DescribeUnambiguous(CodePointText text, int start, int end, DescribeOptions? options = null)
    {
        CheckRange(text, start, end);
        options ??= new DescribeOptions();
        var points = text.Points;
        int prefixLength = 0;
        int suffixLength = 0;
        int exactLength = end - start;
        int QuoteLength() => prefixLength + exactLength + suffixLength;

        if (QuoteLength() < options.MinimumQuoteLength)
        {
            // Half the shortfall goes before the quote, the rest after; whichever side hits an
            // edge of the text hands its remainder to the other.
            prefixLength += Math.Min((options.MinimumQuoteLength - QuoteLength()) / 2, start - prefixLength);
            if (QuoteLength() < options.MinimumQuoteLength)
            {
                suffixLength += Math.Min(options.MinimumQuoteLength - QuoteLength(), text.Length - end - suffixLength);
                if (QuoteLength() < options.MinimumQuoteLength)
                {
                    prefixLength += Math.Min(options.MinimumQuoteLength - QuoteLength(), start - prefixLength);
                }
            }
        }

        if (!options.MinimalContext)
        {
            prefixLength += WordRemainder(points, start - prefixLength, -1, options.MaxWordLength);
            suffixLength += WordRemainder(points, end + suffixLength, +1, options.MaxWordLength);
        }

        while (true)
        {
            var selector = new TextQuoteSelector(
                text.Slice(start, end),
                text.Slice(start - prefixLength, start),
                text.Slice(end, end + suffixLength));
            var unintended = ExactQuoteMatcher.FindAll(text, selector)
                .FirstOrDefault(m => m.Start != start || m.End != end);
            if (unintended is null) return selector;

            // How much more context tells the target from this match, on either side.
            int? extraPrefix = LengthUntilDifferent(points, start - prefixLength, unintended.Start - prefixLength, -1);
            if (extraPrefix is int p && !options.MinimalContext)
                extraPrefix = p + WordRemainder(points, start - prefixLength - p, -1, options.MaxWordLength);
            int? extraSuffix = LengthUntilDifferent(points, end + suffixLength, unintended.End + suffixLength, +1);
            if (extraSuffix is int s && !options.MinimalContext)
                extraSuffix = s + WordRemainder(points, end + suffixLength + s, +1, options.MaxWordLength);

            if (extraPrefix is null && extraSuffix is null)
            {
                // Two distinct ranges with the same text cannot both reach both ends of the text.
                throw new InvalidOperationException("The target cannot be told apart from another match.");
            }
            if (options.MinimalContext)
            {
                if (extraPrefix is int prefixOnly && (extraSuffix is null || prefixOnly <= extraSuffix)) prefixLength += prefixOnly;
                else suffixLength += extraSuffix!.Value;
            }
            else
            {
                prefixLength += extraPrefix ?? 0;
                suffixLength += extraSuffix ?? 0;
            }
        }
    }

    /// <summary>
    /// Reads from <paramref name="target"/> in <paramref name="direction"/> until the symbol read
    /// differs from the one read at <paramref name="other"/>; returns how many were read, or null
    /// when the target side runs out of text first (more context there cannot help).
    /// </summary>
    private static int? LengthUntilDifferent(ReadOnlySpan<int> points, int target, int other, int direction)
    {
        for (int count = 1; ; count++)
        {
            int t = direction < 0 ? target - count : target + count - 1;
            if (t < 0 || t >= points.Length) return null;
            int o = direction < 0 ? other - count : other + count - 1;
            if (o < 0 || o >= points.Length || points[t] != points[o]) return count;
        }
    }

    /// <summary>How many non-whitespace code points follow <paramref name="from"/> in <paramref name="direction"/>, up to <paramref name="limit"/>.</summary>
    private static int WordRemainder(ReadOnlySpan<int> points, int from, int direction, int limit)
    {
        int count = 0;
        while (count < limit)
        {
            int i = direction < 0 ? from - count - 1 : from + count;
            if (i < 0 || i >= points.Length || IsWhitespace(points[i])) break;
            count++;
        }
        return count;
    }

    // JavaScript's \s, which Apache uses: Unicode white space plus the byte order mark.
    private static bool IsWhitespace(int codePoint) =>
        codePoint <= 0xFFFF && (char.IsWhiteSpace((char)codePoint) || codePoint == 0xFEFF);

    private static void CheckRange(CodePointText text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
    }
}
