
namespace NewsReader.Core.Tests.Extraction.Formats;

public class SourceDatesTests
{
    [Theory]
    [InlineData("Tue, 03 Mar 2026 08:00:00 GMT", "2026-03-03T08:00:00+00:00")]
    [InlineData("Mon, 04 May 2026 09:30:00 EST", "2026-05-04T09:30:00-05:00")]
    [InlineData("Mon, 04 May 2026 09:30:00 PDT", "2026-05-04T09:30:00-07:00")]
    [InlineData("4 May 2026 09:30 +0200", "2026-05-04T09:30:00+02:00")]
    [InlineData("Sun, 3 May 26 18:00 +0100", "2026-05-03T18:00:00+01:00")]
    [InlineData("Sun, 03 May 1998 18:00:00 -0330", "1998-05-03T18:00:00-03:30")]
    [InlineData("Thursday, 07 August 2025 12:00:00 UT", "2025-08-07T12:00:00+00:00")]
    [InlineData("Wed, 02 Dec 2026 10:00:00 XYZ", "2026-12-02T10:00:00+00:00")]
    [InlineData("2026-03-14T07:30:00Z", "2026-03-14T07:30:00+00:00")]
    [InlineData("2026-04-09T06:45:00-04:00", "2026-04-09T06:45:00-04:00")]
    [InlineData("2026-04-09T06:45:00.123+05:30", "2026-04-09T06:45:00.123+05:30")]
    [InlineData("2026-05-20", "2026-05-20T00:00:00+00:00")]
    [InlineData("2026-05-20 14:10", "2026-05-20T14:10:00+00:00")]
    [InlineData("  2026-05-20T14:10:00Z  ", "2026-05-20T14:10:00+00:00")]
    [InlineData("2020/1/10 14:33:00", "2020-01-10T14:33:00+00:00")]
    [InlineData("2020/01/10 14:33", "2020-01-10T14:33:00+00:00")]
    [InlineData("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33+00:00")]
    [InlineData("Sat, Dec 16 2023 02:02:33 PM EST", "2023-12-16T14:02:33-05:00")]
    [InlineData("December 16, 2023", "2023-12-16T00:00:00+00:00")]
    [InlineData("Sept 3, 2024 9:15 AM", "2024-09-03T09:15:00+00:00")]
    [InlineData("Dec 16 2023 14:02 +0100", "2023-12-16T14:02:00+01:00")]
    public void Reads_rfc_822_and_iso_8601(string value, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SourceDates.Parse(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2026 08:00:00 GMT")]
    [InlineData("Tue, 03 Foo 2026 08:00:00 GMT")]
    [InlineData("2026-13-45T99:00:00Z")]
    [InlineData("03/04/2026")]
    [InlineData("Tue, 03 Mar 2026 25:00:00 GMT")]
    [InlineData("2020/13/10 14:33:00")]
    [InlineData("Sat, Dec 16 2023 02:02:33 PM Mars time")]
    [InlineData("Dec 2023")]
    public void Anything_else_is_no_date(string? value) => Assert.Null(SourceDates.Parse(value));
}
