namespace NewsReader.Core.Revisions;

/// <summary>One word the diff deleted in one place and inserted, the same, in another: where it was and where it went (code points).</summary>
public readonly record struct MovedWord(int OldStart, int NewStart, int Length)
{
    public int OldEnd => OldStart + Length;

    public int NewEnd => NewStart + Length;
}

/// <summary>
/// A word diff reads a moved passage as a deletion plus an insertion. This pairs deleted runs
/// of words with inserted runs of the same words (at least <see cref="MinRunWords"/> in a row,
/// white space and punctuation between them free to differ, as a paragraph break becomes a
/// space), as diff tools with move detection do, so a range can follow its words to their new
/// place. Each word is paired at most once, the longest runs first found in old-text order.
/// </summary>
public static class MoveDetection
{
    /// <summary>Fewer words in a row than this are taken for a coincidence ("the plan was good"), not a move.</summary>
    public const int MinRunWords = 6;

    /// <summary>How many words the index of inserted runs is keyed on.</summary>
    private const int KeyWords = 4;

    private readonly record struct Word(string Text, int Start, int End, int Op);

    /// <summary>The moved words, in old-text order.</summary>
    public static IReadOnlyList<MovedWord> Find(IReadOnlyList<DiffOp> diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var deleted = Words(diff, DiffOpKind.Delete);
        var inserted = Words(diff, DiffOpKind.Insert);
        if (deleted.Count < MinRunWords || inserted.Count < MinRunWords)
        {
            return [];
        }
        // Where each run of KeyWords inserted words (inside one insertion) starts.
        var starts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int j = 0; j + KeyWords <= inserted.Count; j++)
        {
            if (inserted[j].Op != inserted[j + KeyWords - 1].Op) continue;
            var key = Key(inserted, j);
            if (!starts.TryGetValue(key, out var list)) starts[key] = list = [];
            list.Add(j);
        }
        var used = new bool[inserted.Count];
        var moved = new List<MovedWord>();
        int i = 0;
        while (i + MinRunWords <= deleted.Count)
        {
            int bestAt = -1, bestLength = 0;
            if (deleted[i].Op == deleted[i + KeyWords - 1].Op && starts.TryGetValue(Key(deleted, i), out var candidates))
            {
                foreach (int j in candidates)
                {
                    int length = 0;
                    while (i + length < deleted.Count && j + length < inserted.Count && !used[j + length]
                        && deleted[i + length].Op == deleted[i].Op && inserted[j + length].Op == inserted[j].Op
                        && deleted[i + length].Text == inserted[j + length].Text)
                    {
                        length++;
                    }
                    if (length > bestLength) (bestAt, bestLength) = (j, length);
                }
            }
            if (bestLength < MinRunWords)
            {
                i++;
                continue;
            }
            for (int k = 0; k < bestLength; k++)
            {
                used[bestAt + k] = true;
                moved.Add(new MovedWord(deleted[i + k].Start, inserted[bestAt + k].Start, deleted[i + k].End - deleted[i + k].Start));
            }
            i += bestLength;
        }
        return moved;
    }

    private static string Key(List<Word> words, int at) =>
        string.Join('\u0001', words[at].Text, words[at + 1].Text, words[at + 2].Text, words[at + 3].Text);

    /// <summary>The word tokens of every deletion (old offsets) or insertion (new offsets), in order, with the op they are in.</summary>
    private static List<Word> Words(IReadOnlyList<DiffOp> diff, DiffOpKind kind)
    {
        var words = new List<Word>();
        for (int o = 0; o < diff.Count; o++)
        {
            var op = diff[o];
            if (op.Op != kind) continue;
            int at = kind == DiffOpKind.Delete ? op.OldStart : op.NewStart;
            foreach (var token in WordTokenChunker.Instance.Chunk(op.Text))
            {
                int length = Text.CodePoints.Count(token);
                if (WordTokenChunker.IsWord(token)) words.Add(new Word(token, at, at + length, o));
                at += length;
            }
        }
        return words;
    }
}
