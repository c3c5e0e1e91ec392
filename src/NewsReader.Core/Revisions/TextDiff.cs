using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace NewsReader.Core.Revisions;

/// <summary>What a piece of a diff does: kept, added by the new text, or removed from the old.</summary>
public enum DiffOpKind
{
    Equal,
    Insert,
    Delete,
}

/// <summary>
/// One piece of a diff. <see cref="OldStart"/> and <see cref="NewStart"/> are code-point offsets
/// where the piece starts in the old and the new text (for an insertion, where it goes in the
/// old text; for a deletion, where it was in the new one).
/// </summary>
public sealed record DiffOp(DiffOpKind Op, string Text, int OldStart, int NewStart, int Length)
{
    public int OldEnd => Op == DiffOpKind.Insert ? OldStart : OldStart + Length;

    public int NewEnd => Op == DiffOpKind.Delete ? NewStart : NewStart + Length;
}

/// <summary>
/// A word-level diff of two canonical texts: DiffPlex's Myers diff on words, runs of white
/// space and single punctuation marks, then the semantic clean-up of diff-match-patch (an
/// equality no longer than the edits on both sides is folded into them), so that a rewritten
/// sentence reads as one replacement rather than a scatter of shared spaces and "the"s, and
/// so that re-anchoring does not take a stray shared word for a surviving passage.
/// Offsets are code points, like every range of a canonical text.
/// </summary>
public static class TextDiff
{
    /// <summary>The pieces that turn <paramref name="oldText"/> into <paramref name="newText"/>, in text order; deletions before insertions.</summary>
    public static IReadOnlyList<DiffOp> Compute(string oldText, string newText) => Compute(oldText, newText, semantic: true);

