using System.Text;

namespace NewsReader.Core.Tests.Exchange;

public class LibraryExportFormatsTests
{
    [Theory]
    [InlineData("pocket.csv", "pocket-csv", 3, 0)]
    [InlineData("pocket.html", "pocket-html", 3, 0)]
    [InlineData("instapaper.csv", "instapaper-csv", 4, 0)]
    [InlineData("readwise.csv", "readwise-csv", 0, 3)]
    [InlineData("wallabag.json", "wallabag-json", 2, 2)]
    [InlineData("bookmarks.html", "bookmarks-html", 3, 0)]
    [InlineData("omnivore", "omnivore-zip", 2, 3)]
    public void Each_sample_is_recognised_by_content_and_read(string fixture, string format, int entries, int highlights)
    {
        var (export, problem) = LibraryExportFormats.Read(ExportFixtures.Bytes(fixture));

        Assert.Null(problem);
        Assert.Equal(format, export!.Format);
        Assert.Equal(entries, export.Entries.Count);
        Assert.Equal(highlights, export.HighlightCount);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("just some words", "not an export")]
    [InlineData("a,b,c\n1,2,3", "not an export")]
    [InlineData("{\"rows\": []}", "not an export")]
    [InlineData("[{\"is_archived\": 1, \"url\": ", "could not be read")]
    public void Other_files_are_refused_with_a_sentence(string content, string expected)
    {
        var (export, problem) = LibraryExportFormats.Read(Encoding.UTF8.GetBytes(content));

        Assert.Null(export);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Pocket_csv_keeps_tags_state_and_date_past_a_byte_order_mark_and_typographic_quotes()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("pocket.csv")).Export!;

        var first = export.Entries[0];
        Assert.Equal("“Why the tide turns” – a long read", first.Title);
        Assert.Equal(["science", "long reads"], first.Tags);
        Assert.True(first.Archived);
        Assert.True(first.Read);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), first.SavedAt);
        Assert.Null(export.Entries[1].Title);
        Assert.Equal("Quotes, commas and \"more\"", export.Entries[2].Title);
        Assert.Null(export.Entries[2].SavedAt);
    }

    [Fact]
    public void Pocket_html_reads_the_archive_list_as_archived()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("pocket.html")).Export!;

        Assert.Equal(["https://example.com/one", "https://example.com/two", "https://example.com/three"], export.Entries.Select(e => e.Url));
        Assert.Equal([false, false, true], export.Entries.Select(e => e.Archived));
        Assert.Equal(["news", "climate"], export.Entries[0].Tags);
        Assert.Null(export.Entries[1].Title);
    }

    [Fact]
    public void Instapaper_folders_become_state_or_a_tag()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("instapaper.csv")).Export!;

        Assert.Equal([false, true, false, false], export.Entries.Select(e => e.Archived));
        Assert.True(export.Entries[2].Favorite);
        Assert.Equal(["Recipes"], export.Entries[3].Tags);
        Assert.Equal("Beta, with a comma", export.Entries[1].Title);
    }

    [Fact]
    public void Readwise_highlights_keep_their_title_notes_and_lines()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("readwise.csv")).Export!;

        var first = export.TitledHighlights[0];
        Assert.Equal("The sea rises by “three millimetres” a year.", first.Quote);
        Assert.Equal("Why the tide turns", first.ArticleTitle);
        Assert.Equal("Check this figure", first.Note);
        Assert.Equal("A quote\nover two lines", export.TitledHighlights[1].Quote);
        Assert.Equal("A book I never saved", export.TitledHighlights[2].ArticleTitle);
    }

    [Fact]
    public void Wallabag_entries_bring_content_tags_flags_and_annotations()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("wallabag.json")).Export!;

        var harbour = export.Entries[0];
        Assert.Contains("old harbour wall", harbour.ContentHtml);
        Assert.Equal(["politics", "to-cite"], harbour.Tags);
        Assert.True(harbour.Archived);
        Assert.False(harbour.Favorite);
        Assert.Equal(new DateTime(2023, 1, 15, 9, 20, 30, DateTimeKind.Utc), harbour.SavedAt);
        Assert.Equal("key line", harbour.Highlights[0].Note);
        Assert.Null(harbour.Highlights[1].Note);
        var empty = export.Entries[1];
        Assert.Null(empty.ContentHtml);
        Assert.True(empty.Favorite);
        Assert.Equal(["later"], empty.Tags);
        Assert.Equal(new DateTime(2022, 12, 1, 9, 0, 0, DateTimeKind.Utc), empty.SavedAt);
    }

    [Fact]
    public void Bookmarks_take_their_folders_as_tags_but_not_the_browsers_own()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("bookmarks.html")).Export!;

        Assert.Equal(["https://example.com/bar", "https://example.com/deep", "http://example.com/plain"], export.Entries.Select(e => e.Url));
        Assert.Empty(export.Entries[0].Tags);
        Assert.Equal(["Reading", "essay", "later"], export.Entries[1].Tags);
        Assert.Equal(new DateTime(2020, 9, 13, 12, 26, 44, DateTimeKind.Utc), export.Entries[1].SavedAt);
    }

    [Fact]
    public void Omnivore_brings_content_labels_state_and_highlights_with_notes()
    {
        var export = LibraryExportFormats.Read(ExportFixtures.Bytes("omnivore")).Export!;

        var bridges = export.Entries[0];
        Assert.Contains("eleven bridges", bridges.ContentHtml);
        Assert.Equal(["walks", "Newsletter"], bridges.Tags);
        Assert.True(bridges.Archived);
        Assert.Equal("the oldest is made of stone quarried upstream", bridges.Highlights[0].Quote);
        Assert.Equal("Stone from where, exactly?", bridges.Highlights[0].Note);
        Assert.Null(bridges.Highlights[1].Note);
        var missing = export.Entries[1];
        Assert.Null(missing.ContentHtml);
        Assert.False(missing.Read);
        Assert.Equal(["later"], missing.Tags);
    }

    [Theory]
    [InlineData("1700000000", "2023-11-14T22:13:20")]
    [InlineData("1700000000000", "2023-11-14T22:13:20")]
    [InlineData("2023-01-15T10:20:30+0100", "2023-01-15T09:20:30")]
    [InlineData("2023-01-15T10:20:30+01:00", "2023-01-15T09:20:30")]
    [InlineData("2024-03-02T08:15:00.000Z", "2024-03-02T08:15:00")]
    [InlineData("2022-12-01 09:00:00", "2022-12-01T09:00:00")]
    [InlineData("May 3, 2023 10:21 AM", "2023-05-03T10:21:00")]
    [InlineData("0", null)]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    public void Dates_in_the_forms_exports_write(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ExportValues.Date(text));
    }
}
