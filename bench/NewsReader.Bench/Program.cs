// Benchmark harness: `dotnet run -c Release --project bench/NewsReader.Bench -- <verb> [args]`.
// Each verb lives in its own file; add one line to this table to add a verb.
var verbs = new Dictionary<string, Func<string[], int>>
{
    ["anchor"] = AnchorCommand.Run,
    ["anchor-revision"] = AnchorRevisionCommand.Run,
    ["reader"] = ReaderCommand.Run,
    ["highlight"] = HighlightCommand.Run,
    ["search"] = SearchCommand.Run,
    ["ingest"] = IngestionCommand.Run,
    ["load"] = LoadCommand.Run,
    ["nesting"] = NestingCommand.Run,
    ["io"] = IoCommand.Run,
    ["library"] = LibraryCommand.Run,
    ["extraction"] = ExtractionCommand.Run,
    ["import-library"] = ImportLibraryCommand.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine($"usage: NewsReader.Bench <verb> [args]; verbs: {string.Join(", ", verbs.Keys)}");
    return 2;
}
return verb(args[1..]);
