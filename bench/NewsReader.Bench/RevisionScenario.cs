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

    private RevisionScenario(string original, string revised, List<Annotation> annotations, List<Word> revisedWords, int edits, int moves)
    {
        Original = original;
        Revised = revised;
        Annotated = annotations;
        RevisedWords = revisedWords;
        Edits = edits;
        Moves = moves;
    }

    public string Original { get; }
    public string Revised { get; }
    public IReadOnlyList<Annotation> Annotated { get; }
    public int Edits { get; }
    public int Moves { get; }

    /// <summary>The revised text's words with their code-point spans and the original word each one is (-1 when new).</summary>
    private IReadOnlyList<Word> RevisedWords { get; }

    public readonly record struct Word(string Text, int Origin, int Start, int End, bool EndsParagraph = false);

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
                    revised.InsertRange(at, Enumerable.Range(0, size).Select(k => new Word(RandomWord(random, at + k), -1, 0, 0)));
                    break;
                case 1:
                    revised.RemoveRange(at, size);
                    break;
                default:
                    for (int k = 0; k < size; k++) revised[at + k] = new Word(RandomWord(random, at + k), -1, 0, 0);
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
            var run = revised.GetRange(from, size);
            revised.RemoveRange(from, size);
            revised.InsertRange(random.Next(0, revised.Count), run);
        }
        var (revisedString, placedRevised) = Join(revised);
        return new RevisionScenario(original, revisedString, annotations, placedRevised, edits, moves);
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