    /// <summary>
    /// As <see cref="Compute(string, string)"/>; with <paramref name="semantic"/> false the small
    /// equalities are kept, so every shared word stays aligned (what re-anchoring needs at a
    /// replacement's edges), at the cost of a noisier diff to read.
    /// </summary>
    public static IReadOnlyList<DiffOp> Compute(string oldText, string newText, bool semantic)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText)
        {
            return oldText.Length == 0 ? [] : [new DiffOp(DiffOpKind.Equal, oldText, 0, 0, CodePointLength(oldText))];
        }
        if (!semantic)
        {
            return WordAligned(oldText, newText);
        }
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordTokenChunker.Instance);
        var oldTokens = result.PiecesOld;
        var newTokens = result.PiecesNew;

        // Hunks in token indexes, with the equalities between them implied.
        var hunks = result.DiffBlocks
            .Select(b => new Hunk(b.DeleteStartA, b.DeleteStartA + b.DeleteCountA, b.InsertStartB, b.InsertStartB + b.InsertCountB))
            .ToList();
        var oldLengths = PrefixLengths(oldTokens);
        var newLengths = PrefixLengths(newTokens);
        if (semantic) hunks = FoldSmallEqualities(hunks, oldLengths, newLengths);

        var ops = new List<DiffOp>();
        int oldAt = 0, newAt = 0;
        foreach (var hunk in hunks)
        {
            AddEqual(ops, oldTokens, oldAt, hunk.OldStart, oldLengths, newLengths[newAt]);
            if (hunk.OldEnd > hunk.OldStart)
            {
                ops.Add(new DiffOp(DiffOpKind.Delete, Join(oldTokens, hunk.OldStart, hunk.OldEnd), oldLengths[hunk.OldStart], newLengths[hunk.NewStart],
                    oldLengths[hunk.OldEnd] - oldLengths[hunk.OldStart]));
            }
            if (hunk.NewEnd > hunk.NewStart)
            {
                ops.Add(new DiffOp(DiffOpKind.Insert, Join(newTokens, hunk.NewStart, hunk.NewEnd), oldLengths[hunk.OldEnd], newLengths[hunk.NewStart],
                    newLengths[hunk.NewEnd] - newLengths[hunk.NewStart]));
            }
            oldAt = hunk.OldEnd;
            newAt = hunk.NewEnd;
        }
        AddEqual(ops, oldTokens, oldAt, oldTokens.Count, oldLengths, newLengths[newAt]);
        return ops;
    }

    /// <summary>
    /// The word-for-word diff: the longest common subsequence of words alone, then the text
    /// between two aligned words (spaces, punctuation, the words no side kept) compared token by
    /// token, its common first and last tokens kept. Aligning spaces and full stops too, as the
    /// token diff does, lets a tie between "delete four words" and "replace four words by the four
    /// that follow them" go either way; the second reading puts a highlight on its neighbours' words.
    /// </summary>
    private static List<DiffOp> WordAligned(string oldText, string newText)
    {
        var oldWords = WordSpans(oldText);
        var newWords = WordSpans(newText);
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordsOnlyChunker.Instance);
        var ops = new List<Piece>();
        var oldPoints = CodePoints.ToArray(oldText);
        var newPoints = CodePoints.ToArray(newText);
        int oldAt = 0, newAt = 0, i = 0, j = 0;
        void Aligned(int toWord, int toNewWord)
        {
            for (; i < toWord && j < toNewWord; i++, j++)
            {
                Gap(ops, oldPoints, newPoints, oldAt, oldWords[i].Start, newAt, newWords[j].Start);
                Add(ops, DiffOpKind.Equal, oldWords[i].Start, oldWords[i].End, newWords[j].Start);
                (oldAt, newAt) = (oldWords[i].End, newWords[j].End);
            }
        }
        var hunks = result.DiffBlocks
            .Select(b => new Hunk(b.DeleteStartA, b.DeleteStartA + b.DeleteCountA, b.InsertStartB, b.InsertStartB + b.InsertCountB))
            .ToList();
        foreach (var hunk in Compact(hunks, oldWords, newWords))
        {
            Aligned(hunk.OldStart, hunk.NewStart);
            (i, j) = (hunk.OldEnd, hunk.NewEnd);
        }
        Aligned(oldWords.Count, newWords.Count);
        Gap(ops, oldPoints, newPoints, oldAt, oldPoints.Length, newAt, newPoints.Length);
        return ops.Select(p => new DiffOp(p.Op, CodePoints.FromCodePoints((p.Op == DiffOpKind.Insert ? newPoints : oldPoints).AsSpan(p.Start, p.Length)),
            p.Op == DiffOpKind.Insert ? p.Other : p.Start, p.Op == DiffOpKind.Insert ? p.Start : p.Other, p.Length)).ToList();
    }

    /// <summary>A diff op before its text is cut: Start and Length in the old text (the new one for an insertion), Other where it is in the other text.</summary>
    private readonly record struct Piece(DiffOpKind Op, int Start, int Length, int Other)
    {
        public int End => Start + Length;
    }

    /// <summary>
    /// Of the alignments with as many shared words, prefers the one with fewer edits, as git's
    /// diff compaction does: a pure insertion whose first words repeat the words kept after it
    /// slides past them and joins the next edit. Words pasted in before "… of spring council"
    /// that end in "… of spring" are then one insertion after the old "spring", not an insertion
    /// that takes the old words' place with the old "spring" aligned to the pasted copy
    /// (a highlight on it would start on the pasted words). Deletions likewise.
    /// </summary>
    private static List<Hunk> Compact(List<Hunk> hunks, List<Span> oldWords, List<Span> newWords)
    {
        var compacted = new List<Hunk>(hunks.Count);
        for (int k = 0; k < hunks.Count; k++)
        {
            var hunk = hunks[k];
            while (k + 1 < hunks.Count)
            {
                var next = hunks[k + 1];
                int gap = next.OldStart - hunk.OldEnd;
                bool insertion = hunk.OldStart == hunk.OldEnd, deletion = hunk.NewStart == hunk.NewEnd;
                bool slides = insertion
                    ? gap <= hunk.NewEnd - hunk.NewStart && Same(newWords, hunk.NewStart, newWords, hunk.NewEnd, gap)
                    : deletion && gap <= hunk.OldEnd - hunk.OldStart && Same(oldWords, hunk.OldStart, oldWords, hunk.OldEnd, gap);
                if (!slides) break;
                hunk = insertion
                    ? new Hunk(next.OldStart, next.OldEnd, hunk.NewStart + gap, next.NewEnd)
                    : new Hunk(hunk.OldStart + gap, next.OldEnd, next.NewStart, next.NewEnd);
                k++;
            }
            compacted.Add(hunk);
        }
        return compacted;
    }

    private static bool Same(List<Span> a, int aStart, List<Span> b, int bStart, int count)
    {
        for (int k = 0; k < count; k++)
        {
            if (a[aStart + k].Text != b[bStart + k].Text) return false;
        }
        return true;
    }

    /// <summary>The ops for old [oldStart, oldEnd) becoming new [newStart, newEnd): common first and last tokens equal, the rest deleted and inserted.</summary>
    private static void Gap(List<Piece> ops, int[] oldPoints, int[] newPoints, int oldStart, int oldEnd, int newStart, int newEnd)
    {
        // Most gaps are one space on both sides.
        if (oldPoints.AsSpan(oldStart, oldEnd - oldStart).SequenceEqual(newPoints.AsSpan(newStart, newEnd - newStart)))
        {
            Add(ops, DiffOpKind.Equal, oldStart, oldEnd, newStart);
            return;
        }
        var oldTokens = Tokens(oldPoints, oldStart, oldEnd);
        var newTokens = Tokens(newPoints, newStart, newEnd);
        int head = 0;
        while (head < oldTokens.Count && head < newTokens.Count && oldTokens[head].Text == newTokens[head].Text) head++;
        int tail = 0;
        while (tail < oldTokens.Count - head && tail < newTokens.Count - head && oldTokens[^(tail + 1)].Text == newTokens[^(tail + 1)].Text) tail++;
        int oldHeadEnd = head == 0 ? oldStart : oldTokens[head - 1].End;
        int newHeadEnd = head == 0 ? newStart : newTokens[head - 1].End;
        int oldTailStart = tail == 0 ? oldEnd : oldTokens[^tail].Start;
        int newTailStart = tail == 0 ? newEnd : newTokens[^tail].Start;
        Add(ops, DiffOpKind.Equal, oldStart, oldHeadEnd, newStart);
        Add(ops, DiffOpKind.Delete, oldHeadEnd, oldTailStart, newHeadEnd);
        if (newTailStart > newHeadEnd)
        {
            ops.Add(new Piece(DiffOpKind.Insert, newHeadEnd, newTailStart - newHeadEnd, oldTailStart));
        }
        Add(ops, DiffOpKind.Equal, oldTailStart, oldEnd, newTailStart);
    }

    /// <summary>Appends an equality or a deletion of old [start, end), joined to the previous op when that is one of the same kind.</summary>
    private static void Add(List<Piece> ops, DiffOpKind kind, int start, int end, int newStart)
    {
        if (end <= start) return;
        if (ops.Count > 0 && ops[^1].Op == kind && ops[^1].End == start)
        {
            ops[^1] = ops[^1] with { Length = ops[^1].Length + (end - start) };
            return;
        }
        ops.Add(new Piece(kind, start, end - start, newStart));
    }

    private readonly record struct Span(string Text, int Start, int End);

    /// <summary>The tokens of <see cref="WordTokenChunker"/> in [start, end) of a text's code points, with their offsets.</summary>
    private static List<Span> Tokens(int[] points, int start, int end)
    {
        var spans = new List<Span>();
        if (end <= start) return spans;
        int at = start;
        foreach (var token in WordTokenChunker.Instance.Chunk(CodePoints.FromCodePoints(points.AsSpan(start, end - start))))
        {
            int length = CodePointLength(token);
            spans.Add(new Span(token, at, at + length));
            at += length;
        }
        return spans;
    }

    /// <summary>The words of a text (as <see cref="WordsOnlyChunker"/> cuts it) with their code-point offsets.</summary>
    private static List<Span> WordSpans(string text)
    {
        var spans = new List<Span>();
        int at = 0;
        foreach (var token in WordTokenChunker.Instance.Chunk(text))
        {
            int length = CodePointLength(token);
            if (WordTokenChunker.IsWord(token)) spans.Add(new Span(token, at, at + length));
            at += length;
        }
        return spans;
    }

    /// <summary>The words of <see cref="WordTokenChunker"/> alone: what the word-for-word diff aligns.</summary>
    private sealed class WordsOnlyChunker : IChunker
    {
        public static WordsOnlyChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text) => [.. WordTokenChunker.Instance.Chunk(text).Where(WordTokenChunker.IsWord)];
    }

    /// <summary>
    /// The semantic clean-up of <see cref="Compute(string, string)"/> applied to a diff already
    /// made (the word-for-word one of the same two texts), so that re-anchoring, which needs both,
    /// runs Myers' diff once.
    /// </summary>
    public static IReadOnlyList<DiffOp> Folded(IReadOnlyList<DiffOp> diff, CodePointText oldText, CodePointText newText)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        var hunks = new List<Hunk>();
        foreach (var op in diff)
        {
            if (op.Op == DiffOpKind.Equal) continue;
            if (hunks.Count > 0 && hunks[^1].OldEnd == op.OldStart && hunks[^1].NewEnd == op.NewStart)
            {
                hunks[^1] = hunks[^1] with { OldEnd = op.OldEnd, NewEnd = op.NewEnd };
            }
            else
            {
                hunks.Add(new Hunk(op.OldStart, op.OldEnd, op.NewStart, op.NewEnd));
            }
        }
        hunks = Fold(hunks, (previous, next) => next.OldStart - previous.OldEnd, h => Math.Max(h.OldEnd - h.OldStart, h.NewEnd - h.NewStart));
        var ops = new List<DiffOp>();
        int oldAt = 0, newAt = 0;
        foreach (var hunk in hunks)
        {
            if (hunk.OldStart > oldAt) ops.Add(new DiffOp(DiffOpKind.Equal, oldText.Slice(oldAt, hunk.OldStart), oldAt, newAt, hunk.OldStart - oldAt));
            if (hunk.OldEnd > hunk.OldStart) ops.Add(new DiffOp(DiffOpKind.Delete, oldText.Slice(hunk.OldStart, hunk.OldEnd), hunk.OldStart, hunk.NewStart, hunk.OldEnd - hunk.OldStart));
            if (hunk.NewEnd > hunk.NewStart) ops.Add(new DiffOp(DiffOpKind.Insert, newText.Slice(hunk.NewStart, hunk.NewEnd), hunk.OldEnd, hunk.NewStart, hunk.NewEnd - hunk.NewStart));
            (oldAt, newAt) = (hunk.OldEnd, hunk.NewEnd);
        }
        if (oldText.Length > oldAt) ops.Add(new DiffOp(DiffOpKind.Equal, oldText.Slice(oldAt, oldText.Length), oldAt, newAt, oldText.Length - oldAt));
        return ops;
    }

    /// <summary>
    /// A cheap lower bound, in linear time, on the work <see cref="Compute"/> would do: Myers'
    /// diff costs about (N + M) x D, where N and M are the token counts and D the tokens that
    /// differ, and D is at least the tokens one text has more often than the other. Two similar
    /// 40,000-word texts estimate low; two unrelated ones estimate the square of their size.
    /// Moved passages are not counted, so a caller still bounds the time.
    /// </summary>
    public static long EstimatedCost(string oldText, string newText)
    {
        if (oldText == newText)
        {
            return 0;
        }
        var oldTokens = WordTokenChunker.Instance.Chunk(oldText);
        var newTokens = WordTokenChunker.Instance.Chunk(newText);
        var balance = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in oldTokens)
        {
            balance[token] = balance.GetValueOrDefault(token) + 1;
        }
        foreach (var token in newTokens)
        {
            balance[token] = balance.GetValueOrDefault(token) - 1;
        }
        long differing = 0;
        foreach (var count in balance.Values)
        {
            differing += Math.Abs(count);
        }
        return (long)(oldTokens.Count + newTokens.Count) * Math.Max(1, differing);
    }

    private readonly record struct Hunk(int OldStart, int OldEnd, int NewStart, int NewEnd);

    /// <summary>
    /// diff-match-patch's cleanupSemantic, on whole tokens: an equality between two hunks that
    /// is no longer (in code points) than the larger side of each neighbouring hunk joins them,
    /// repeated until nothing changes.
    /// </summary>
    private static List<Hunk> FoldSmallEqualities(List<Hunk> hunks, int[] oldLengths, int[] newLengths) =>
        Fold(hunks, (previous, next) => oldLengths[next.OldStart] - oldLengths[previous.OldEnd], h => Size(h, oldLengths, newLengths));

    /// <summary>Joins two hunks whose equality between is no longer than either (<paramref name="equality"/>, <paramref name="size"/> in code points), until nothing changes.</summary>
    private static List<Hunk> Fold(List<Hunk> hunks, Func<Hunk, Hunk, int> equality, Func<Hunk, int> size)
    {
        bool changed = true;
        while (changed && hunks.Count > 1)
        {
            changed = false;
            var folded = new List<Hunk>(hunks.Count) { hunks[0] };
            for (int i = 1; i < hunks.Count; i++)
            {
                var previous = folded[^1];
                var next = hunks[i];
                int between = equality(previous, next);
                if (between <= size(previous) && between <= size(next))
                {
                    folded[^1] = new Hunk(previous.OldStart, next.OldEnd, previous.NewStart, next.NewEnd);
                    changed = true;
                }
                else
                {
                    folded.Add(next);
                }
            }
            hunks = folded;
        }
        return hunks;
    }

    private static int Size(Hunk hunk, int[] oldLengths, int[] newLengths) =>
        Math.Max(oldLengths[hunk.OldEnd] - oldLengths[hunk.OldStart], newLengths[hunk.NewEnd] - newLengths[hunk.NewStart]);

    private static void AddEqual(List<DiffOp> ops, IReadOnlyList<string> oldTokens, int from, int to, int[] oldLengths, int newStart)
    {
        if (to > from)
        {
            ops.Add(new DiffOp(DiffOpKind.Equal, Join(oldTokens, from, to), oldLengths[from], newStart, oldLengths[to] - oldLengths[from]));
        }
    }

    /// <summary>Code-point offset of each token's start, and the total at the end.</summary>
    private static int[] PrefixLengths(IReadOnlyList<string> tokens)
    {
        var lengths = new int[tokens.Count + 1];
        for (int i = 0; i < tokens.Count; i++)
        {
            lengths[i + 1] = lengths[i] + CodePointLength(tokens[i]);
        }
        return lengths;
    }

    private static int CodePointLength(string s) => Text.CodePoints.Count(s);

    private static string Join(IReadOnlyList<string> tokens, int from, int to)
    {
        var builder = new StringBuilder();
        for (int i = from; i < to; i++) builder.Append(tokens[i]);
        return builder.ToString();
    }
}

