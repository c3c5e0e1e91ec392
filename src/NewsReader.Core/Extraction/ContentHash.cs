using System.Security.Cryptography;
using System.Text;

namespace NewsReader.Core.Extraction;

/// <summary>The one content hash stored for files, revisions, feeds and feed items: SHA-256 in lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));
}
