using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsReader.Core.Extraction.Formats;

/// <summary>
/// The YAML front matter of a Markdown article, read into ArticleMetadata: title, author,
/// published (or date), source, url, tags (a list or a comma-separated string), language (or lang).
/// </summary>
public sealed record FrontMatter(string? Title, ArticleMetadata Metadata)
{
    /// <summary>The front matter in <paramref name="yaml"/>, or the reason it cannot be read.</summary>
    public static (FrontMatter? FrontMatter, string? Refusal) Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return (null, $"malformed YAML front matter: {ex.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unclosed flow collections.
            return (null, "malformed YAML front matter: an unclosed [ or { list");
        }
        if (stream.Documents.Count == 0)
        {
            return (new FrontMatter(null, ArticleMetadata.None), null);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            return (null, "malformed YAML front matter: not a list of key: value pairs");
        }
        var fields = map.Children
            .Where(c => c.Key is YamlScalarNode)
            .GroupBy(c => ((YamlScalarNode)c.Key).Value?.ToLowerInvariant() ?? "")
            .ToDictionary(g => g.Key, g => g.First().Value);
        var metadata = new ArticleMetadata
        {
            Author = Scalar(fields, "author"),
            Published = SourceDates.Parse(Scalar(fields, "published") ?? Scalar(fields, "date")),
            SiteName = Scalar(fields, "source"),
            SourceUrl = CanonicalUrl.Normalize(Scalar(fields, "url")),
            Language = Scalar(fields, "language") ?? Scalar(fields, "lang"),
            Tags = Tags(fields.GetValueOrDefault("tags")),
        };
        return (new FrontMatter(Scalar(fields, "title"), metadata), null);
    }

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key) =>
        fields.GetValueOrDefault(key) is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static IReadOnlyList<string> Tags(YamlNode? node)
    {
        var tags = node switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? ""),
            YamlScalarNode { Value: { } text } => text.Split(','),
            _ => [],
        };
        return tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
