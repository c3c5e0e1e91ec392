namespace NewsReader.Core.Anchoring;

/// <summary>A match of a pattern in a text: code point range [Start, End) and its edit distance to the pattern.</summary>
public readonly record struct ApproximateMatch(int Start, int End, int Errors);

/// <summary>
/// Approximate substring search by edit distance (insertions, deletions and substitutions
/// each cost one), using Myers' 1999 bit-parallel algorithm with 64-bit blocks and
/// Ukkonen's cut-off, so a long pattern costs about (errors allowed / 64) words per text
/// symbol rather than (pattern length / 64). This follows robertknight/approx-string-match:
/// match ends come from a forward scan, starts from a second scan of the reversed window.
/// The string overloads work on Unicode code points; the span overloads work on whatever
/// symbols they are given (UTF-16 units, code points).
/// </summary>
public static class ApproximateMatcher
{
    private const int W = 64;

    /// <summary>
    /// The matches with the fewest errors (at most <paramref name="maxErrors"/>), one per end
    /// position, in text order, as approx-string-match's <c>search</c> returns them.
    /// Empty when the text or pattern is empty or nothing is close enough.
    /// </summary>
    public static IReadOnlyList<ApproximateMatch> Search(string text, string pattern, int maxErrors) =>
        Search(CodePoints.ToArray(text), CodePoints.ToArray(pattern), maxErrors);

    /// <inheritdoc cref="Search(string, string, int)"/>
    public static IReadOnlyList<ApproximateMatch> Search(ReadOnlySpan<int> text, ReadOnlySpan<int> pattern, int maxErrors) =>
        Run(text, pattern, maxErrors, bestOnly: true);

    /// <summary>
    /// Every end position where the pattern matches with at most <paramref name="maxErrors"/>
    /// errors (not only the best ones), each with the start that makes the match longest.
    /// </summary>
    public static IReadOnlyList<ApproximateMatch> SearchAll(ReadOnlySpan<int> text, ReadOnlySpan<int> pattern, int maxErrors) =>
        Run(text, pattern, maxErrors, bestOnly: false);

    /// <summary>
    /// The smallest edit distance between the pattern and any substring of the text;
    /// the pattern length when the text is empty (everything must be inserted).
    /// </summary>
    public static int MinimumErrors(ReadOnlySpan<int> text, ReadOnlySpan<int> pattern)
    {
        if (pattern.IsEmpty) return 0;
        if (text.IsEmpty) return pattern.Length;
        if (text.IndexOf(pattern) >= 0) return 0;
        var masks = new PatternMasks(pattern);
        int best = pattern.Length;
        Scan(text, masks, pattern.Length, anchored: false, (_, errors) =>
        {
            best = Math.Min(best, errors);
            return best;
        });
        return best;
    }

    private static List<ApproximateMatch> Run(ReadOnlySpan<int> text, ReadOnlySpan<int> pattern, int maxErrors, bool bestOnly)
    {
        var matches = new List<ApproximateMatch>();
        if (pattern.IsEmpty || text.IsEmpty || maxErrors < 0) return matches;
        maxErrors = Math.Min(maxErrors, pattern.Length);

        var masks = new PatternMasks(pattern);
        var ends = new List<(int End, int Errors)>();
        Scan(text, masks, maxErrors, anchored: false, (end, errors) =>
        {
            if (bestOnly)
            {
                // Keep only the best so far and tighten the bound, as approx-string-match does:
                // later scans then cut off earlier, and worse candidates never reach scoring.
                if (ends.Count > 0 && errors < ends[0].Errors) ends.Clear();
                ends.Add((end, errors));
                return errors;
            }
            ends.Add((end, errors));
            return maxErrors;
        });

        if (ends.Count == 0) return matches;
        var reversedPattern = pattern.ToArray();
        Array.Reverse(reversedPattern);
        var reversedMasks = new PatternMasks(reversedPattern);
        foreach (var (end, errors) in ends)
        {
            matches.Add(new ApproximateMatch(FindStart(text, end, errors, pattern.Length, reversedMasks), end, errors));
        }
        return matches;
    }

    /// <summary>
    /// Finds where a match ending at <paramref name="end"/> with <paramref name="errors"/> errors
    /// starts: the reversed pattern is aligned against the reversed text before the end, anchored
    /// at the end (the top row of the matrix grows by one per symbol), and the longest window whose
    /// distance equals the error count wins.
    /// </summary>
    private static int FindStart(ReadOnlySpan<int> text, int end, int errors, int patternLength, PatternMasks reversedMasks)
    {
        int minStart = Math.Max(0, end - patternLength - errors);
        var window = text[minStart..end].ToArray();
        Array.Reverse(window);
        int longest = 0;
        Scan(window, reversedMasks, errors, anchored: true, (reversedEnd, distance) =>
        {
            if (distance == errors) longest = reversedEnd;
            return errors;
        });
        return end - longest;
    }

