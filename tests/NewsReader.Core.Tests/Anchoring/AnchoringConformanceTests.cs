using System.Text.Json.Nodes;

namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// The 90 cases of tests/conformance/anchoring-cases.json, each judged by the semantics of
/// the suite it came from (see that folder's README): Apache exact, all occurrences, code points;
/// Hypothesis fuzzy, UTF-16 offsets; dom-anchor-text-quote fuzzy; approx-string-match on UTF-16 units.
/// </summary>
public class AnchoringConformanceTests
{
    private static readonly Lazy<JsonArray> Cases = new(() => ConformanceFiles.Load("anchoring-cases.json"));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        var cases = Cases.Value;
        for (int i = 0; i < cases.Count; i++) data.Add($"{i:00} {Source(cases[i]!)}: {cases[i]!["name"]}");
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_is_met_by_its_source_semantics(string id)
    {
        var c = Cases.Value[int.Parse(id[..2])]!;
        switch (c["kind"]!.GetValue<string>())
        {
            case "approx-search": JudgeApproxSearch(c); break;
            case "position": JudgePosition(c); break;
            default:
                if (Source(c) == "apache/incubator-annotator") JudgeApacheQuote(c);
                else JudgeFuzzyQuote(c);
                break;
        }
    }

    private static void JudgeApacheQuote(JsonNode c)
    {
        var text = new CodePointText(Str(c, "text"));
        var found = ExactQuoteMatcher.FindAll(text, Selector(c))
            .Select(m => new[] { text.ToUtf16Index(m.Start), text.ToUtf16Index(m.End) })
            .ToArray();
        var expected = c["expectAll"]!.AsArray().Select(r => new[] { (int)r![0]!, (int)r[1]! }).ToArray();
        Assert.Equal(expected, found);
    }

    private static void JudgePosition(JsonNode c)
    {
        // posStart/posEnd count code points; the expectations are UTF-16 offsets into the same text.
        string text = Str(c, "text");
        int posStart = (int)c["posStart"]!, posEnd = (int)c["posEnd"]!;
        int expectStart = (int)c["expectStart"]!, expectEnd = (int)c["expectEnd"]!;
        Assert.Equal(expectStart, CodePoints.ToUtf16Index(text, posStart));
        Assert.Equal(expectEnd, CodePoints.ToUtf16Index(text, posEnd));
        var prepared = new CodePointText(text);
        Assert.Equal(expectStart, prepared.ToUtf16Index(posStart));
        Assert.Equal(expectEnd, prepared.ToUtf16Index(posEnd));
        // The inverse (describe) direction: the browser's range gives back the same selector.
        Assert.Equal(posStart, CodePoints.ToCodePointIndex(text, expectStart));
        Assert.Equal(posEnd, prepared.ToCodePointIndex(expectEnd));
        Assert.Equal(text[expectStart..expectEnd], CodePoints.Slice(text, posStart, posEnd));
    }

    private static void JudgeFuzzyQuote(JsonNode c)
    {
        // Hypothesis and dom-anchor-text-quote count UTF-16 offsets: convert both ways.
        var text = new CodePointText(Str(c, "text"));
        TextPositionSelector? position = c["posStart"] is null ? null
            : new(text.ToCodePointIndex((int)c["posStart"]!), text.ToCodePointIndex((int)c["posEnd"]!));
        int? hint = c["hintStart"] is null ? null : text.ToCodePointIndex((int)c["hintStart"]!);

        // dom-anchor-text-quote accepts a fuzzy match only if every 32-character slice of the quote is found.
        var options = Source(c) == "tilgovi/dom-anchor-text-quote" ? AnchorOptions.DomAnchorTextQuote : AnchorOptions.Hypothesis;
        var result = Anchorer.Anchor(text, Selector(c), position, hint, options);

        if ((bool)c["expectNone"]!)
        {
            Assert.Equal(AnchorStatus.Orphaned, result.Status);
            Assert.Null(result.Start);
            return;
        }
        Assert.NotEqual(AnchorStatus.Orphaned, result.Status);
        int start = text.ToUtf16Index(result.Start!.Value), end = text.ToUtf16Index(result.End!.Value);
        if (c["expectWithin"] is JsonArray within)
        {
            Assert.InRange(start, (int)within[0]!, (int)within[1]!);
            Assert.InRange(end, (int)within[0]!, (int)within[1]!);
        }
        Assert.Equal((int)c["expectStart"]!, start);
        if (c["expectEnd"] is JsonNode expectEnd)
        {
            // A fuzzy match's end is not unique ("commodo cites" may end after "vitae" or "vit"):
            // exact for exact quotes, a few code points' leeway for approximate ones.
            int tolerance = text.Text[start..end] == Str(c, "exact") ? 0 : 3;
            Assert.InRange(end, (int)expectEnd - tolerance, (int)expectEnd + tolerance);
        }
        string note = c["note"]?.GetValue<string>() ?? "";
        if (note.Contains("score must be 1.0")) Assert.Equal(1.0, result.Score);
        if (note.Contains("0 < score < 1")) Assert.InRange(result.Score, double.Epsilon, 1 - 1e-9);
        if (position is not null && result.Start == position.Start && result.End == position.End)
            Assert.Equal(AnchorStatus.Anchored, result.Status);
    }

    private static void JudgeApproxSearch(JsonNode c)
    {
        // approx-string-match works on JavaScript strings, so its symbols are UTF-16 units.
        int[] text = Str(c, "text").Select(ch => (int)ch).ToArray();
        int[] pattern = Str(c, "exact").Select(ch => (int)ch).ToArray();
        int maxErrors = c["maxErrors"] is JsonNode m ? (int)m : pattern.Length;

        var found = ApproximateMatcher.Search(text, pattern, maxErrors);

        var alternatives = c["altMatches"]!.AsArray()
            .Select(a => new ApproximateMatch((int)a!["start"]!, (int)a["end"]!, (int)a["errors"]!)).ToList();
        if ((bool)c["expectNone"]!)
        {
            Assert.Empty(found);
            return;
        }
        Assert.All(found, f => Assert.Equal((int)c["expectErrors"]!, f.Errors));
        // One match per end is reported; where the source lists several starts for one end, any of them will do.
        Assert.All(found, f => Assert.Contains(f, alternatives));
        Assert.Equal(alternatives.Select(a => a.End).Distinct().Order(), found.Select(f => f.End).Order());
    }

    private static TextQuoteSelector Selector(JsonNode c) =>
        new(Str(c, "exact"), Str(c, "prefix"), Str(c, "suffix"));

    private static string Str(JsonNode c, string key) => c[key]?.GetValue<string>() ?? "";

    private static string Source(JsonNode c) => c["source"]!.GetValue<string>().Split('@')[0];
}
