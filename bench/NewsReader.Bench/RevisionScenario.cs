using System.Text;

/// <summary>
/// The data of <c>anchor-revision</c>: a synthetic 20,000-word article with 1,000 annotations,
/// revised at a given rate, with ground truth. Every word of the revised text knows which
/// original word it is (or that it is new), so the bench knows what became of each annotated
/// passage: untouched, edited (some of its words survive, maybe moved with their paragraph)
/// or deleted.
/// </summary>
internal sealed class RevisionScenario
{
    public const int Words = 20_000;
    public const int Annotations = 1_000;

    private RevisionScenario(double rate, string original, string revised, List<Annotation> annotations, List<Word> originalWords, List<Word> revisedWords, int edits, int moves)
    {
        OriginalWords = originalWords;
        Rate = rate;
        Original = original;
        Revised = revised;
        Annotated = annotations;
        RevisedWords = revisedWords;
        Edits = edits;
        Moves = moves;
    }

    public double Rate { get; }
    public string Original { get; }
    public string Revised { get; }
    public IReadOnlyList<Annotation> Annotated { get; }
    public int Edits { get; }
    public int Moves { get; }

    /// <summary>The original text's words, by index.</summary>
    private IReadOnlyList<Word> OriginalWords { get; }

    /// <summary>The revised text's words with their code-point spans and the original word each one is (-1 when new).</summary>
    private IReadOnlyList<Word> RevisedWords { get; }

    /// <summary>A word: its text, the original word it is (-1 when new), its span once joined, and what the revision did to it ("ins", "rep", "moved").</summary>
    public readonly record struct Word(string Text, int Origin, int Start, int End, bool EndsParagraph = false, string? Edit = null);

    /// <summary>An annotation as a client stores it, and the original words it covers.</summary>
    public sealed record Annotation(TextQuoteSelector Quote, TextPositionSelector Position, int FirstWord, int WordCount);

