using Microsoft.Data.Sqlite;

namespace NewsReader.Web.Tests.Reliability;

/// <summary>A test's own folder for an app process: its database under data/, its seeds/, removed afterwards.</summary>
public abstract class AppFolderTests : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("newsreader-process-").FullName;

    protected string Database => Path.Combine(Folder, "data", "newsreader.db");

    protected string Seeds => Path.Combine(Folder, "seeds");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the test.
        }
        GC.SuppressFinalize(this);
    }
}
