using System.Buffers.Binary;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// An 8-character ITCH stock field (ASCII, left-justified, space-padded) held as its big-endian 64-bit value, so
/// symbols compare and hash as one integer with no string on the hot path.
/// </summary>
public readonly record struct ItchSymbol(ulong Value)
{
    /// <summary>Encodes <paramref name="symbol"/> (1–8 ASCII characters) the way ITCH sends it.</summary>
    public static ItchSymbol From(ReadOnlySpan<char> symbol)
    {
        if (symbol.IsEmpty || symbol.Length > ItchDescriptor.StockLength)
        {
            throw new ArgumentException($"an ITCH symbol has 1 to 8 characters, got '{symbol.ToString()}'", nameof(symbol));
        }

        Span<byte> field = stackalloc byte[ItchDescriptor.StockLength];
        field.Fill((byte)' ');
        for (int i = 0; i < symbol.Length; i++)
        {
            field[i] = (byte)symbol[i];
        }

        return new ItchSymbol(BinaryPrimitives.ReadUInt64BigEndian(field));
    }

    /// <summary>The symbol without its padding (allocates; for tools and logs, not the hot path).</summary>
    public override string ToString()
    {
        Span<byte> field = stackalloc byte[ItchDescriptor.StockLength];
        BinaryPrimitives.WriteUInt64BigEndian(field, Value);
        return System.Text.Encoding.ASCII.GetString(field).TrimEnd(' ');
    }
}
