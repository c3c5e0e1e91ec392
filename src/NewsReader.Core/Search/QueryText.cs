using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsReader.Core.Search;

/// <summary>Cleans raw input before it is read as a query.</summary>
internal static class QueryText
{
    /// <summary>
    /// Bounds the input (before any other work, so a pasted megabyte costs nothing), then
    /// drops what cannot be searched or could mislead: control and invisible format
    /// characters (bidi overrides, zero-width spaces), lone surrogates, replacement
    /// characters and non-characters, the first of which make <see cref="string.Normalize()"/> throw. Whitespace of any kind becomes
    /// one plain space so the lexer has a single separator. Typographic double quotes become
    /// <c>"</c> because phones type them for phrases. NFC composes accents so "café" typed
    /// with a combining accent reads as one word.
    /// </summary>
    public static string Clean(string input, List<string> messages)
    {
        var span = input.AsSpan();
        if (span.Length > SearchQueryParser.MaxInputLength)
        {
            var cut = SearchQueryParser.MaxInputLength;
            if (char.IsHighSurrogate(span[cut - 1]))
            {
                cut--;
            }
            span = span[..cut];
            messages.Add($"Your search was cut to its first {SearchQueryParser.MaxInputLength:N0} characters.");
        }

        var builder = new StringBuilder(span.Length);
        while (!span.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(span, out var rune, out var consumed);
            span = span[consumed..];
            if (status != OperationStatus.Done)
            {
                continue;
            }
            if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
                continue;
            }
            if (rune.Value is '\u201C' or '\u201D' or '\u201E')
            {
                builder.Append('"');
                continue;
            }
            if (IsDropped(rune))
            {
                continue;
            }
            builder.Append(rune.ToString());
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static bool IsDropped(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
        {
            return true;
        }
        // Non-characters (U+FDD0..U+FDEF and every U+xxFFFE/U+xxFFFF) are never text, and
        // U+FFFD only marks bytes a decoder already lost (it is what a lone surrogate
        // becomes on its way through UTF-8), so neither is worth searching for.
        return rune.Value is >= 0xFDD0 and <= 0xFDEF or 0xFFFD || (rune.Value & 0xFFFE) == 0xFFFE;
    }
}
