using System.Text;

namespace NewsReader.Core.Exchange;

/// <summary>
/// A CSV export read as rows of named fields (RFC 4180: quoted fields with doubled quotes and
/// line breaks inside): header names matched without regard to case or surrounding space, a
/// missing column read as null. Small enough to keep here rather than learn CsvHelper 34's
/// new reader for three files.
/// </summary>
public static class CsvTable
{
    /// <summary>The header's names, lower-cased and trimmed (a byte order mark already gone).</summary>
    public static IReadOnlyList<string> Header(ExportFile file) =>
        Records(file.FirstLine).FirstOrDefault()?.Select(h => h.Trim().ToLowerInvariant()).ToList() ?? [];

    public static bool HasColumns(ExportFile file, params string[] names)
    {
        var header = Header(file);
        return names.All(header.Contains);
    }

    /// <summary>Each row after the header, as a lookup by lower-cased column name.</summary>
    public static IEnumerable<Func<string, string?>> Rows(ExportFile file)
    {
        string[]? header = null;
        foreach (var record in Records(file.Text.TrimStart()))
        {
            if (header is null)
            {
                header = record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
                continue;
            }
            if (record is [""])
            {
                continue;
            }
            var fields = record;
            yield return name => Array.IndexOf(header, name) is var i and >= 0 && i < fields.Length ? fields[i] : null;
        }
    }

    /// <summary>The records of RFC 4180 text; a stray quote inside an unquoted field is kept as it is.</summary>
    public static IEnumerable<string[]> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                fields.Add(field.ToString());
                field.Clear();
                yield return fields.ToArray();
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
