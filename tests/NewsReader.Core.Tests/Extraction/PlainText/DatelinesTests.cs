
namespace NewsReader.Core.Tests.Extraction.PlainText;

public class DatelinesTests
{
    [Theory]
    [InlineData("BEIJING (Reuters) - China's exports rose.", "Beijing", "Reuters", "China's exports rose.")]
    [InlineData("LONDON (Reuters) -- Shares fell.", "London", "Reuters", "Shares fell.")]
    [InlineData("GUATEMALA CITY, Guatemala (AP) - Rain fell.", "Guatemala City", "AP", "Rain fell.")]
    [InlineData("WASHINGTON, March 3 (Reuters) - The Senate voted.", "Washington", "Reuters", "The Senate voted.")]
    [InlineData("NEW YORK, Nov. 5 (AP) — Stocks rose.", "New York", "AP", "Stocks rose.")]
    [InlineData("SPRINGFIELD, Ill., March 3 (AP) — A judge ruled.", "Springfield", "AP", "A judge ruled.")]
    [InlineData("PARIS (AFP) - France said.", "Paris", "AFP", "France said.")]
    [InlineData("BEIJING, April 10 (Xinhua) -- China and Japan met.", "Beijing", "Xinhua", "China and Japan met.")]
    [InlineData("TOKYO (Kyodo) - Japan said.", "Tokyo", "Kyodo", "Japan said.")]
    [InlineData("BERLIN (dpa) - Germany said.", "Berlin", "dpa", "Germany said.")]
    [InlineData("NEW YORK (AP) _ Stocks fell.", "New York", "AP", "Stocks fell.")]
    [InlineData("Washington (CNN) — The president spoke.", "Washington", "CNN", "The president spoke.")]
    [InlineData("Hong Kong (Bloomberg) -- Shares rose.", "Hong Kong", "Bloomberg", "Shares rose.")]
    [InlineData("NEW YORK — Stocks rose on Monday.", "New York", null, "Stocks rose on Monday.")]
    [InlineData("RIO DE JANEIRO — Brazil won.", "Rio de Janeiro", null, "Brazil won.")]
    [InlineData("ST. LOUIS -- The Cardinals won.", "St. Louis", null, "The Cardinals won.")]
    [InlineData("WINSTON-SALEM, N.C. - A fire broke out.", "Winston-Salem", null, "A fire broke out.")]
    [InlineData("KYIV, Jan 5 - Ukraine said.", "Kyiv", null, "Ukraine said.")]
    [InlineData("(Washington Composite Electric) U.S. President Biden spoke.", "Washington", null, "U.S. President Biden spoke.")]
    [InlineData("(Tokyo, April 10) Prime Minister Kishida spoke.", "Tokyo", null, "Prime Minister Kishida spoke.")]
    [InlineData("(Reuters) Stocks rose.", null, "Reuters", "Stocks rose.")]
    [InlineData("(CNN) The president spoke.", null, "CNN", "The president spoke.")]
    [InlineData("(CNN)The president spoke.", null, "CNN", "The president spoke.")]
    [InlineData("Washington (CNN)The president spoke.", "Washington", "CNN", "The president spoke.")]
    [InlineData("WASHINGTON (CNN)The president spoke.", "Washington", "CNN", "The president spoke.")]
    [InlineData("(Washington Reuters) The president spoke.", "Washington", "Reuters", "The president spoke.")]
    [InlineData("(Bloomberg) -- Stocks rose.", null, "Bloomberg", "Stocks rose.")]
    [InlineData("KYIV/MOSCOW, March 3 (Reuters) - Talks began.", "Kyiv/Moscow", "Reuters", "Talks began.")]
    [InlineData("SPRINGFIELD, Ill., March 3, 2024 (AP) — A judge ruled.", "Springfield", "AP", "A judge ruled.")]
    [InlineData("SÃO PAULO (Reuters) - Brazil's real firmed.", "São Paulo", "Reuters", "Brazil's real firmed.")]
    [InlineData("WASHINGTON—The Senate voted.", "Washington", null, "The Senate voted.")]
    [InlineData("SAN JOSE (Reuters) - eBay Inc said.", "San Jose", "Reuters", "eBay Inc said.")]
    [InlineData("UNITED NATIONS (AP) — The council met.", "United Nations", "AP", "The council met.")]
    [InlineData("AP - A strong earthquake struck.", null, "AP", "A strong earthquake struck.")]
    [InlineData("AFP - France said.", null, "AFP", "France said.")]
    [InlineData("AP — Stocks rose.", null, "AP", "Stocks rose.")]
    [InlineData("Reuters - Shares fell.", null, "Reuters", "Shares fell.")]
    [InlineData("REUTERS - Shares fell.", null, "Reuters", "Shares fell.")]
    [InlineData("Associated Press -- The council met.", null, "Associated Press", "The council met.")]
    [InlineData("Sydney, March 3 - The Australian dollar firmed.", "Sydney", null, "The Australian dollar firmed.")]
    [InlineData("Springfield, Ill., Nov. 5 - A judge ruled.", "Springfield", null, "A judge ruled.")]
    [InlineData("New York, Sept. 12, 2024 -- Stocks rose.", "New York", null, "Stocks rose.")]
    [InlineData("Rio de Janeiro, Jan 5 — Brazil won.", "Rio de Janeiro", null, "Brazil won.")]
    [InlineData("LONDON, March 2 - <Coloroll Group Plc> said it would buy Wallco.", "London", null, "<Coloroll Group Plc> said it would buy Wallco.")]
    [InlineData("NEW YORK, March 2 - [Analysis] Stocks rose.", "New York", null, "[Analysis] Stocks rose.")]
    public void Finds_the_place_and_agency_and_leaves_the_body(string paragraph, string? place, string? agency, string body)
    {
        var dateline = Datelines.Find(paragraph);

        Assert.NotNull(dateline);
        Assert.Equal(place, dateline.Place);
        Assert.Equal(agency, dateline.Agency);
        Assert.Equal(body, paragraph[dateline.Length..]);
    }

