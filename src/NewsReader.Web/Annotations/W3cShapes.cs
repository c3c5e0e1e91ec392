using System.Text.Json.Serialization;

namespace NewsReader.Web.Annotations;

// The annotation endpoints read and write JSON-LD by hand (W3cAnnotationJson); these classes
// only describe that JSON to the OpenAPI document. Nothing is serialised through them.

/// <summary>A W3C Web Annotation as the API reads and writes it; the server fills id, created, modified, anchorStatus and revision.</summary>
public sealed class W3cAnnotationShape
{
    [JsonPropertyName("@context")] public required string Context { get; init; }
    public string? Id { get; init; }
    public required string Type { get; init; }
    public IReadOnlyList<W3cBodyShape>? Body { get; init; }
    public required W3cTargetShape Target { get; init; }
    /// <summary>"private" (the default) or "public".</summary>
    public string? Visibility { get; init; }
    public string? Created { get; init; }
    public string? Modified { get; init; }
    /// <summary>"anchored", "moved" or "orphaned".</summary>
    public string? AnchorStatus { get; init; }
    public int? Revision { get; init; }
    /// <summary>Set by the server on an annotation imported from someone else's export: its creator's name.</summary>
    public string? ImportedFrom { get; init; }
}

/// <summary>A TextualBody: the Markdown note (purpose "commenting") or a tag (purpose "tagging").</summary>
public sealed class W3cBodyShape
{
    public required string Type { get; init; }
    public required string Value { get; init; }
    public string? Format { get; init; }
    public string? Purpose { get; init; }
}

/// <summary>The article (`…/articles/{slug}`), the colour as styleClass, and the selectors.</summary>
public sealed class W3cTargetShape
{
    public required string Source { get; init; }
    /// <summary>yellow, green, blue, pink or purple.</summary>
    public string? StyleClass { get; init; }
    public required IReadOnlyList<W3cSelectorShape> Selector { get; init; }
}

/// <summary>A TextQuoteSelector (exact, prefix, suffix) or a TextPositionSelector (start, end in code points).</summary>
public sealed class W3cSelectorShape
{
    public required string Type { get; init; }
    public string? Exact { get; init; }
    public string? Prefix { get; init; }
    public string? Suffix { get; init; }
    public int? Start { get; init; }
    public int? End { get; init; }
}

/// <summary>An AnnotationCollection with its one page embedded as `first`.</summary>
public sealed class W3cCollectionShape
{
    [JsonPropertyName("@context")] public required string Context { get; init; }
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Label { get; init; }
    public required int Total { get; init; }
    public W3cPageShape? First { get; init; }
    public string? Last { get; init; }
}

/// <summary>An AnnotationPage.</summary>
public sealed class W3cPageShape
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public int StartIndex { get; init; }
    public required IReadOnlyList<W3cAnnotationShape> Items { get; init; }
}
