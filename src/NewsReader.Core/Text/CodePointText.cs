namespace NewsReader.Core.Text;

/// <summary>
/// A text decoded once into code points, so that anchoring many annotations against the
/// same article does not decode it again for each one. Offsets it takes and returns are
/// code point offsets unless a method says otherwise.
/// </summary>
public sealed class CodePointText
{
    private readonly int[] _points;

    // Only built when the text has surrogate pairs; otherwise both index kinds agree.
    private readonly int[]? _utf16Offsets;

    /// <summary>Decodes <paramref name="text"/>.</summary>
    public CodePointText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _points = CodePoints.ToArray(text);
        if (_points.Length != text.Length)
        {
            _utf16Offsets = new int[_points.Length + 1];
            int offset = 0;
            for (int i = 0; i < _points.Length; i++)
            {
                _utf16Offsets[i] = offset;
                offset += _points[i] > 0xFFFF ? 2 : 1;
            }
            _utf16Offsets[_points.Length] = offset;
        }
    }

    /// <summary>The original string.</summary>
    public string Text { get; }

    /// <summary>Length in code points.</summary>
    public int Length => _points.Length;

    /// <summary>The code points.</summary>
    public ReadOnlySpan<int> Points => _points;

    /// <summary>Converts a code point offset to a UTF-16 offset into <see cref="Text"/>.</summary>
    public int ToUtf16Index(int codePointIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePointIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codePointIndex, Length);
        return _utf16Offsets is null ? codePointIndex : _utf16Offsets[codePointIndex];
    }

    /// <summary>Converts a UTF-16 offset into <see cref="Text"/> to a code point offset.</summary>
    public int ToCodePointIndex(int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, Text.Length);
        if (_utf16Offsets is null) return utf16Index;
        int found = Array.BinarySearch(_utf16Offsets, utf16Index);
        // Between the halves of a pair: the code point that pair forms.
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The substring covering code points [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public string Slice(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return Text[ToUtf16Index(start)..ToUtf16Index(end)];
    }
}
