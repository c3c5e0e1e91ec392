using System.Text;

namespace NewsReader.Core.Tests.Extraction.Formats;

public class SourceDecoderTests
{
    private const string Story = "The owners of the “Café du Port” say the rules – which take effect in May – will cost them their terraces.";

    [Theory]
    [InlineData("encodings/utf8-bom.txt", "utf-8")]
    [InlineData("encodings/utf16-le.txt", "utf-16")]
    [InlineData("encodings/utf16-be.txt", "utf-16BE")]
    [InlineData("encodings/windows-1252.txt", "windows-1252")]
    public void Reads_each_encoding_of_the_same_story(string path, string encoding)
    {
        var result = SourceDecoder.Decode(Fixtures.Bytes(path));

        Assert.Null(result.Refusal);
        Assert.Equal(encoding, result.Encoding);
        Assert.StartsWith("Café owners protest new rules\n", result.Text);
        Assert.Contains(Story, result.Text);
    }

    [Fact]
    public void Utf8_without_bom_is_utf8_even_when_a_page_declares_otherwise()
    {
        var result = SourceDecoder.Decode(Encoding.UTF8.GetBytes("<meta charset=\"windows-1252\"><p>Zürich – “Grüezi”</p>"));

        Assert.Equal("utf-8", result.Encoding);
        Assert.Contains("Zürich – “Grüezi”", result.Text);
    }

    [Theory]
    [InlineData("html/windows-1252.html", "windows-1252", "« Les exposants » proposent")]
    [InlineData("html/iso-8859-1.html", "windows-1252", "marché de Noël")]
    [InlineData("encodings/shift-jis.html", "shift_jis", "桜の開花、平年より早く")]
    [InlineData("encodings/latin1-feed.xml", "windows-1252", "Fête de la bière")]
    [InlineData("encodings/windows-1251.txt", "windows-1251", "В Москве сегодня открылась новая станция метро")]
    [InlineData("encodings/gb2312.txt", "gb18030", "北京市气象台今天发布消息")]
    public void Bytes_that_are_not_utf8_are_read_in_the_declared_or_a_surely_detected_encoding(string path, string encoding, string expected)
    {
        var result = SourceDecoder.Decode(Fixtures.Bytes(path));

        Assert.Equal(encoding, result.Encoding);
        Assert.Contains(expected, result.Text);
    }

    [Fact]
    public void A_short_undeclared_legacy_text_falls_back_to_windows_1252()
    {
        // The detector calls this ISO-8859-2 with low confidence; Western text is the likelier guess.
        var result = SourceDecoder.Decode([0x63, 0x61, 0x66, 0xE9, 0x0A]);

        Assert.Equal("windows-1252", result.Encoding);
        Assert.Equal("café\n", result.Text);
    }

    public static TheoryData<byte[], string> Refused => new()
    {
        { [], "empty file" },
        { "   \n\t\n"u8.ToArray(), "no text, only white space" },
        { [.. "%PDF-1.7\n"u8, 0xE2, 0xE3, 0xCF, 0xD3], "binary content (PDF document), not text" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "binary content (PNG image), not text" },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "binary content (ZIP archive), not text" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "binary content (JPEG image), not text" },
        { [.. "GIF89a"u8, 0x01, 0x00], "binary content (GIF image), not text" },
        { [.. "Some text"u8, 0x00, .. "more"u8], "binary content (NUL bytes), not text" },
        { [.. Enumerable.Range(1, 200).Select(i => (byte)(i % 8 + 1))], "binary content (control characters), not text" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_is_not_text_with_its_reason(byte[] bytes, string reason)
    {
        var result = SourceDecoder.Decode(bytes);

        Assert.Null(result.Text);
        Assert.Equal(reason, result.Refusal);
    }
}