    /// <summary>
    /// The forward scan. <paramref name="report"/> receives (end, errors) for each text position
    /// where the last pattern row is within the bound, and returns the bound to use from then on.
    /// When <paramref name="anchored"/> the alignment must start at text position 0.
    /// </summary>
    private static void Scan(ReadOnlySpan<int> text, PatternMasks masks, int maxErrors, bool anchored, Func<int, int, int> report)
    {
        int m = masks.Length;
        int bMax = masks.Blocks - 1;
        var pv = new ulong[bMax + 1];
        var mv = new ulong[bMax + 1];
        var score = new int[bMax + 1];
        var lastRowMask = masks.LastRowMask;

        // Anchored alignments are short (pattern + errors) and their top row keeps growing, which the
        // cut-off does not model, so they keep every block active.
        int y = anchored ? bMax : Math.Max(0, (maxErrors + W - 1) / W - 1);
        for (int b = 0; b <= y; b++)
        {
            pv[b] = ulong.MaxValue;
            mv[b] = 0;
            score[b] = (b + 1) * W;
        }
        score[bMax] = m;

        for (int j = 0; j < text.Length; j++)
        {
            var peq = masks.For(text[j]);
            int carry = anchored ? 1 : 0;
            for (int b = 0; b <= y; b++)
            {
                carry = AdvanceBlock(pv, mv, peq, lastRowMask, b, carry);
                score[b] += carry;
            }

            if (!anchored)
            {
                if (score[y] - carry <= maxErrors && y < bMax && ((peq[y + 1] & 1) != 0 || carry < 0))
                {
                    // The block below may now hold a cell within the bound: start it as if its
                    // previous column rose by one per row (those cells were out of bounds anyway).
                    y++;
                    pv[y] = ulong.MaxValue;
                    mv[y] = 0;
                    int blockHeight = y == bMax ? m - bMax * W : W;
                    score[y] = score[y - 1] + blockHeight - carry + AdvanceBlock(pv, mv, peq, lastRowMask, y, carry);
                }
                else
                {
                    while (y > 0 && score[y] >= maxErrors + W) y--;
                }
            }

            if (y == bMax && score[y] <= maxErrors)
            {
                maxErrors = report(j + 1, score[y]);
            }
        }
    }

    /// <summary>One step of Myers' recurrence for block <paramref name="b"/>; returns the horizontal delta at its last row.</summary>
    private static int AdvanceBlock(ulong[] pvs, ulong[] mvs, ReadOnlySpan<ulong> peq, ulong[] lastRowMask, int b, int hIn)
    {
        ulong pv = pvs[b];
        ulong mv = mvs[b];
        ulong hInNegative = hIn < 0 ? 1UL : 0UL;
        ulong eq = peq[b] | hInNegative;
        ulong xv = eq | mv;
        ulong xh = (((eq & pv) + pv) ^ pv) | eq;
        ulong ph = mv | ~(xh | pv);
        ulong mh = pv & xh;
        int hOut = ((ph & lastRowMask[b]) != 0 ? 1 : 0) - ((mh & lastRowMask[b]) != 0 ? 1 : 0);
        ph = (ph << 1) | (hIn > 0 ? 1UL : 0UL);
        mh = (mh << 1) | hInNegative;
        pvs[b] = mh | ~(xv | ph);
        mvs[b] = ph & xv;
        return hOut;
    }

    /// <summary>Per-symbol match bit vectors of a pattern, one ulong per 64-row block.</summary>
    private sealed class PatternMasks
    {
        private readonly ulong[] _vectors;
        private readonly int[] _smallSymbols = new int[256];
        private readonly Dictionary<int, int>? _otherSymbols;

        public PatternMasks(ReadOnlySpan<int> pattern)
        {
            Length = pattern.Length;
            Blocks = (pattern.Length + W - 1) / W;
            LastRowMask = new ulong[Blocks];
            Array.Fill(LastRowMask, 1UL << (W - 1));
            LastRowMask[Blocks - 1] = 1UL << ((pattern.Length - 1) % W);

            // Row 0 of _vectors stays zero: the vector of every symbol absent from the pattern.
            var index = new Dictionary<int, int>();
            foreach (int symbol in pattern)
            {
                if (!index.ContainsKey(symbol)) index[symbol] = index.Count + 1;
            }
            _vectors = new ulong[(index.Count + 1) * Blocks];
            for (int i = 0; i < pattern.Length; i++)
            {
                _vectors[index[pattern[i]] * Blocks + i / W] |= 1UL << (i % W);
            }
            foreach (var (symbol, row) in index)
            {
                if ((uint)symbol < 256) _smallSymbols[symbol] = row;
                else (_otherSymbols ??= new())[symbol] = row;
            }
        }

        public int Length { get; }
        public int Blocks { get; }
        public ulong[] LastRowMask { get; }

        public ReadOnlySpan<ulong> For(int symbol)
        {
            int row = (uint)symbol < 256 ? _smallSymbols[symbol]
                : _otherSymbols is not null && _otherSymbols.TryGetValue(symbol, out int r) ? r : 0;
            return _vectors.AsSpan(row * Blocks, Blocks);
        }
    }
}
