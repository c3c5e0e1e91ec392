using System.Text.Json.Nodes;

namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// tests/conformance/describe-quote-cases.json (Apache's range -> shortest unambiguous
/// selector) and score-order-cases.json (Hypothesis: scores fall as the selector degrades).
/// </summary>
public class QuoteConformanceTests
{
    private static readonly Lazy<JsonArray> DescribeCases = new(() => ConformanceFiles.Load("describe-quote-cases.json"));
    private static readonly Lazy<JsonArray> ScoreCases = new(() => ConformanceFiles.Load("score-order-cases.json"));

    public static TheoryData<string> DescribeCaseIds() => Ids(DescribeCases.Value);

    public static TheoryData<string> ScoreCaseIds() => Ids(ScoreCases.Value);

    [Theory]
    [MemberData(nameof(DescribeCaseIds))]
    public void Describe_gives_the_shortest_unambiguous_selector(string id)
    {
        var c = DescribeCases.Value[int.Parse(id[..2])]!;
        var options = c["options"]!;
        var describeOptions = new DescribeOptions(
            MinimalContext: options["minimalContext"]?.GetValue<bool>() ?? false,
            MinimumQuoteLength: options["minimumQuoteLength"]?.GetValue<int>() ?? 0,
            MaxWordLength: options["maxWordLength"]?.GetValue<int>() ?? 50);
        string text = c["text"]!.GetValue<string>();
        int start = (int)c["rangeStart"]!, end = (int)c["rangeEnd"]!;

        var selector = QuoteDescriber.DescribeUnambiguous(text, start, end, describeOptions);

        var expected = c["expected"]!;
        Assert.Equal(
            new TextQuoteSelector(expected["exact"]!.GetValue<string>(), expected["prefix"]!.GetValue<string>(), expected["suffix"]!.GetValue<string>()),
            selector);
        Assert.Equal([new TextPositionSelector(start, end)], ExactQuoteMatcher.FindAll(text, selector));
    }

    [Theory]
    [MemberData(nameof(ScoreCaseIds))]
    public void Scores_strictly_decrease_as_the_selector_degrades(string id)
    {
        var c = ScoreCases.Value[int.Parse(id[..2])]!;
        string text = c["text"]!.GetValue<string>();
        string vary = c["vary"]!.GetValue<string>();
        var fixedFields = c["fixed"]!;
        var scores = c["values"]!.AsArray().Select(v =>
        {
            string Field(string name) => name == vary ? v!.GetValue<string>() : fixedFields[name]?.GetValue<string>() ?? "";
            var result = Anchorer.Anchor(text, new TextQuoteSelector(Field("exact"), Field("prefix"), Field("suffix")), null);
            Assert.NotEqual(AnchorStatus.Orphaned, result.Status);
            return result.Score;
        }).ToList();

        for (int i = 1; i < scores.Count; i++)
            Assert.True(scores[i] < scores[i - 1], $"score {i} ({scores[i]}) is not below score {i - 1} ({scores[i - 1]}): {string.Join(", ", scores)}");
    }

    private static TheoryData<string> Ids(JsonArray cases)
    {
        var data = new TheoryData<string>();
        for (int i = 0; i < cases.Count; i++)
        {
            string source = cases[i]!["source"]!.GetValue<string>();
            string group = source.Contains('#') ? source[(source.IndexOf('#') + 1)..] : source.Split('@')[0];
            data.Add($"{i:00} {group}: {cases[i]!["name"]}");
        }
        return data;
    }
}
