using System.Text.Json.Nodes;

namespace NewsReader.Core.Tests.Anchoring;

/// <summary>
/// Finds the shared conformance material (written outside this project) in place:
/// <c>../shared/conformance/</c> beside the folder holding NewsReader.sln. It is never copied
/// into the repository, so a clone without it fails loudly instead of passing silently.
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
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsReader.sln"))) dir = dir.Parent;
        if (dir is null)
            throw new DirectoryNotFoundException(
                $"No NewsReader.sln found above {AppContext.BaseDirectory}, so ../shared/conformance/ cannot be located.");
        string folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException(
                $"Conformance folder not found: looked in {folder} (expected ../shared/conformance/ beside the clone). " +
                "These tests need it; they do not pass without it.");
        return folder;
    }
}