    /// <summary>
    /// Edits of one to five words at random places until <paramref name="rate"/> of the words are
    /// touched (a third insertions, a third deletions, a third replacements, new words drawn from
    /// the same vocabulary), plus a few runs of 20 to 60 words cut and pasted elsewhere, as an
    /// editor moves a paragraph.
    /// </summary>
    public static RevisionScenario Create(int seed, double rate)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, Words).Select(i => new Word(RandomWord(random, i), i, 0, 0, i % 120 == 119)).ToList();
        var (original, placedOriginal) = Join(words);
        var originalText = new CodePointText(original);
        var annotations = new List<Annotation>();
        for (int i = 0; i < Annotations; i++)
        {
            int first = random.Next(0, Words - 40);
            int count = random.Next(2, 30);
            int start = placedOriginal[first].Start;
            int end = placedOriginal[first + count - 1].End;
            annotations.Add(new Annotation(QuoteDescriber.Describe(originalText, start, end), new TextPositionSelector(start, end), first, count));
        }

        var revised = new List<Word>(words);
        int budget = (int)(Words * rate);
        int edits = 0;
        while (budget > 0)
        {
            int size = Math.Min(budget, random.Next(1, 6));
            int at = random.Next(0, revised.Count - size);
            switch (random.Next(3))
            {
                case 0:
                    revised.InsertRange(at, Enumerable.Range(0, size).Select(k => new Word(RandomWord(random, at + k), -1, 0, 0, Edit: "ins")));
                    break;
                case 1:
                    revised.RemoveRange(at, size);
                    break;
                default:
                    for (int k = 0; k < size; k++) revised[at + k] = new Word(RandomWord(random, at + k), -1, 0, 0, Edit: "rep");
                    break;
            }
            budget -= size;
            edits++;
        }
        int moves = 1 + (int)Math.Round(rate * 25);
        for (int m = 0; m < moves; m++)
        {
            int size = random.Next(20, 61);
            int from = random.Next(0, revised.Count - size);
            var run = revised.GetRange(from, size).Select(w => w with { Edit = w.Edit is null ? "moved" : w.Edit + "+moved" }).ToList();
            revised.RemoveRange(from, size);
            revised.InsertRange(random.Next(0, revised.Count), run);
        }
        var (revisedString, placedRevised) = Join(revised);
        return new RevisionScenario(rate, original, revisedString, annotations, placedOriginal, placedRevised, edits, moves);
    }

    /// <summary>How many of the annotation's words survive anywhere in the revised text.</summary>
    public int Surviving(Annotation annotation) =>
        RevisedWords.Count(w => w.Origin >= annotation.FirstWord && w.Origin < annotation.FirstWord + annotation.WordCount);

    /// <summary>
    /// Whether a placement is on what became of the passage: it touches at least one surviving
    /// word of it, and every word it touches is either one of those or new (a replacement).
    /// </summary>
    public bool OnWhatBecameOfIt(Annotation annotation, int start, int end)
    {
        int lo = 0, hi = RevisedWords.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (RevisedWords[mid].End <= start) lo = mid + 1; else hi = mid;
        }
        bool survivor = false;
        for (int i = lo; i < RevisedWords.Count && RevisedWords[i].Start < end; i++)
        {
            int origin = RevisedWords[i].Origin;
            bool ours = origin >= annotation.FirstWord && origin < annotation.FirstWord + annotation.WordCount;
            if (!ours && origin >= 0) return false;
            survivor |= ours;
        }
        return survivor;
    }

    /// <summary>
    /// Whether a placement that <see cref="OnWhatBecameOfIt"/> rejects is on look-alikes: words the
    /// two texts cannot tell from the passage's. Each word of the placement that is not the
    /// passage's own (a new word, or an old word from outside the passage) may stand for a deleted
    /// word of the passage with the same text, taken in order between the passage's words either
    /// side of it: old "market station station" with one "station" deleted reads the same whichever
    /// was, and a new "housing" where the passage's "housing." was deleted is, in the text, that word
    /// kept; an old word from outside may be read as new when a new word is read as the passage's in
    /// exchange (an alignment that keeps as many words as the truth). With the vocabulary of 75 words this bench draws from, such coincidences are common;
    /// the bench counts them apart (<c>ambiguous</c>) rather than as right or as wrong.
    /// </summary>
    public bool OnLookAlikes(Annotation annotation, int start, int end)
    {
        bool Ours(int origin) => origin >= annotation.FirstWord && origin < annotation.FirstWord + annotation.WordCount;
        static string Bare(string word) => word.TrimEnd('.');
        var surviving = RevisedWords.Where(w => Ours(w.Origin)).Select(w => w.Origin).ToHashSet();
        var deleted = Enumerable.Range(annotation.FirstWord, annotation.WordCount).Where(o => !surviving.Contains(o)).ToList();
        var placed = RevisedWords.Where(w => w.End > start && w.Start < end).ToList();
        var used = new HashSet<int>();
        int previous = annotation.FirstWord - 1;
        bool survivor = false;
        int outsiders = 0, newReadAsOurs = 0;
        for (int k = 0; k < placed.Count; k++)
        {
            var word = placed[k];
            if (Ours(word.Origin))
            {
                survivor = true;
                previous = Math.Max(previous, word.Origin);
                continue;
            }
            int next = placed.Skip(k + 1).Where(w => Ours(w.Origin)).Select(w => w.Origin).DefaultIfEmpty(annotation.FirstWord + annotation.WordCount).First();
            int lookAlike = deleted.FirstOrDefault(d => d > previous && d < next && !used.Contains(d) && Bare(OriginalWords[d].Text) == Bare(word.Text), -1);
            if (lookAlike >= 0)
            {
                used.Add(lookAlike);
                previous = lookAlike;
                survivor = true;
                if (word.Origin < 0) newReadAsOurs++;
            }
            else if (word.Origin >= 0)
            {
                outsiders++;
            }
        }
        // An old word from outside the passage can be read as new only in exchange for a new word
        // read as the passage's: old "workers residents budget", new "workers budget residents"
        // keeps one word either way, and the texts do not say which.
        return survivor && outsiders <= newReadAsOurs;
    }

    /// <summary>
    /// For <c>--explain</c>: where the passage's surviving words are in the revision (each run of
    /// them with no other original word between, as offsets and text), and the revised words
    /// around a placement marked with what the revision did: <c>*</c> the passage's own,
    /// <c>+ins</c>/<c>+rep</c> new, <c>^moved</c> moved, <c>‹-n›</c> n original words deleted there.
    /// </summary>
    public string Explain(Annotation annotation, int start, int end)
    {
        bool Ours(int origin) => origin >= annotation.FirstWord && origin < annotation.FirstWord + annotation.WordCount;
        var runs = new List<(int First, int Last)>();
        for (int i = 0; i < RevisedWords.Count; i++)
        {
            if (!Ours(RevisedWords[i].Origin)) continue;
            bool joined = runs.Count > 0 && Enumerable.Range(runs[^1].Last + 1, i - runs[^1].Last - 1).All(k => RevisedWords[k].Origin < 0);
            if (joined) runs[^1] = (runs[^1].First, i); else runs.Add((i, i));
        }
        var expected = string.Join(" | ", runs.Select(r => $"[{RevisedWords[r.First].Start},{RevisedWords[r.Last].End}) \"{Revised[RevisedWords[r.First].Start..RevisedWords[r.Last].End]}\""));
        int first = RevisedWords.ToList().FindIndex(w => w.End > start);
        int last = RevisedWords.ToList().FindLastIndex(w => w.Start < end);
        var around = new StringBuilder();
        for (int i = Math.Max(0, first - 6); i <= Math.Min(RevisedWords.Count - 1, last + 6); i++)
        {
            var word = RevisedWords[i];
            if (i == first) around.Append(">>");
            if (i > 0 && word.Origin >= 0 && RevisedWords[i - 1].Origin >= 0 && word.Origin - RevisedWords[i - 1].Origin > 1)
                around.Append($"‹-{word.Origin - RevisedWords[i - 1].Origin - 1}› ");
            around.Append(Ours(word.Origin) ? "*" : "").Append(word.Text);
            if (word.Edit is not null) around.Append(word.Origin < 0 ? $"+{word.Edit}" : $"^{word.Edit}");
            if (i == last) around.Append("<<");
            around.Append(word.EndsParagraph ? " ¶ " : " ");
        }
        return $"  expected: {(runs.Count == 0 ? "(nothing survives)" : expected)}\n  placed: [{start},{end}) \"{Revised[start..end]}\"\n  around: {around}";
    }

    private static string RandomWord(Random random, int index)
    {
        string word = Synthetic.NewsWords[random.Next(Synthetic.NewsWords.Length)];
        // Numbers and sentence ends make contexts less repetitive, as real articles are.
        if (random.Next(12) == 0) word += random.Next(1, 2000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (index % 17 == 16) word += ".";
        return word;
    }

    /// <summary>Joins words with spaces, and a paragraph break (a blank line, as canonical texts have) after every 120th original word.</summary>
    private static (string Text, List<Word> Placed) Join(List<Word> words)
    {
        var builder = new StringBuilder();
        var placed = new List<Word>(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            if (i > 0) builder.Append(words[i - 1].EndsParagraph ? "\n\n" : " ");
            int start = builder.Length;
            builder.Append(words[i].Text);
            placed.Add(words[i] with { Start = start, End = builder.Length });
        }
        // The vocabulary is ASCII, so UTF-16 offsets are code-point offsets.
        return (builder.ToString(), placed);
    }
}