/// <summary>
/// Cuts a text into the units a reader sees change: words (letters, digits and combining marks,
/// with an apostrophe or hyphen inside), runs of white space, and each other character alone.
/// A surrogate pair stays whole, so token lengths are whole code points.
/// </summary>
public sealed class WordTokenChunker : IChunker
{
    public static WordTokenChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            var kind = Kind(text, i);
            i += Width(text, i);
            if (kind == TokenKind.Word)
            {
                while (i < text.Length)
                {
                    var next = Kind(text, i);
                    if (next == TokenKind.Word) { i += Width(text, i); continue; }
                    // "don't", "well-known": joined only when a letter follows.
                    if (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && Kind(text, i + 1) == TokenKind.Word) { i++; continue; }
                    break;
                }
            }
            else if (kind == TokenKind.Space)
            {
                while (i < text.Length && Kind(text, i) == TokenKind.Space) i += Width(text, i);
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    /// <summary>Whether a token of <see cref="Chunk"/> is a word (rather than white space or a mark).</summary>
    public static bool IsWord(string token) => token.Length > 0 && Kind(token, 0) == TokenKind.Word;

    private enum TokenKind { Word, Space, Other }

    private static int Width(string text, int i) => char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static TokenKind Kind(string text, int i)
    {
        if (char.IsWhiteSpace(text[i])) return TokenKind.Space;
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => TokenKind.Word,
            _ => TokenKind.Other,
        };
    }
}
