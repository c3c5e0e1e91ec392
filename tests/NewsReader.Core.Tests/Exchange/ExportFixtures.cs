using System.IO.Compression;

namespace NewsReader.Core.Tests.Exchange;

/// <summary>The hand-written sample exports under Exchange/Fixtures; Omnivore's folder is zipped on the way out.</summary>
public static class ExportFixtures
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "NewsReader.Core.Tests", "Exchange", "Fixtures");

    public static byte[] Bytes(string name) =>
        Directory.Exists(Path.Combine(Folder, name)) ? Zip(Path.Combine(Folder, name)) : File.ReadAllBytes(Path.Combine(Folder, name));

    /// <summary>A folder as a zip, its files named relative to it, as Omnivore's export is laid out.</summary>
    public static byte[] Zip(string folder)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }
        return buffer.ToArray();
    }
}
