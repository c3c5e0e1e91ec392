namespace NewsReader.Core.Tests;

/// <summary>Finds files of the repository from wherever the test binaries run.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seed(string fileName) => Path.Combine(Root, "seeds", fileName);

    public const string SeedFile = "us-japan-summit-new-era.txt";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsReader.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No NewsReader.sln above {AppContext.BaseDirectory}");
    }
}
