using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsReader.Core.Exchange;

/// <summary>
/// Omnivore's export: a zip of <c>metadata_*.json</c> arrays (url, title, slug, labels, state
/// "Succeeded" or "Archived", readingProgress, savedAt), the saved pages as
/// <c>content/{slug}.html</c>, and each article's highlights as <c>highlights/{slug}.md</c>:
/// blocks of <c>&gt; quote [⤴️](link)</c>, each followed by its note's paragraphs.
/// </summary>
public sealed partial class OmnivoreZip : ILibraryExportFormat
{
    /// <summary>A saved page or highlights file is read up to this size; more is left out.</summary>
    private const int MaxEntryBytes = 8 * 1024 * 1024;

    public string Name => "omnivore-zip";
    public string Label => "Omnivore (zip)";

    public bool Recognises(ExportFile file)
    {
        if (!file.IsZip)
        {
            return false;
        }
        try
        {
            using var zip = file.OpenZip();
            return zip.Entries.Any(e => IsMetadata(e.FullName));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public LibraryExport Read(ExportFile file)
    {
        using var zip = file.OpenZip();
        var byName = zip.Entries.GroupBy(e => e.FullName.Replace('\\', '/')).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var entries = new List<MovedEntry>();
        foreach (var metadata in zip.Entries.Where(e => IsMetadata(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(ReadText(metadata), new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{metadata.FullName} is not a JSON array of articles.");
            }
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || ExportValues.WebUrl(Json.String(item, "url")) is not { } url)
                {
                    continue;
                }
                var slug = Json.String(item, "slug");
                var archived = string.Equals(Json.String(item, "state"), "Archived", StringComparison.OrdinalIgnoreCase);
                var progress = double.TryParse(Json.String(item, "readingProgress"), System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
                entries.Add(new MovedEntry(url, ExportValues.Blank(Json.String(item, "title")))
                {
                    Tags = Json.Names(item, "labels", "name"),
                    Archived = archived,
                    Read = archived || progress >= 100,
                    SavedAt = ExportValues.Date(Json.String(item, "savedAt")),
                    ContentHtml = slug is null ? null : Find(byName, $"content/{slug}.html") is { } content ? ExportValues.Blank(ReadText(content)) : null,
                    Highlights = slug is null ? [] : Find(byName, $"highlights/{slug}.md") is { } md ? Highlights(ReadText(md)) : [],
                });
            }
        }
        return new LibraryExport(Name, entries, []);
    }

    /// <summary>The highlights of one Markdown file: each quote block, then the paragraphs up to the next as its note.</summary>
    public static List<MovedHighlight> Highlights(string markdown)
    {
        var highlights = new List<MovedHighlight>();
        var blocks = markdown.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? quote = null;
        var note = new List<string>();
        foreach (var block in blocks)
        {
            if (block.StartsWith('>'))
            {
                Flush();
                var lines = block.Split('\n').Select(l => l.TrimStart('>').Trim());
                quote = ReturnLink().Replace(string.Join("\n", lines), "").Trim();
            }
            else if (quote is not null)
            {
                note.Add(block);
            }
        }
        Flush();
        return highlights;

        void Flush()
        {
            if (!string.IsNullOrWhiteSpace(quote))
            {
                highlights.Add(new MovedHighlight(quote, note.Count == 0 ? null : string.Join("\n\n", note)));
            }
            quote = null;
            note.Clear();
        }
    }

    private static bool IsMetadata(string name) =>
        Path.GetFileName(name).StartsWith("metadata", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static ZipArchiveEntry? Find(Dictionary<string, ZipArchiveEntry> byName, string name) =>
        byName.GetValueOrDefault(name) ?? byName.FirstOrDefault(p => p.Key.EndsWith("/" + name, StringComparison.Ordinal)).Value;

    private static string ReadText(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < MaxEntryBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return bytes is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
    }

    // Omnivore ends each quote with a link back to the highlight: " [⤴️](https://omnivore.app/…)".
    [GeneratedRegex(@"\s*\[[^\]]*\]\(https?://[^)]*omnivore[^)]*\)\s*$", RegexOptions.Multiline)]
    private static partial Regex ReturnLink();
}
