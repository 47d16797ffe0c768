namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// View over an ITCH 5.0 'h' Operational Halt (4.2.8) message (21 bytes, <see cref="ItchDescriptor.OperationalHalt"/>). Zero-copy; valid
/// while the message bytes are.
/// </summary>
public readonly ref struct ItchOperationalHalt
{
    private readonly ReadOnlySpan<byte> _message;

    /// <summary>Wraps a message already checked to be of this type and length (as <see cref="ItchParser"/> does).</summary>
    internal ItchOperationalHalt(ReadOnlySpan<byte> message) => _message = message;

    /// <summary>Wraps <paramref name="message"/> if it is a 'h' message of exactly 21 bytes.</summary>
    public static bool TryWrap(ReadOnlySpan<byte> message, out ItchOperationalHalt view)
    {
        bool valid = message.Length == ItchDescriptor.OperationalHalt.Length && message[ItchDescriptor.MessageTypeOffset] == ItchDescriptor.OperationalHalt.Type;
        view = valid ? new ItchOperationalHalt(message) : default;
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
    public ReadOnlySpan<byte> Stock => _message.Slice(ItchDescriptor.OperationalHalt.StockOffset, ItchDescriptor.StockLength);

    /// <summary>The stock symbol as a comparable value.</summary>
    public ItchSymbol Symbol => new(ItchFieldReader.UInt64(_message, ItchDescriptor.OperationalHalt.StockOffset));

    /// <summary>Q Nasdaq, B BX, X PSX.</summary>
    public char MarketCode => (char)ItchFieldReader.Byte(_message, ItchDescriptor.OperationalHalt.MarketCodeOffset);

    /// <summary>H halted on that market, T resumed.</summary>
    public char OperationalHaltAction => (char)ItchFieldReader.Byte(_message, ItchDescriptor.OperationalHalt.OperationalHaltActionOffset);
}
