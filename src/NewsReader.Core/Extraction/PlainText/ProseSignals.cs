using System.Text.RegularExpressions;

namespace NewsReader.Core.Extraction.PlainText;

/// <summary>The small tests of a line of plain text that layout, title and heading rules share.</summary>
internal static partial class ProseSignals
{
    /// <summary>True when the line ends a sentence: a stop, question or exclamation mark or colon, maybe inside quotes or brackets.</summary>
    public static bool EndsSentence(string line) => SentenceEnd().IsMatch(line);

    public static bool StartsLowercase(string line)
    {
        var first = line.TrimStart().FirstOrDefault(c => char.IsLetterOrDigit(c));
        return char.IsLower(first);
    }

    public static string[] Words(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many <see cref="Words"/> the line has, counted without making them: paragraphs are measured by the thousand.</summary>
    public static int WordCount(string line)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in line.AsSpan())
        {
            var space = char.IsWhiteSpace(c);
            count += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return count;
    }

    [GeneratedRegex(@"[.!?…:][""'”’)\]»]*\s*$")]
    private static partial Regex SentenceEnd();
}
