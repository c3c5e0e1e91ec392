using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Conformance;

/// <summary>
/// Proves the W3C conformance harness works, on hand-written documents in the shape
/// NewsReader emits: good ones pass every "must", broken ones are caught. What the suite
/// taught us about the shape is written beside the documents.
/// </summary>
public sealed class W3cValidatorTests
{
    private const string Collection = "http://127.0.0.1:5000/api/annotations?article=some-slug";

    // A styleClass on the target makes the suite require an Annotation-level stylesheet
    // (4.4-styleClassValidIfPresent, a must), so the annotation embeds one.
    private const string Annotation = """
        {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "http://127.0.0.1:5000/api/annotations/6f1c2a4e-0000-4000-8000-000000000001",
          "type": "Annotation",
          "created": "2026-11-28T09:00:00Z",
          "modified": "2026-11-28T09:05:00Z",
          "creator": { "id": "http://127.0.0.1:5000/users/abc", "type": "Person", "nickname": "ada" },
          "body": [
            { "type": "TextualBody", "value": "A **note**", "format": "text/markdown", "purpose": "commenting" },
            { "type": "TextualBody", "value": "diplomacy", "purpose": "tagging" }
          ],
          "target": {
            "source": "http://127.0.0.1:5000/articles/some-slug",
            "styleClass": "yellow",
            "selector": [
              { "type": "TextQuoteSelector", "exact": "closer relationships", "prefix": "cooperation. Establish ", "suffix": " on the occasion" },
              { "type": "TextPositionSelector", "start": 143, "end": 163 }
            ]
          },
          "stylesheet": { "type": "CssStylesheet", "value": ".yellow { background-color: #fde68a; }" },
          "visibility": "private",
          "anchorStatus": "anchored"
        }
        """;

    // Embedded in its collection, the first page needs no @context of its own.
    private const string CollectionWithFirstPage = $$"""
        {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "{{Collection}}",
          "type": "AnnotationCollection",
          "label": "Annotations on some-slug",
          "total": 1,
          "first": {
            "id": "{{Collection}}&page=0",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [ {{Annotation}} ]
          },
          "last": "{{Collection}}&page=0"
        }
        """;

    // Served alone, a page must carry @context (5.2-pageContextValidated). partOf is optional;
    // when present it must be an object: as a bare IRI seven page musts fail, since the
    // schemas look for total, label, first, ... inside it.
    private const string StandalonePage = $$"""
        {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          "id": "{{Collection}}&page=0",
          "type": "AnnotationPage",
          "partOf": {
            "id": "{{Collection}}",
            "type": "AnnotationCollection",
            "label": "Annotations on some-slug",
            "total": 1
          },
          "startIndex": 0,
          "items": [ {{Annotation}} ]
        }
        """;

    [Fact]
    public async Task Annotation_in_NewsReader_shape_passes_every_must()
    {
        var result = await W3cValidator.ValidateAsync(Annotation, W3cValidator.AnnotationMusts);

        Assert.True(result.AllMustsPass, result.Output);
        Assert.Equal(54, result.MustPassed);
    }

    [Fact]
    public async Task Annotation_without_target_fails_a_must()
    {
        const string noTarget = """
            {
              "@context": "http://www.w3.org/ns/anno.jsonld",
              "id": "http://127.0.0.1:5000/api/annotations/6f1c2a4e-0000-4000-8000-000000000002",
              "type": "Annotation",
              "body": { "type": "TextualBody", "value": "A note with nothing to point at", "purpose": "commenting" }
            }
            """;

        var result = await W3cValidator.ValidateAsync(noTarget, W3cValidator.AnnotationMusts);

        Assert.False(result.AllMustsPass);
        Assert.Contains(result.Failures, f => f.Contains("3.1-targetKeyFound.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Annotation_with_a_foreign_context_fails_a_must()
    {
        const string wrongContext = """
            {
              "@context": "https://www.w3.org/ns/activitystreams",
              "id": "http://127.0.0.1:5000/api/annotations/6f1c2a4e-0000-4000-8000-000000000003",
              "type": "Annotation",
              "target": "http://127.0.0.1:5000/articles/some-slug"
            }
            """;

        var result = await W3cValidator.ValidateAsync(wrongContext, W3cValidator.AnnotationMusts);

        var failure = Assert.Single(result.Failures);
        Assert.Contains("3.1-annotationContextValidated.json", failure, StringComparison.Ordinal);
        Assert.Equal(1, result.MustFailed);
    }

    [Fact]
    public async Task Style_class_without_stylesheet_fails_a_must()
    {
        const string noStylesheet = """
            {
              "@context": "http://www.w3.org/ns/anno.jsonld",
              "id": "http://127.0.0.1:5000/api/annotations/6f1c2a4e-0000-4000-8000-000000000004",
              "type": "Annotation",
              "target": {
                "source": "http://127.0.0.1:5000/articles/some-slug",
                "styleClass": "yellow",
                "selector": { "type": "TextPositionSelector", "start": 143, "end": 163 }
              }
            }
            """;

        var result = await W3cValidator.ValidateAsync(noStylesheet, W3cValidator.AnnotationMusts);

        var failure = Assert.Single(result.Failures);
        Assert.Contains("4.4-styleClassValidIfPresent.json", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collection_with_embedded_first_page_passes_every_must()
    {
        var result = await W3cValidator.ValidateAsync(CollectionWithFirstPage, W3cValidator.CollectionMusts);

        Assert.True(result.AllMustsPass, result.Output);
        Assert.Equal(10, result.MustPassed);
    }

    [Fact]
    public async Task Page_embedded_in_its_collection_passes_every_page_must()
    {
        var result = await W3cValidator.ValidateAsync(CollectionWithFirstPage, W3cValidator.PageMusts);

        Assert.True(result.AllMustsPass, result.Output);
        Assert.Equal(15, result.MustPassed);
    }

    [Fact]
    public async Task Standalone_page_passes_every_page_must()
    {
        var result = await W3cValidator.ValidateAsync(StandalonePage, W3cValidator.PageMusts);

        Assert.True(result.AllMustsPass, result.Output);
        Assert.Equal(15, result.MustPassed);
    }

    [Fact]
    public async Task Standalone_page_without_context_fails_a_must()
    {
        var page = $$"""
            {
              "id": "{{Collection}}&page=0",
              "type": "AnnotationPage",
              "startIndex": 0,
              "items": [ {{Annotation}} ]
            }
            """;

        var result = await W3cValidator.ValidateAsync(page, W3cValidator.PageMusts);

        var failure = Assert.Single(result.Failures);
        Assert.Contains("5.2-pageContextValidated.json", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_conformance_folder_throws_and_names_where_it_looked()
    {
        var absent = Path.Combine(Path.GetTempPath(), "no-such-conformance-" + Guid.NewGuid().ToString("N"));
        var validator = new W3cValidator(absent, W3cValidator.DefaultNodeModules);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => validator.RunAsync(Annotation, W3cValidator.AnnotationMusts));

        Assert.Contains(absent, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_node_modules_throw_and_name_where_they_looked()
    {
        var absent = Path.Combine(Path.GetTempPath(), "no-such-node-modules-" + Guid.NewGuid().ToString("N"));
        var validator = new W3cValidator(W3cValidator.DefaultConformance, absent);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => validator.RunAsync(Annotation, W3cValidator.AnnotationMusts));

        Assert.Contains(absent, error.Message, StringComparison.Ordinal);
        Assert.Contains("ajv", error.Message, StringComparison.Ordinal);
    }
}
