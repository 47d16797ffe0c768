namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'Y' Reg SHO Short Sale Price Test Restricted Indicator (4.2.3) message (20 bytes, <see cref="ItchDescriptor.RegShoRestriction"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchRegShoRestriction
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchRegShoRestriction(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'Y' message of exactly 20 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchRegShoRestriction view)
    {
        bool valid = message.Length == ItchDescriptor.RegShoRestriction.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.RegShoRestriction.Type;
        view = valid ? new ItchRegShoRestriction(message) : default;
        return valid;
    }

    /// <summary>The message bytes, type byte included.</summary>
    public ReadOnlySpan<byte> Bytes => _message;

    /// <summary>Locate code of the security for the day.</summary>
    public ushort StockLocate => ItchFieldReader.UInt16(_message, ItchDescriptor.StockLocateOffset);

    /// <summary>Nasdaq internal tracking number.</summary>
    public ushort TrackingNumber => ItchFieldReader.UInt16(_message, ItchDescriptor.TrackingNumberOffset);

    /// <summary>Nanoseconds since midnight.</summary>
    public long Timestamp => ItchFieldReader.Timestamp(_message);

    /// <summary>Stock symbol, 8 ASCII characters right-padded with spaces.</summary>
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.RegShoRestriction.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.RegShoRestriction.StockOffset));

    /// <summary>0 no price test, 1 restriction in effect (intraday drop), 2 restriction remains in effect.</summary>
    public char RegShoAction => (char)ItchFieldReader.Byte(_message, ItchDescriptor.RegShoRestriction.RegShoActionOffset);
}
