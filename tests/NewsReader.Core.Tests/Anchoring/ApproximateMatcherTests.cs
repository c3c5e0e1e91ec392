
namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// Myers' bit-parallel search against a plain dynamic-programming edit distance, on random
/// strings over a small alphabet (so near matches abound), with patterns spanning one, two
/// and several 64-bit blocks.
/// </summary>
public class ApproximateMatcherTests
{
    public static TheoryData<int, int> RandomCases()
    {
        var data = new TheoryData<int, int>();
        int[] lengths = [1, 2, 5, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 150, 200, 257];
        for (int i = 0; i < lengths.Length; i++)
        {
            data.Add(lengths[i], 1000 + i);
            data.Add(lengths[i], 2000 + i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void SearchAll_reports_exactly_the_ends_the_oracle_finds(int patternLength, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 12; round++)
        {
            int[] pattern = RandomSymbols(random, patternLength, alphabet: 4);
            int[] text = round % 3 == 0
                ? Mutate(random, [.. RandomSymbols(random, random.Next(0, 80), 4), .. pattern, .. RandomSymbols(random, random.Next(0, 80), 4)])
                : RandomSymbols(random, random.Next(0, 2 * patternLength + 60), 4);
            int maxErrors = random.Next(0, patternLength + 1);

            var oracle = OracleEndErrors(text, pattern);
            var expected = Enumerable.Range(1, text.Length).Where(j => oracle[j] <= maxErrors).Select(j => (j, oracle[j])).ToList();

            var all = ApproximateMatcher.SearchAll(text, pattern, maxErrors);
            Assert.Equal(expected, all.Select(m => (m.End, m.Errors)).ToList());
            // Checking starts costs a quadratic DP each, so sample the exhaustive list.
            foreach (var m in all.Where((_, i) => i % 7 == 0).Take(6)) AssertStartIsLongestWithErrors(text, pattern, m);

            var best = ApproximateMatcher.Search(text, pattern, maxErrors);
            int min = expected.Count == 0 ? -1 : expected.Min(e => e.Item2);
            Assert.Equal(expected.Where(e => e.Item2 == min).ToList(), best.Select(m => (m.End, m.Errors)).ToList());
            foreach (var m in best.Take(6)) AssertStartIsLongestWithErrors(text, pattern, m);

            int minimum = ApproximateMatcher.MinimumErrors(text, pattern);
            Assert.Equal(text.Length == 0 ? pattern.Length : oracle.Skip(1).Append(pattern.Length).Min(), minimum);
        }
    }

    public static TheoryData<string, string, int, int, int, int> KnownCases() => new()
    {
        // text, pattern, maxErrors, start, end, errors
        { "three blind mice", "blind", 0, 6, 11, 0 },
        { "three blind mice", "blnd", 1, 6, 11, 1 },
        // Code points: the emoji is one symbol, so "smile" is one substitution away.
        { "sm😊le", "smile", 5, 0, 5, 1 },
        { "a 👍🏽 b", "👍🏽", 0, 2, 4, 0 },
        { "foofoobarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbarbazbaz", string.Concat(Enumerable.Repeat("bar", 20)) + "zaz", 5, 12, 75, 1 },
    };

    [Theory]
    [MemberData(nameof(KnownCases))]
    public void Search_finds_the_best_match_in_code_points(string text, string pattern, int maxErrors, int start, int end, int errors)
    {
        var matches = ApproximateMatcher.Search(text, pattern, maxErrors);
        Assert.Contains(new ApproximateMatch(start, end, errors), matches);
    }

    [Fact]
    public void A_long_pattern_with_scattered_edits_is_found_in_a_long_text()
    {
        var random = new Random(7);
        int[] text = RandomSymbols(random, 20_000, alphabet: 26);
        int[] pattern = text[12_000..14_000].ToArray();
        for (int i = 0; i < pattern.Length; i += 50) pattern[i] = 'z' + 1; // 40 substitutions
        var matches = ApproximateMatcher.Search(text, pattern, 256);
        Assert.Equal([new ApproximateMatch(12_000, 14_000, 40)], matches);
    }

    private static void AssertStartIsLongestWithErrors(int[] text, int[] pattern, ApproximateMatch m)
    {
        // distances[len] = edit distance between the pattern and text[m.End - len .. m.End].
        int lowest = Math.Max(0, m.End - pattern.Length - m.Errors);
        var distances = SuffixDistances(text[lowest..m.End], pattern);
        Assert.Equal(m.Errors, distances[m.End - m.Start]);
        for (int len = m.End - lowest; len > m.End - m.Start; len--) Assert.NotEqual(m.Errors, distances[len]);
    }

    private static int[] SuffixDistances(int[] window, int[] pattern)
    {
        // Both reversed, with the alignment anchored at the window's end.
        var column = new int[pattern.Length + 1];
        var result = new int[window.Length + 1];
        for (int i = 0; i <= pattern.Length; i++) column[i] = i;
        result[0] = pattern.Length;
        for (int len = 1; len <= window.Length; len++)
        {
            int symbol = window[window.Length - len];
            int diagonal = column[0];
            column[0] = len;
            for (int i = 1; i <= pattern.Length; i++)
            {
                int up = column[i];
                int cost = pattern[pattern.Length - i] == symbol ? 0 : 1;
                column[i] = Math.Min(Math.Min(up + 1, column[i - 1] + 1), diagonal + cost);
                diagonal = up;
            }
            result[len] = column[pattern.Length];
        }
        return result;
    }

    /// <summary>errors[j] = least edit distance between the pattern and a substring of text ending at j.</summary>
    private static int[] OracleEndErrors(int[] text, int[] pattern)
    {
        var previous = new int[pattern.Length + 1];
        var current = new int[pattern.Length + 1];
        var result = new int[text.Length + 1];
        for (int i = 0; i <= pattern.Length; i++) previous[i] = i;
        result[0] = pattern.Length;
        for (int j = 1; j <= text.Length; j++)
        {
            current[0] = 0;
            for (int i = 1; i <= pattern.Length; i++)
            {
                int cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                current[i] = Math.Min(Math.Min(previous[i] + 1, current[i - 1] + 1), previous[i - 1] + cost);
            }
            result[j] = current[pattern.Length];
            (previous, current) = (current, previous);
        }
        return result;
    }

    private static int[] RandomSymbols(Random random, int length, int alphabet) =>
        Enumerable.Range(0, length).Select(_ => 'a' + random.Next(alphabet)).ToArray();

    private static int[] Mutate(Random random, int[] symbols)
    {
        var list = symbols.ToList();
        int edits = random.Next(0, Math.Max(1, list.Count / 8));
        for (int e = 0; e < edits && list.Count > 0; e++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(3))
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, 'a' + random.Next(4)); break;
                default: list[at] = 'a' + random.Next(4); break;
            }
        }
        return list.ToArray();
    }
}
