using System.Text;
using Microsoft.Data.Sqlite;

namespace NewsReader.Core.Tests.Search;

/// <summary>
/// The stemmer must agree with SQLite's FTS5 porter tokenizer byte for byte, or the parser
/// would leave out a word the stemmed prefix does not find. SQLite is the judge here.
/// </summary>
public sealed class PorterStemmerTests
{
    // Porter's own examples, step by step, and words around the index's edge cases.
    private const string Vocabulary = """
        caresses ponies ties caress cats goes feed agreed plastered bled motoring sing conflated
        troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational
        conditional rational valenci hesitanci digitizer conformabli radicalli differentli vileli
        analogousli vietnamization predication operator feudalism decisiveness hopefulness
        callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti
        electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable
        defensible irritant replacement adjustment dependent adoption homologou communism activate
        angulariti homologous effective bowdlerize probate rate cease controll roll generalization
        oscillators play player playful played playing plays mayor taylor tokyo bayon kishida yoyo
        syzygy yes eyed dying lying enjoying buys boys rely relies reliable try tried trying
        sss ses ies ing eed bbing abled izing atings yyy ays ayed ion tion sion ation
        """;

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("play", "plai")]
    [InlineData("playful", "play")]
    [InlineData("player", "player")]
    [InlineData("generalization", "gener")]
    [InlineData("relative", "rel")]
    [InlineData("controll", "control")]
    [InlineData("ab", "ab")]
    public void Stems_as_porter_did(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    /// <summary>What LongTextSnippet's matcher relies on to skip stemming most tokens.</summary>
    [Fact]
    public void A_stem_keeps_its_words_first_letter()
    {
        var words = Vocabulary.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Concat(["a", "s", "y", "ye", "yed", "eds", "ing", "aed", "ys", "yies", "bated", "hoping", "sized", "filing"]);

        Assert.All(words, w => Assert.Equal(w[0], PorterStemmer.Stem(w)[0]));
    }

    [Fact]
    public void Agrees_with_sqlite_on_english_words_the_seed_and_generated_words()
    {
        var seed = File.ReadAllText(RepoPaths.Seed("us-japan-summit-new-era.txt"));
        var random = new Random(20261128);
        string[] stems = ["pl", "rel", "gener", "cond", "hop", "tr", "sy", "ba", "ka", "oscill", "ab", "y", "ee", "ss", "eye", "fiz"];
        string[] suffixes = ["", "s", "es", "ies", "sses", "ed", "eed", "ing", "y", "ay", "ey", "at", "bl", "iz", "ational", "tional",
            "enci", "anci", "izer", "logi", "bli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness",
            "fulness", "ousness", "aliti", "iviti", "biliti", "ical", "ness", "icate", "iciti", "ful", "ative", "alize", "al",
            "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize", "e", "ll", "ller", "ying"];
        var generated = Enumerable.Range(0, 4000).Select(_ =>
        {
            var word = new StringBuilder(stems[random.Next(stems.Length)]);
            for (var i = random.Next(3); i > 0; i--)
            {
                word.Append("aeiouybcdlmnrstwxz"[random.Next(18)]);
            }
            word.Append(suffixes[random.Next(suffixes.Length)]);
            if (random.Next(4) == 0)
            {
                word.Append(suffixes[random.Next(suffixes.Length)]);
            }
            return word.ToString();
        });
        var words = Vocabulary.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Concat(SqliteTokens(seed, porter: false))
            .Concat(generated)
            .Distinct().ToList();

        var expected = SqliteStems(words);
        var wrong = words.Where(w => PorterStemmer.Stem(w) != expected[w]).Select(w => $"{w}: {PorterStemmer.Stem(w)} (SQLite {expected[w]})").ToList();

        Assert.True(words.Count > 3000);
        Assert.Empty(wrong);
        // What LongTextSnippet's matcher relies on, over the same words.
        Assert.DoesNotContain(words, w => PorterStemmer.Stem(w)[0] != w[0]);
    }

    /// <summary>Each word's stem, as FTS5's porter tokenizer over unicode61 makes it.</summary>
    private static Dictionary<string, string> SqliteStems(List<string> words)
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Execute(db, "CREATE VIRTUAL TABLE t USING fts5(w, tokenize='porter unicode61 remove_diacritics 2')");
        Execute(db, "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')");
        using (var transaction = db.BeginTransaction())
        {
            for (var i = 0; i < words.Count; i++)
            {
                using var insert = db.CreateCommand();
                insert.CommandText = "INSERT INTO t(rowid, w) VALUES ($id, $w)";
                insert.Parameters.AddWithValue("$id", i);
                insert.Parameters.AddWithValue("$w", words[i]);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        var stems = new Dictionary<string, string>();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT doc, term FROM v";
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            stems[words[(int)reader.GetInt64(0)]] = reader.GetString(1);
        }
        return stems;
    }

    private static IEnumerable<string> SqliteTokens(string text, bool porter)
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        Execute(db, $"CREATE VIRTUAL TABLE t USING fts5(w, tokenize='{(porter ? "porter " : "")}unicode61 remove_diacritics 2')");
        Execute(db, "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')");
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO t(w) VALUES ($w)";
        insert.Parameters.AddWithValue("$w", text);
        insert.ExecuteNonQuery();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT term FROM v";
        using var reader = read.ExecuteReader();
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.GetString(0));
        }
        return tokens;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
