using System.Text.Json.Nodes;

namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// Finds the conformance material written outside this project (copied into the repository
/// under <c>tests/conformance/</c>, see its README) from the folder holding NewsReader.sln, so
/// any clone runs these cases; a missing file fails loudly instead of passing silently.
/// </summary>
internal static class ConformanceFiles
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static JsonArray Load(string fileName)
    {
        string path = Path.Combine(Folder.Value, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Conformance file missing: looked for {path}.", path);
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    private static string Locate()
    {
        string folder = Path.Combine(RepoPaths.Root, "tests", "conformance");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"Conformance folder not found: looked in {folder} (tests/conformance/ in the repository). " +
                "These tests need it; they do not pass without it.");
        return folder;
    }
}
