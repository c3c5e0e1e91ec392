namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>Finds files of the repository from wherever the test binaries run.</summary>
public static class RepoPaths
{
    public const string SeedFile = "us-japan-summit-new-era.txt";

    public static string Root { get; } = FindRoot();

    public static string Seed => Path.Combine(Root, "seeds", SeedFile);

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