    [Theory]
    [InlineData("The minister - who resigned - said nothing.")]
    [InlineData("In 2020 - a year of crisis - prices rose.")]
    [InlineData("WASHINGTON is a city of monuments.")]
    [InlineData("WASHINGTON The president spoke.")]
    [InlineData("NASA - a space agency - said.")]
    [InlineData("NATO—the alliance—said.")]
    [InlineData("In 2020—a year of crisis—prices rose.")]
    [InlineData("NEW YORK - a city of eight million - votes.")]
    [InlineData("Shares - and bonds - fell.")]
    [InlineData("Apple (AAPL) shares rose.")]
    [InlineData("Apple (AAPL) - shares rose.")]
    [InlineData("Apple (AAPL)shares rose.")]
    [InlineData("The minister (pictured) - who resigned - said.")]
    [InlineData("(This story was corrected to fix a name) The minister spoke.")]
    [InlineData("(in brackets) text follows.")]
    [InlineData("BEIJING (Reuters) -")]
    [InlineData("I - for one - disagree.")]
    [InlineData("Reuters reported on Monday that shares fell.")]
    [InlineData("Reuters - a news agency - reported the deal.")]
    [InlineData("Ap said on Monday that the farm had flooded.")]
    [InlineData("Ap - The farmer said the river rose overnight.")]
    [InlineData("Ap - who farms rice - said the river rose.")]
    [InlineData("Sydney - The city woke to rain.")]
    [InlineData("Sydney, March 3 - a day of storms - was wet.")]
    [InlineData("In Sydney, March 3 - The dollar firmed.")]
    [InlineData("Monday, March 3 - The dollar firmed.")]
    [InlineData("The dollar firmed in Sydney, March 3 - Dealers said so.")]
    [InlineData("Smith -- who resigned -- said nothing.")]
    [InlineData("SUGAR QUOTA IMPORTS DETAILED -- USDA")]
    [InlineData("OIL PRICES FALL -- OPEC SOURCES")]
    [InlineData("The report (AP) said shares fell.")]
    public void Near_misses_are_not_datelines(string paragraph)
    {
        Assert.Null(Datelines.Find(paragraph));
    }
}
