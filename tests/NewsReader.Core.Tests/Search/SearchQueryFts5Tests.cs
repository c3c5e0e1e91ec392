using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NewsReader.Core.Tests.Search;

/// <summary>
/// Runs parsed queries against a real FTS5 table with the app's tokenizer, because only
/// SQLite can say whether an expression is valid and means what the parser intends.
/// </summary>
public sealed partial class SearchQueryFts5Tests : IDisposable
{
    private static readonly string[] Rows =
    [
        "the quick brown fox jumps over the lazy dog",
        "a lazy afternoon reading about foxes",
        "café au lait and croissants",
        "brown bread recipe",
        "NEAR the end: col:term and ^start",
    ];

    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public SearchQueryFts5Tests()
    {
        _db.Open();
        Execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')");
        foreach (var (row, id) in Rows.Select((row, i) => (row, i + 1)))
        {
            using var insert = _db.CreateCommand();
            insert.CommandText = "INSERT INTO t(rowid, body) VALUES ($id, $body)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$body", row);
            insert.ExecuteNonQuery();
        }
    }

    public void Dispose() => _db.Dispose();

    [Theory]
    [MemberData(nameof(SearchQueryParserTests.Cases), MemberType = typeof(SearchQueryParserTests))]
    public void Every_table_expression_is_valid_fts5(string input, string? match, string filters, string? message)
    {
        _ = (match, filters, message);
        var query = SearchQueryParser.Parse(input);

        AssertOnlyLiteralsAndOperators(query.MatchExpression);
        if (query.MatchExpression is not null)
        {
            Count(query.MatchExpression);
        }
    }

    [Fact]
    public void Random_hostile_strings_parse_to_valid_fts5()
    {
        var random = new Random(20240501);
        var executed = 0;
        for (var i = 0; i < 500; i++)
        {
            var input = Fuzz(random);
            SearchQuery query;
            try
            {
                query = SearchQueryParser.Parse(input);
                AssertOnlyLiteralsAndOperators(query.MatchExpression);
                if (query.MatchExpression is not null)
                {
                    Count(query.MatchExpression);
                    executed++;
                }
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Input #{i} {Escape(input)} failed: {e.Message}");
            }
            Assert.True(query.Terms.Count + query.ExcludedTerms.Count + query.Tags.Count <= SearchQueryParser.MaxTerms);
        }
        // Guards against a generator so hostile that nothing reaches SQLite.
        Assert.True(executed > 250, $"only {executed} fuzz inputs produced an expression");
    }

    [Theory]
    [InlineData("\"quick brown\"", new[] { 1 })]
    [InlineData("\"brown quick\"", new int[0])]
    [InlineData("\"quick fox\"", new int[0])]
    [InlineData("quick fox", new[] { 1 })]
    [InlineData("croiss*", new[] { 3 })]
    [InlineData("croiss", new int[0])]
    [InlineData("\"lazy after\"*", new[] { 2 })]
    [InlineData("brown -fox", new[] { 4 })]
    [InlineData("lazy -\"lazy dog\"", new[] { 2 })]
    [InlineData("bread OR croissants", new[] { 3, 4 })]
    [InlineData("brown bread OR fox", new[] { 1, 4 })]
    [InlineData("cafe", new[] { 3 })]
    [InlineData("CAFÉ", new[] { 3 })]
    [InlineData("foxes", new[] { 1, 2 })]
    [InlineData("AND", new[] { 3, 5 })]
    [InlineData("NEAR(the col:term ^start", new[] { 5 })]
    [InlineData("lazy 🎉 !!!", new[] { 1, 2 })]
    public void Expressions_mean_what_the_user_typed(string input, int[] expected)
    {
        var match = SearchQueryParser.Parse(input).MatchExpression;
        Assert.NotNull(match);

        Assert.Equal(expected, Rowids(match));
    }

    // Porter stems the prefix as well: play* is searched as plai*, and the index holds
    // "player" and "play" (from playful) as they are. Whole words starting with the prefix,
    // quoted, are stemmed exactly as the text was, so together they find every row.
    [Theory]
    [InlineData("play*", new[] { "playful", "player", "played" }, new[] { 6, 7, 8 })]
    [InlineData("tay*", new[] { "taylor" }, new[] { 9, 10 })]
    [InlineData("taylor -may*", new[] { "mayor" }, new[] { 10 })]
    [InlineData("puppy OR may*", new[] { "mayor" }, new[] { 6, 9 })]
    public void A_prefix_with_its_words_finds_what_the_stemmed_prefix_alone_misses(string input, string[] words, int[] expected)
    {
        foreach (var row in new[] { "a playful puppy", "the player", "we played", "Taylor the mayor", "a bus for Taylor" })
        {
            Execute($"INSERT INTO t(body) VALUES ('{row}')");
        }
        var query = SearchQueryParser.Parse(input);
        var expanded = SearchQueryParser.Parse(input, query.Prefixes.ToDictionary(p => p, _ => (IReadOnlyList<string>)words));

        AssertOnlyLiteralsAndOperators(expanded.MatchExpression);
        Assert.NotEqual(expected, Rowids(query.MatchExpression!));
        Assert.Equal(expected, Rowids(expanded.MatchExpression!));
    }

    // Everything outside a string literal must be our own syntax; user text lives only inside quotes.
    private static void AssertOnlyLiteralsAndOperators(string? match)
    {
        if (match is null)
        {
            return;
        }
        var outside = Literal().Replace(match, "");
        Assert.Matches(OwnSyntax(), outside);
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^(?:[ ()*]|AND|OR|NOT)*$")]
    private static partial Regex OwnSyntax();

    private static readonly string[] Pieces =
    [
        "a", "fox", "brown", "lazy", "\"", "\"\"", "-", "--", "*", "**", "OR", "AND", "NOT", "NEAR(", "NEAR",
        "(", ")", "^", ":", "tag:", "color:", "colour:", "article:", "has:", "is:", "before:", "after:",
        "col:", "body:", "t:", "{", "}", "+", ",", "'", "\\", "/", "%", "_", ";", "--",
        " ", " ", " ", "  ", "\t", "\n", "\0", "\u001b", "\u007f", "\u0085", "\u2028",
        "🎉", "🇫🇷", "👩‍👩‍👧", "é", "e\u0301", "\u0301", "\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\uFDD0",
        "\u202E", "\u200B", "\u00AD", "\uFEFF", "日本", "Ω", "٣", "’", "“", "”", "„", "0", "42",
        "2024-05-01", "2024-13-45", "yellow", "note", "orphan", "public", "x*y", "\uE000",
    ];

    private static string Fuzz(Random random)
    {
        var builder = new StringBuilder();
        var pieces = random.Next(10) == 0 ? random.Next(200, 600) : random.Next(1, 24);
        for (var i = 0; i < pieces; i++)
        {
            if (random.Next(8) == 0)
            {
                builder.Append((char)random.Next(0, 0x10000));
            }
            else
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }
        }
        return builder.ToString();
    }

    private static string Escape(string input) =>
        string.Concat(input.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:X4}"));

    private long Count(string match)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT count(*) FROM t WHERE t MATCH $expr";
        command.Parameters.AddWithValue("$expr", match);
        return (long)command.ExecuteScalar()!;
    }

    private int[] Rowids(string match)
    {
        using var command = _db.CreateCommand();
        command.CommandText = "SELECT rowid FROM t WHERE t MATCH $expr ORDER BY rowid";
        command.Parameters.AddWithValue("$expr", match);
        using var reader = command.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt32(0));
        }
        return [.. ids];
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
