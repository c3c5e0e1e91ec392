namespace NewsReader.Core.Text;

/// <summary>
/// Conversions between UTF-16 indexes (what .NET strings and browsers count) and
/// Unicode code point indexes (what W3C selectors count). A surrogate pair is one
/// code point; a lone surrogate also counts as one, so no input is rejected.
/// </summary>
public static class CodePoints
{
    /// <summary>True when <paramref name="text"/> holds any surrogate, i.e. UTF-16 and code point indexes may differ.</summary>
    public static bool HasSurrogates(ReadOnlySpan<char> text)
    {
        // Surrogates occupy U+D800..U+DFFF; IndexOfAnyInRange is vectorised.
        return text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
    }

    /// <summary>Number of code points in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        if (!HasSurrogates(text)) return text.Length;
        int count = 0;
        for (int i = 0; i < text.Length; i++, count++)
        {
            if (IsPairAt(text, i)) i++;
        }
        return count;
    }

    /// <summary>The code points of <paramref name="text"/>, one array element each.</summary>
    public static int[] ToArray(ReadOnlySpan<char> text)
    {
        var result = new int[Count(text)];
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsPairAt(text, i))
            {
                result[n++] = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            else
            {
                result[n++] = text[i];
            }
        }
        return result;
    }

    /// <summary>
    /// Converts a UTF-16 index into a code point index. An index that falls between
    /// the two halves of a surrogate pair maps to the code point that pair forms.
    /// </summary>
    public static int ToCodePointIndex(ReadOnlySpan<char> text, int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, text.Length);
        var head = text[..utf16Index];
        if (!HasSurrogates(head)) return utf16Index;
        int count = 0;
        for (int i = 0; i < utf16Index; i++, count++)
        {
            if (IsPairAt(text, i))
            {
                if (i + 1 == utf16Index) return count;
                i++;
            }
        }
        return count;
    }

    /// <summary>Converts a code point index into a UTF-16 index.</summary>
    public static int ToUtf16Index(ReadOnlySpan<char> text, int codePointIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePointIndex);
        if (!HasSurrogates(text))
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(codePointIndex, text.Length);
            return codePointIndex;
        }
        int i = 0;
        for (int n = 0; n < codePointIndex; n++)
        {
            if (i >= text.Length) throw new ArgumentOutOfRangeException(nameof(codePointIndex), codePointIndex, "Beyond the end of the text.");
            i += IsPairAt(text, i) ? 2 : 1;
        }
        return i;
    }

    /// <summary>The substring covering code points [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static string Slice(string text, int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        int from = ToUtf16Index(text, start);
        int to = from + ToUtf16Index(text.AsSpan(from), end - start);
        return text[from..to];
    }

    /// <summary>Builds a string from code points (the inverse of <see cref="ToArray"/>).</summary>
    public static string FromCodePoints(ReadOnlySpan<int> codePoints)
    {
        var builder = new System.Text.StringBuilder(codePoints.Length);
        foreach (int cp in codePoints)
        {
            // Lone surrogates came from the input as single chars; keep them as they were.
            if (cp is >= 0xD800 and <= 0xDFFF) builder.Append((char)cp);
            else builder.Append(char.ConvertFromUtf32(cp));
        }
        return builder.ToString();
    }

    private static bool IsPairAt(ReadOnlySpan<char> text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
