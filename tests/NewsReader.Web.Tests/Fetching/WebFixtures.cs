namespace NewsReader.Web.Tests.Fetching;

/// <summary>Pages and feeds written for these tests, in the shapes real sites serve.</summary>
public static class WebFixtures
{
    /// <summary>A plain-text story: the format every extractor reads the same way.</summary>
    public static string TextStory(string title, string marker = "") => $"""
        {title}

        LISBON (Reuters) - The city council approved a plan on Monday to plant four thousand trees along the river front by the end of next year{marker}.

        Engineers said the new shade would lower the temperature of the pavements by several degrees during the summer months.

        Residents who spoke at the meeting asked for benches and drinking fountains to be added along the same walk.
        """;

    /// <summary>A filler paragraph of about sixty words, so a feed item can pass the summary threshold.</summary>
    public const string LongParagraph =
        "The river ferries carried more passengers this spring than in any season since records began, and the operators said the rise came " +
        "from commuters who had given up on the crowded bridge. Timetables will add a boat every quarter hour at the busiest times, and two " +
        "older vessels will be replaced by electric ones before the autumn, according to the transport office.";
}
