namespace NewsReader.Web.Library.Ingestion;

/// <summary>Reads a stream that comes from outside (a request body, a fetched page) up to a limit, and never further.</summary>
public static class BoundedRead
{
    /// <summary>All of <paramref name="stream"/>, or null as soon as it holds more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
