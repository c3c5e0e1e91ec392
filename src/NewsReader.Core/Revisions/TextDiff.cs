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
    private static List<Hunk> FoldSmallEqualities(List<Hunk> hunks, int[] oldLengths, int[] newLengths)
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
                int equality = oldLengths[next.OldStart] - oldLengths[previous.OldEnd];
                if (equality <= Size(previous, oldLengths, newLengths) && equality <= Size(next, oldLengths, newLengths))
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
