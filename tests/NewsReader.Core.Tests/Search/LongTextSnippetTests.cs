
namespace NewsReader.Core.Tests.Search;

public class LongTextSnippetTests
{
    private static string Cut(string text, string[] terms, int words, params string[] prefixes) =>
        LongTextSnippet.Cut(text, terms, prefixes, '[', ']', words);

    [Theory]
    [InlineData("a b c d e f g h match i j k l m n o p", "match", 8, "…g h [match] i j k l m…")]
    [InlineData("Players played; the PLAY goes on", "play", 6, "Players [played]; the [PLAY] goes on")]
    [InlineData("Café au lait, cafe noir", "cafe", 5, "[Café] au lait, [cafe] noir")]
    [InlineData("nothing to see here at all", "absent", 3, "nothing to see…")]
    [InlineData("one two three", "two", 8, "one [two] three")]
    [InlineData("", "word", 5, "")]
    [InlineData("Ties tie; TIED ponies, Pony", "ties", 8, "[Ties] tie; [TIED] ponies, Pony")]
    [InlineData("Ponies and PONY, ties", "Pony", 8, "[Ponies] and [PONY], ties")]
    [InlineData("Über über Uber, under", "uber", 8, "[Über] [über] [Uber], under")]
    public void Marks_stemmed_folded_matches_in_a_window_from_just_before_the_first(string text, string term, int words, string expected)
    {
        Assert.Equal(expected, Cut(text, [term], words));
    }

    [Fact]
    public void A_prefix_term_marks_every_word_it_begins_and_a_phrase_marks_each_of_its_words()
    {
        Assert.Equal("the [player] and the [playground]", Cut("the player and the playground", ["play"], 10, "play"));
        Assert.Equal("[prime] [minister] said the [minister]", Cut("prime minister said the minister", ["prime minister"], 10));
    }

    [Fact]
    public void Five_megabytes_of_one_repeated_word_cost_a_window_not_the_text()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 1_000_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var snippet = Cut(text, ["word"], 32);

        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(32, snippet.Split('[').Length - 1);
        Assert.EndsWith("…", snippet);
    }

    [Fact]
    public void The_budget_is_asked_while_scanning_and_can_stop_it()
    {
        var text = string.Concat(Enumerable.Repeat("other ", 100_000)) + "needle";
        var checks = 0;

        Assert.Throws<OperationCanceledException>(() => LongTextSnippet.Cut(text, ["needle"], [], '[', ']', 8,
            () => { if (++checks == 3) throw new OperationCanceledException(); }));
        Assert.Equal(3, checks);
    }
}

public class LongTextMarkAllTests
{
    [Theory]
    [InlineData("Players played; the PLAY goes on", "play", "", "Players [played]; the [PLAY] goes on")]
    [InlineData("the player and the playground", "play", "play", "the [player] and the [playground]")]
    [InlineData("**Café** au lait", "cafe", "", "**[Café]** au lait")]
    [InlineData("nothing here", "absent", "", "nothing here")]
    public void Marks_every_match_in_the_whole_text(string text, string term, string prefix, string expected)
    {
        Assert.Equal(expected, LongTextSnippet.MarkAll(text, [term], prefix.Length == 0 ? [] : [prefix], '[', ']'));
    }
}
