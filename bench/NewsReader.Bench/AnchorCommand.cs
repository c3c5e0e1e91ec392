using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// <c>anchor &lt;cases.json&gt;</c>: anchors every case of a file shaped like
/// tests/conformance/anchoring-cases.json and prints one JSON line per case, then the
/// matching time. Input offsets (hintStart, posStart/posEnd) are UTF-16 offsets, as in that
/// file; printed start/end are code points, start16/end16 the same range in UTF-16 units.
/// </summary>
internal static class AnchorCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: anchor <cases.json>");
            return 2;
        }
        var cases = JsonNode.Parse(File.ReadAllText(args[0]))!.AsArray()
            .Select(node => Prepare(node!)).ToList();

        // One untimed pass so that JIT compilation is not counted as matching time.
        foreach (var c in cases) Anchor(c);

        var results = new AnchorResult[cases.Count];
        var stopwatch = Stopwatch.StartNew();
        for (int i = 0; i < cases.Count; i++) results[i] = Anchor(cases[i]);
        stopwatch.Stop();

        for (int i = 0; i < cases.Count; i++)
        {
            var (c, r) = (cases[i], results[i]);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                name = c.Name,
                start = r.Start,
                end = r.End,
                start16 = r.Start is int s ? c.Text.ToUtf16Index(s) : (int?)null,
                end16 = r.End is int e ? c.Text.ToUtf16Index(e) : (int?)null,
                status = r.Status.ToString(),
                score = Math.Round(r.Score, 6),
            }));
        }
        Console.WriteLine(JsonSerializer.Serialize(new { totalMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3), cases = cases.Count }));
        return 0;
    }

    private sealed record Case(string Name, CodePointText Text, TextQuoteSelector Quote, TextPositionSelector? Position, int? Hint);

    private static AnchorResult Anchor(Case c) => Anchorer.Anchor(c.Text, c.Quote, c.Position, c.Hint);

    private static Case Prepare(JsonNode node)
    {
        string Str(string key) => node[key]?.GetValue<string>() ?? "";
        int? Int(string key) => node[key] is JsonNode n ? n.GetValue<int>() : null;
        var text = new CodePointText(Str("text"));
        TextPositionSelector? position = Int("posStart") is int ps && Int("posEnd") is int pe
            ? new(text.ToCodePointIndex(ps), text.ToCodePointIndex(pe)) : null;
        int? hint = Int("hintStart") is int h ? text.ToCodePointIndex(h) : null;
        return new Case(Str("name"), text, new TextQuoteSelector(Str("exact"), Str("prefix"), Str("suffix")), position, hint);
    }
}
