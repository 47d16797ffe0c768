using System.Text;

namespace Llt.Codecs.Otf;

/// <summary>
/// Text in char arrays and var data. UTF-8 (any spelling of the name) is decoded as UTF-8, invalid sequences becoming
/// U+FFFD. Every other character encoding (US-ASCII, ISO-8859-1, ...) is treated as one byte per character, bytes
/// mapped to U+0000..U+00FF, so that decoding then encoding gives back the same bytes even for bytes above 0x7F.
/// </summary>
internal static class OtfText
{
    public static bool IsUtf8(string? characterEncoding)
    {
        return characterEncoding != null
            && (string.Equals(characterEncoding, "UTF-8", StringComparison.OrdinalIgnoreCase)
                || string.Equals(characterEncoding, "UTF8", StringComparison.OrdinalIgnoreCase));
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? characterEncoding)
    {
        return IsUtf8(characterEncoding) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The bytes of <paramref name="text"/>, or null with the offending character when it has no single-byte form.</summary>
    public static byte[]? TryEncode(string text, string? characterEncoding, out char unencodable)
    {
        unencodable = '\0';
        if (IsUtf8(characterEncoding))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        foreach (char c in text)
        {
            if (c > 0xFF)
            {
                unencodable = c;
                return null;
            }
        }

        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>The bytes of a fixed char array up to (not including) its trailing NULs.</summary>
    public static ReadOnlySpan<byte> TrimTrailingNuls(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.Length;
        while (end > 0 && bytes[end - 1] == 0)
        {
            end--;
        }

        return bytes.Slice(0, end);
    }
}
