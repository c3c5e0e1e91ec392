namespace NewsReader.Core.Text;

/// <summary>
/// Converts between UTF-16 indexes (what .NET strings and browsers count) and Unicode
/// code-point offsets (what NewsReader stores, as the W3C character model recommends).
/// </summary>
public static class CodePoints
{
    /// <summary>The number of code points in <paramref name="text"/>.</summary>
    public static int Count(string text) => Count(text, 0, text.Length);

    /// <summary>The number of code points in the UTF-16 range [start, end) of <paramref name="text"/>.</summary>
    public static int Count(string text, int utf16Start, int utf16End)
    {
        var count = 0;
        for (var i = utf16Start; i < utf16End; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < utf16End && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            count++;
        }
        return count;
    }

    /// <summary>The code-point offset of a UTF-16 index.</summary>
    public static int FromUtf16(string text, int utf16Index) => Count(text, 0, Math.Clamp(utf16Index, 0, text.Length));

    /// <summary>The UTF-16 index of a code-point offset; offsets past the end clamp to the end.</summary>
    public static int ToUtf16(string text, int codePointOffset)
    {
        if (!HasSurrogates(text))
        {
            return Math.Clamp(codePointOffset, 0, text.Length);
        }
        var index = 0;
        for (var seen = 0; seen < codePointOffset && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    /// <summary>The text of the code-point range [start, end).</summary>
    public static string Slice(string text, int start, int end)
    {
        var from = ToUtf16(text, start);
        var to = ToUtf16(text, end);
        return text[from..to];
    }

    /// <summary>True when some character lies outside the Basic Multilingual Plane.</summary>
    public static bool HasSurrogates(string text) => text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
}
